/**
 * What facilities saved, laid over the built catalogue on every server without a rebuild.
 * Each server asks the database "anything newer than the last change I have?" at most once per
 * `checkEveryMs` (one indexed query), loads only what changed, and rebuilds its catalogue view
 * once per change, not per request. A save on this server calls `invalidate()` so its next
 * request sees the save at once; the other servers see it within `checkEveryMs` plus a query.
 * If the database cannot answer, the last state loaded stands (and is logged once).
 */
import { Catalogue, type Listing } from '~/catalogue';
import type { ListingBody } from './listing-input';
import type { LivePhoto } from './photo-urls';

export interface ListingChange {
  productId: string;
  listing: ListingBody | null;
  revision: number;
}

export interface ListingSource {
  /** The newest change number (0 when nothing was ever saved). */
  latestSeq(): Promise<number>;
  /** Listings changed after `seq`, and the current photos of every product whose photos changed. */
  changedSince(seq: number): Promise<{
    listings: ListingChange[];
    photos: Map<string, LivePhoto[]>;
    seq: number;
  }>;
}

export class LiveListings {
  /** Change numbers start at 1, so 0 is "nothing saved yet". */
  private seq = 0;
  private readonly listings = new Map<string, ListingChange>();
  private readonly photos = new Map<string, LivePhoto[]>();
  private lastCheck = Number.NEGATIVE_INFINITY;
  private pending: Promise<void> | undefined;
  private failing = false;
  private readonly overlaid = new WeakMap<Catalogue, { seq: number; catalogue: Catalogue }>();

  constructor(
    private readonly source: ListingSource,
    private readonly checkEveryMs = 1000,
    private readonly now: () => number = Date.now,
    private readonly warn: (message: string) => void = console.warn,
  ) {}

  /** The next `apply` asks the database at once (after a save on this server). */
  invalidate(): void {
    this.lastCheck = Number.NEGATIVE_INFINITY;
  }

  /** The change number the current state includes. */
  get version(): number {
    return this.seq;
  }

  async apply(base: Catalogue): Promise<Catalogue> {
    await this.refresh();
    if (this.listings.size === 0) return base;
    const hit = this.overlaid.get(base);
    if (hit?.seq === this.seq) return hit.catalogue;
    const catalogue = withListings(base, this.listings);
    this.overlaid.set(base, { seq: this.seq, catalogue });
    return catalogue;
  }

  /** A product's uploaded photos in order (empty: none, the files' pictures stand). */
  async photosOf(productId: string): Promise<LivePhoto[]> {
    await this.refresh();
    return this.photos.get(productId) ?? [];
  }

  private refresh(): Promise<void> {
    if (this.now() - this.lastCheck < this.checkEveryMs) return Promise.resolve();
    this.pending ??= this.reload().finally(() => {
      this.lastCheck = this.now();
      this.pending = undefined;
    });
    return this.pending;
  }

  private async reload(): Promise<void> {
    try {
      const latest = await this.source.latestSeq();
      if (latest === this.seq) return;
      const changes = await this.source.changedSince(this.seq);
      for (const change of changes.listings) this.listings.set(change.productId, change);
      for (const [productId, photos] of changes.photos) {
        if (photos.length > 0) this.photos.set(productId, photos);
        else this.photos.delete(productId);
      }
      this.seq = changes.seq;
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.warn(`saved listings not reloaded: ${(error as Error).message}`);
      this.failing = true;
    }
  }
}

/**
 * The files' listings with the saved ones in their place (null: no listing), plus saved listings
 * of products the files list nothing for (only products in `known`). The files' pictures stay;
 * uploaded photos are kept apart (photosOf). Also the shape of `npm run facility --
 * export-listings`, so an export reads like content/listings/listings.json.
 */
export function mergeListings(
  files: readonly Listing[],
  saved: ReadonlyMap<string, Pick<ListingChange, 'listing'>>,
  known: (productId: string) => boolean,
): Listing[] {
  const merged: Listing[] = [];
  const done = new Set<string>();
  const overlay = (productId: string, file: Listing | undefined): Listing | undefined => {
    const change = saved.get(productId);
    if (!change) return file;
    if (!change.listing) return undefined;
    return {
      id: file?.id ?? productId,
      productId,
      ...(change.listing.description ? { description: change.listing.description } : {}),
      photos: file?.photos ?? [],
      variants: change.listing.variants.map((v) => ({ ...v })),
    };
  };
  for (const file of files) {
    done.add(file.productId);
    const listing = overlay(file.productId, file);
    if (listing) merged.push(listing);
  }
  for (const productId of saved.keys()) {
    if (done.has(productId) || !known(productId)) continue;
    const listing = overlay(productId, undefined);
    if (listing) merged.push(listing);
  }
  return merged;
}

/** The catalogue with these listings in place of the files'. */
export function withListings(base: Catalogue, saved: ReadonlyMap<string, ListingChange>): Catalogue {
  // Revision 0 is "as the files say" (every change undone): the built files stand.
  const changed = new Map([...saved].filter(([, change]) => change.revision > 0));
  const listings = mergeListings(base.data.listings, changed, (id) => base.productById.has(id));
  return new Catalogue({ ...base.data, listings }, base.origin);
}
