/**
 * The quote basket in the browser: its own localStorage key (the retail cart keeps its own),
 * shared by every island on the page and across tabs (storage events). Each line keeps a
 * snapshot of the offer's terms so the basket renders without a request; the server checks
 * SKUs and minimum quantities again when the quote is sent. No framework here: the vanilla
 * islands use it directly and the basket page's React islands through ../islands/use-basket.ts.
 */
import type { WholesaleTier } from '~/catalogue';
import { MAX_BASKET_LINES } from '~/sourcing/basket-items';

export const BASKET_STORAGE_KEY = 'cho-cnnt:quote-basket:v1';

/** What the basket shows of an offer, captured when it was added. */
export interface OfferSnapshot {
  sku: string;
  productName: string;
  variantName: string;
  productPath: string;
  facilityId: string;
  facilityName: string;
  price: number;
  wholesaleTiers: WholesaleTier[];
  minOrderQuantity: number;
}

export interface BasketEntry {
  offer: OfferSnapshot;
  quantity: number;
}

const EMPTY: BasketEntry[] = [];
const listeners = new Set<() => void>();
// The same array while the stored text is unchanged: React's useSyncExternalStore needs a stable snapshot.
let cache: { raw: string | null; entries: BasketEntry[] } = { raw: null, entries: EMPTY };

function isEntry(value: unknown): value is BasketEntry {
  const v = value as BasketEntry;
  return (
    typeof v === 'object' &&
    v !== null &&
    Number.isInteger(v.quantity) &&
    v.quantity > 0 &&
    typeof v.offer?.sku === 'string' &&
    typeof v.offer.facilityId === 'string' &&
    Number.isInteger(v.offer.minOrderQuantity) &&
    Array.isArray(v.offer.wholesaleTiers)
  );
}

/** The stored basket; anything unreadable (old format, hand-edited) counts as empty. */
export function readBasket(): BasketEntry[] {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(BASKET_STORAGE_KEY);
  } catch {
    return EMPTY; // storage disabled
  }
  if (raw === cache.raw) return cache.entries;
  let entries = EMPTY;
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(parsed)) entries = parsed.filter(isEntry).slice(0, MAX_BASKET_LINES);
  } catch {
    entries = EMPTY;
  }
  cache = { raw, entries };
  return entries;
}

function write(entries: BasketEntry[]): void {
  try {
    localStorage.setItem(BASKET_STORAGE_KEY, JSON.stringify(entries));
  } catch {
    return; // full or disabled storage: the basket stays as it was
  }
  for (const listener of listeners) listener();
}

/** Adds an offer, or sets the quantity of one already in the basket. */
export function putInBasket(offer: OfferSnapshot, quantity: number): void {
  const entries = readBasket();
  const existing = entries.findIndex((e) => e.offer.sku === offer.sku);
  if (existing >= 0) write(entries.map((e, i) => (i === existing ? { offer, quantity } : e)));
  else if (entries.length < MAX_BASKET_LINES) write([...entries, { offer, quantity }]);
}

export function setQuantity(sku: string, quantity: number): void {
  write(readBasket().map((e) => (e.offer.sku === sku ? { ...e, quantity } : e)));
}

export function removeFromBasket(sku: string): void {
  write(readBasket().filter((e) => e.offer.sku !== sku));
}

export function clearBasket(): void {
  write([]);
}

/** Calls back when this page or another tab changes the basket; returns the unsubscribe. */
export function onBasketChange(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === BASKET_STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
