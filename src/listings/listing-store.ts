/**
 * Saving a facility's listing: one transaction holds the listing, its revision (history and
 * undo), the SKUs it owns, the stock it sets and the audit entry, so either all of it is saved
 * or none. The servers see the change through the sequence number it takes (live-listings.ts).
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { setStock } from '~/commerce/astro';
import { type Actor, appendAudit } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { listingRevisions, listingSkus, listings } from './db-schema';
import type { ListingBody, ListingProblems } from './listing-input';

export interface ListingTarget {
  productId: string;
  /** The product's facility, as the registry says. */
  facilityId: string;
  /** The files' listing (what the product shows before any save), recorded as revision 0. */
  fileListing: ListingBody | null;
  /** The product whose listing in the files holds a SKU, if any (saved SKUs: listing_skus). */
  skuOwner: (sku: string) => string | undefined;
}

export interface SaveOptions {
  /** The revision the editor was loaded at: a save over a newer one is refused (conflict). */
  expectedRevision?: number | undefined;
  /** Units each SKU's stock field showed: the save applies the difference (see setStock). */
  stockSeen?: Readonly<Record<string, number>> | undefined;
}

export interface SavedListing {
  productId: string;
  revision: number;
  listing: ListingBody | null;
  /** Units left per tracked SKU after the save. */
  stock: Record<string, number>;
}

export type SaveOutcome =
  | { ok: true; saved: SavedListing }
  | { ok: false; reason: 'problems'; problems: ListingProblems }
  | { ok: false; reason: 'conflict'; currentRevision: number }
  | { ok: false; reason: 'nothing_to_undo' };

/** Rolls the transaction back and carries the outcome out of it. */
class Refused extends Error {
  constructor(readonly outcome: SaveOutcome) {
    super('listing save refused');
  }
}

/**
 * The change number for a write, taken last in its transaction under a lock held until commit:
 * changes then commit in number order, so a server that has seen number N has seen every change
 * numbered below it (a sequence alone hands out numbers in start order, not commit order).
 */
export async function takeChangeSeq(tx: Database): Promise<number> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${LISTING_CHANGE_LOCK})`);
  const [row] = rowsOf<{ seq: string }>(await tx.execute(sql`SELECT nextval('listing_change_seq') AS seq`));
  return Number(row!.seq);
}

/** Any number, the same for every writer of listings and photos. */
const LISTING_CHANGE_LOCK = 604_0001;

const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);

/** The listing as saved now and its revision; undefined when the product was never saved. */
export async function savedListing(
  db: Database,
  productId: string,
): Promise<{ listing: ListingBody | null; revision: number } | undefined> {
  const [row] = await db
    .select({ listing: listings.listing, revision: listings.revision })
    .from(listings)
    .where(eq(listings.productId, productId));
  return row;
}

async function lockRow(tx: Database, target: ListingTarget, actor: Actor) {
  const [row] = await tx
    .select()
    .from(listings)
    .where(eq(listings.productId, target.productId))
    .for('update');
  if (row) return row;
  // First save: record what the files said as revision 0, so undo can go back to it. Two
  // first saves at once: the second waits on the primary key, then sees the first's row.
  const inserted = await tx
    .insert(listings)
    .values({
      productId: target.productId,
      facilityId: target.facilityId,
      listing: target.fileListing,
      revision: 0,
      changedBy: actor.label,
      // The real number is taken when the save is written (takeChangeSeq).
      seq: 0,
    })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 1)
    await tx.insert(listingRevisions).values({
      productId: target.productId,
      revision: 0,
      listing: target.fileListing,
      actorLabel: 'files',
    });
  const [locked] = await tx
    .select()
    .from(listings)
    .where(eq(listings.productId, target.productId))
    .for('update');
  return locked!;
}

/** Makes `listing`'s SKUs this product's (and only those); problems for SKUs another product holds. */
async function claimSkus(tx: Database, target: ListingTarget, listing: ListingBody | null): Promise<void> {
  const skus = listing?.variants.map((v) => v.sku) ?? [];
  const problems: ListingProblems = {};
  const taken = (sku: string) => {
    const i = skus.indexOf(sku);
    problems[`variants.${i}.sku`] = 'sku_taken';
  };
  for (const sku of skus) {
    const owner = target.skuOwner(sku);
    if (owner !== undefined && owner !== target.productId) taken(sku);
  }
  await tx.delete(listingSkus).where(eq(listingSkus.productId, target.productId));
  if (skus.length > 0) {
    const claimed = await tx
      .insert(listingSkus)
      .values(skus.map((sku) => ({ sku, productId: target.productId })))
      .onConflictDoNothing()
      .returning({ sku: listingSkus.sku });
    const mine = new Set(claimed.map((c) => c.sku));
    for (const sku of skus) if (!mine.has(sku)) taken(sku);
  }
  if (Object.keys(problems).length > 0) throw new Refused({ ok: false, reason: 'problems', problems });
}

/** Writes each tracked SKU's stock: as a difference from what the editor showed, else as the count. */
async function applyStock(
  tx: Database,
  listing: ListingBody | null,
  seen: Readonly<Record<string, number>> | undefined,
): Promise<Record<string, number>> {
  const stock: Record<string, number> = {};
  for (const v of listing?.variants ?? [])
    if (v.stock !== undefined) stock[v.sku] = await setStock(tx, v.sku, v.stock, seen?.[v.sku]);
  return stock;
}

async function write(
  tx: Database,
  actor: Actor,
  target: ListingTarget,
  row: { listing: ListingBody | null; revision: number },
  next: { listing: ListingBody | null; revision: number },
  action: 'listing.update' | 'listing.undo',
) {
  await tx
    .update(listings)
    .set({
      listing: next.listing,
      revision: next.revision,
      facilityId: target.facilityId,
      changedAt: new Date(),
      changedBy: actor.label,
      seq: await takeChangeSeq(tx),
    })
    .where(eq(listings.productId, target.productId));
  await appendAudit(tx, actor, {
    action,
    target: { type: 'product', id: target.productId },
    facilityId: target.facilityId,
    before: { revision: row.revision, listing: row.listing },
    after: { revision: next.revision, listing: next.listing },
  });
}

async function refusable(run: () => Promise<SaveOutcome>): Promise<SaveOutcome> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Refused) return error.outcome;
    throw error;
  }
}

export function saveListing(
  db: Database,
  actor: Actor,
  target: ListingTarget,
  listing: ListingBody,
  options: SaveOptions = {},
): Promise<SaveOutcome> {
  return refusable(() =>
    db.transaction(async (tx) => {
      const row = await lockRow(tx, target, actor);
      if (options.expectedRevision !== undefined && options.expectedRevision !== row.revision)
        throw new Refused({ ok: false, reason: 'conflict', currentRevision: row.revision });
      await claimSkus(tx, target, listing);
      const [{ top }] = (await tx
        .select({ top: sql<number>`max(${listingRevisions.revision})` })
        .from(listingRevisions)
        .where(eq(listingRevisions.productId, target.productId))) as [{ top: number }];
      const revision = Number(top) + 1;
      await tx
        .insert(listingRevisions)
        .values({ productId: target.productId, revision, listing, actorLabel: actor.label });
      const stock = await applyStock(tx, listing, options.stockSeen);
      await write(tx, actor, target, row, { listing, revision }, 'listing.update');
      return { ok: true, saved: { productId: target.productId, revision, listing, stock } };
    }),
  );
}

/**
 * Steps back one saved change: the current revision is marked undone and the one before it
 * (down to the files' listing) is shown again. Stock counts are not stepped back: units sold
 * since stay sold.
 */
export function undoLastChange(db: Database, actor: Actor, target: ListingTarget): Promise<SaveOutcome> {
  return refusable(() =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(listings)
        .where(eq(listings.productId, target.productId))
        .for('update');
      if (!row || row.revision === 0) throw new Refused({ ok: false, reason: 'nothing_to_undo' });
      const active = await tx
        .select()
        .from(listingRevisions)
        .where(and(eq(listingRevisions.productId, target.productId), isNull(listingRevisions.undoneAt)))
        .orderBy(desc(listingRevisions.revision))
        .limit(2);
      const [current, previous] = active;
      if (!current || !previous || current.revision !== row.revision)
        throw new Refused({ ok: false, reason: 'nothing_to_undo' });
      await claimSkus(tx, target, previous.listing);
      await tx
        .update(listingRevisions)
        .set({ undoneAt: new Date() })
        .where(eq(listingRevisions.id, current.id));
      // Tracked SKUs the older listing brings back get a stock row if they have none; existing
      // rows keep their count (a difference of 0 from itself).
      const stock: Record<string, number> = {};
      for (const v of previous.listing?.variants ?? [])
        if (v.stock !== undefined) stock[v.sku] = await setStock(tx, v.sku, v.stock, v.stock);
      await write(
        tx,
        actor,
        target,
        row,
        { listing: previous.listing, revision: previous.revision },
        'listing.undo',
      );
      return {
        ok: true,
        saved: { productId: target.productId, revision: previous.revision, listing: previous.listing, stock },
      };
    }),
  );
}

export interface ListingRevisionEntry {
  revision: number;
  actorLabel: string;
  createdAt: Date;
  undone: boolean;
  /** Whether this is the revision shown now. */
  current: boolean;
}

/** Newest first. */
export async function listingHistory(db: Database, productId: string): Promise<ListingRevisionEntry[]> {
  const [row] = await db
    .select({ revision: listings.revision })
    .from(listings)
    .where(eq(listings.productId, productId));
  const rows = await db
    .select()
    .from(listingRevisions)
    .where(eq(listingRevisions.productId, productId))
    .orderBy(desc(listingRevisions.revision));
  return rows.map((r) => ({
    revision: r.revision,
    actorLabel: r.actorLabel,
    createdAt: r.createdAt,
    undone: r.undoneAt !== null,
    current: r.revision === row?.revision,
  }));
}
