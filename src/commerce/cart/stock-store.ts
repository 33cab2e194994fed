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

/** Inserts a stock row for every tracked SKU that has none yet (existing rows are left alone). */
export function ensureStockSeeded(db: Database, catalogue: Catalogue): Promise<void> {
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
