/**
 * Quote basket lines as they travel in a URL ("SKU:quantity,SKU:quantity") for the basket
 * export link. Pure logic without dependencies: it also runs in the basket island.
 */

export const MAX_BASKET_LINES = 100;
export const MAX_QUANTITY = 10_000_000;

export interface BasketLine {
  sku: string;
  quantity: number;
}

export function formatBasketParam(lines: readonly BasketLine[]): string {
  return lines.map((l) => `${l.sku}:${l.quantity}`).join(',');
}

export type BasketParse = { ok: true; lines: BasketLine[] } | { ok: false; message: string };

/** Parses the `items` parameter; whether each SKU exists is checked against the catalogue. */
export function parseBasketParam(value: string): BasketParse {
  const parts = value.split(',').filter((p) => p.trim() !== '');
  if (parts.length === 0) return { ok: false, message: 'the basket is empty' };
  if (parts.length > MAX_BASKET_LINES) return { ok: false, message: `at most ${MAX_BASKET_LINES} lines` };
  const lines: BasketLine[] = [];
  for (const [i, part] of parts.entries()) {
    const match = /^([^:\s]{1,60}):(\d{1,8})$/.exec(part.trim());
    const quantity = Number(match?.[2]);
    if (!match || quantity < 1 || quantity > MAX_QUANTITY)
      return { ok: false, message: `line ${i + 1} ("${part}") is not SKU:quantity` };
    lines.push({ sku: match[1]!, quantity });
  }
  return { ok: true, lines };
}
