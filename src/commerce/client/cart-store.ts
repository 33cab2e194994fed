/**
 * The cart, kept in the browser's localStorage so it survives reloads and is shared by tabs.
 * It holds what the buyer chose plus the last known prices for display; the server prices
 * every order again from the listings, so nothing here is trusted.
 */
import type { WholesaleTier } from '~/catalogue';

export interface CartLine {
  sku: string;
  productId: string;
  quantity: number;
  productName: string;
  variantName: string;
  facilityId: string;
  facilityName: string;
  /** Retail price and tiers last seen, whole đồng. */
  price: number;
  wholesaleTiers: WholesaleTier[];
  /** Most units one order may take (0: no longer sold online). */
  maxQuantity: number;
  /** Set by the cart page when the latest check changed the line. */
  note?: 'reduced' | 'unavailable' | 'not_sellable' | undefined;
}

const KEY = 'cho-cnnt:cart:v1';
const EVENT = 'cart-change';

function isLine(value: unknown): value is CartLine {
  const l = value as CartLine;
  return (
    typeof l === 'object' &&
    l !== null &&
    typeof l.sku === 'string' &&
    typeof l.productId === 'string' &&
    Number.isInteger(l.quantity) &&
    l.quantity > 0 &&
    typeof l.price === 'number' &&
    Array.isArray(l.wholesaleTiers)
  );
}

export function readCart(): CartLine[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(raw) ? raw.filter(isLine) : [];
  } catch {
    return [];
  }
}

export function writeCart(lines: CartLine[]): void {
  try {
    if (lines.length) localStorage.setItem(KEY, JSON.stringify(lines));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage full or disabled (private mode): the cart lives for this page only.
  }
  document.dispatchEvent(new CustomEvent(EVENT));
}

/** Adds units of a line (capped at its maximum); returns the quantity now in the cart. */
export function addToCart(line: CartLine): number {
  const lines = readCart();
  const existing = lines.find((l) => l.sku === line.sku);
  const quantity = Math.min(line.maxQuantity, (existing?.quantity ?? 0) + line.quantity);
  if (existing) Object.assign(existing, { ...line, quantity });
  else lines.push({ ...line, quantity });
  writeCart(lines);
  return quantity;
}

export function removeFromCart(skus: readonly string[]): void {
  writeCart(readCart().filter((l) => !skus.includes(l.sku)));
}

/** Calls back when this tab or another one changes the cart. */
export function onCartChange(callback: () => void): void {
  document.addEventListener(EVENT, callback);
  window.addEventListener('storage', (e) => {
    if (e.key === KEY || e.key === null) callback();
  });
}

export function unitCount(lines: readonly CartLine[]): number {
  return lines.reduce((n, l) => n + l.quantity, 0);
}
