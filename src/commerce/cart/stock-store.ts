/**
 * Stock for the SKUs whose listing tracks it (variant.stock). The listing gives the starting
 * figure; the database keeps what is left. An order takes units with one conditional UPDATE,
 * so two orders racing for the last unit cannot both get it: the row lock makes the second
 * re-check `remaining >= quantity` after the first commits.
 */
import { and, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Catalogue } from '~/catalogue';
import { stockLevels, stockReservations } from '~/commerce/db-schema';
import type { Database } from '~/db/client';

const seeded = new WeakMap<Database, WeakMap<Catalogue, Promise<void>>>();

/**
 * Inserts a stock row for every SKU the listing files track that has none yet (existing rows are
 * left alone). Keyed on the files' catalogue (catalogue.origin), so live overlays do not re-seed:
 * a facility's saved stock is written when it is saved (setStock).
 */
export function ensureStockSeeded(db: Database, live: Catalogue): Promise<void> {
  const catalogue = live.origin;
  let perCatalogue = seeded.get(db);
  if (!perCatalogue) {
    perCatalogue = new WeakMap();
    seeded.set(db, perCatalogue);
  }
  let done = perCatalogue.get(catalogue);
  if (!done) {
    const rows = [...catalogue.variantBySku.values()]
      .filter(({ variant }) => variant.stock !== undefined)
      .map(({ variant }) => ({ sku: variant.sku, remaining: variant.stock! }));
    done = rows.length
      ? db
          .insert(stockLevels)
          .values(rows)
          .onConflictDoNothing()
          .then(() => undefined)
      : Promise.resolve();
    // A failed seed must be retried by the next caller, not cached.
    done.catch(() => perCatalogue.delete(catalogue));
    perCatalogue.set(catalogue, done);
  }
  return done;
}

/**
 * Sets the units available to sell for a SKU, in the caller's transaction. With `seen` (the
 * figure the facility's screen showed), the change is applied as a difference, so units ordered
 * since the screen was loaded stay taken: 10 shown, 15 saved, 3 ordered meanwhile → 12. Without
 * it (the facility API), the figure is the new count. Never below 0; orders and this update
 * lock the same row, so an order either took its units before or takes them from the new count.
 */
export async function setStock(tx: Database, sku: string, units: number, seen?: number): Promise<number> {
  const now = new Date();
  const next =
    seen === undefined ? sql`${units}` : sql`GREATEST(0, ${stockLevels.remaining} + ${units - seen})`;
  const [row] = await tx
    .insert(stockLevels)
    .values({ sku, remaining: units, updatedAt: now })
    .onConflictDoUpdate({ target: stockLevels.sku, set: { remaining: next, updatedAt: now } })
    .returning({ remaining: stockLevels.remaining });
  return row!.remaining;
}

/** Takes `quantity` units if that many remain; false (and nothing changed) otherwise. */
export async function takeStock(tx: Database, sku: string, quantity: number): Promise<boolean> {
  const taken = await tx
    .update(stockLevels)
    .set({ remaining: sql`${stockLevels.remaining} - ${quantity}`, updatedAt: new Date() })
    .where(and(eq(stockLevels.sku, sku), gte(stockLevels.remaining, quantity)))
    .returning({ sku: stockLevels.sku });
  return taken.length === 1;
}

/** Gives back what the shipments' reservations took, each reservation at most once. */
export async function releaseReservations(tx: Database, shipmentIds: number[], now: Date): Promise<void> {
  if (shipmentIds.length === 0) return;
  const released = await tx
    .update(stockReservations)
    .set({ releasedAt: now })
    .where(and(inArray(stockReservations.shipmentId, shipmentIds), isNull(stockReservations.releasedAt)))
    .returning({ sku: stockReservations.sku, quantity: stockReservations.quantity });
  for (const r of released) {
    await tx
      .update(stockLevels)
      .set({ remaining: sql`${stockLevels.remaining} + ${r.quantity}`, updatedAt: now })
      .where(eq(stockLevels.sku, r.sku));
  }
}

/** Units left per tracked SKU among `skus` (untracked SKUs are absent from the map). */
export async function remainingStock(db: Database, skus: string[]): Promise<Map<string, number>> {
  if (skus.length === 0) return new Map();
  const rows = await db
    .select({ sku: stockLevels.sku, remaining: stockLevels.remaining })
    .from(stockLevels)
    .where(inArray(stockLevels.sku, skus));
  return new Map(rows.map((r) => [r.sku, r.remaining]));
}
