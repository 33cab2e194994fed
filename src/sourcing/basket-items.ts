/**
 * Quote basket lines as they travel in a URL ("SKU:quantity,SKU:quantity") for the basket
 * export link. Pure logic shared by the basket island and the export route.
 */
import { z } from 'zod';

export const MAX_BASKET_LINES = 100;

/** Format only; whether the SKU exists is checked against the catalogue. */
export const skuSchema = z.string().trim().min(1, 'required').max(60, 'too long');
export const quantitySchema = z.number().int('a whole number').min(1, 'at least 1').max(10_000_000, 'too large');

export interface BasketLine {
  sku: string;
  quantity: number;
}

export function formatBasketParam(lines: readonly BasketLine[]): string {
  return lines.map((l) => `${l.sku}:${l.quantity}`).join(',');
}

export type BasketParse = { ok: true; lines: BasketLine[] } | { ok: false; message: string };

export function parseBasketParam(value: string): BasketParse {
  const parts = value.split(',').filter((p) => p.trim() !== '');
  if (parts.length === 0) return { ok: false, message: 'the basket is empty' };
  if (parts.length > MAX_BASKET_LINES) return { ok: false, message: `at most ${MAX_BASKET_LINES} lines` };
  const lines: BasketLine[] = [];
  for (const [i, part] of parts.entries()) {
    const [sku = '', qty = ''] = part.trim().split(':');
    const parsedSku = skuSchema.safeParse(sku);
    const parsedQty = quantitySchema.safeParse(/^\d+$/.test(qty) ? Number(qty) : Number.NaN);
    if (!parsedSku.success || !parsedQty.success) return { ok: false, message: `line ${i + 1} ("${part}") is not SKU:quantity` };
    lines.push({ sku: parsedSku.data, quantity: parsedQty.data });
  }
  return { ok: true, lines };
}
