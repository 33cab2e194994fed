/**
 * For the live search tests: listings as facilities save them, a ListingSource kept in memory
 * (the database's part of LiveListings), queries, and waiting for a condition.
 */
import type { Availability } from '~/catalogue';
import type { ListingBody } from '~/listings';
import type { ListingChange, ListingSource } from '~/listings/live-listings';
import type { SearchQuery } from '~/search/types';

/** A valid saved listing: one variant per price. */
export function listingBody(
  sku: string,
  prices: number[],
  { availability = 'in_stock', description }: { availability?: Availability; description?: string } = {},
): ListingBody {
  return {
    ...(description ? { description: { vi: description } } : {}),
    variants: prices.map((price, i) => ({
      sku: `${sku}-${i + 1}`,
      name: { vi: `Loại ${i + 1}` },
      packSize: `Gói ${i + 1}`,
      price,
      wholesaleTiers: [],
      minOrderQuantity: 1,
      availability,
      ...(availability === 'made_to_order' ? { leadTimeDays: 10 } : {}),
      weightGrams: 500,
    })),
  };
}

/** What the listings table would answer, held in memory; `save` is a facility's save. */
export class MemoryListingSource implements ListingSource {
  private seq = 0;
  private readonly saved: (ListingChange & { seq: number })[] = [];
  /** How many times LiveListings asked for changes. */
  loads = 0;

  save(productId: string, listing: ListingBody | null): void {
    this.seq += 1;
    this.saved.push({ productId, listing, revision: this.seq, seq: this.seq });
  }

  async latestSeq(): Promise<number> {
    return this.seq;
  }

  async changedSince(seq: number) {
    this.loads++;
    return {
      listings: this.saved
        .filter((c) => c.seq > seq)
        .map(({ productId, listing, revision }) => ({ productId, listing, revision })),
      photos: new Map(),
      seq: this.seq,
    };
  }
}

export const query = (rest: Partial<SearchQuery> = {}): SearchQuery => ({
  q: '',
  filters: {},
  sort: 'relevance',
  page: 1,
  limit: 50,
  ...rest,
});

/** Calls `probe` until it returns true; the milliseconds that took, or a failure after `timeoutMs`. */
export async function within(
  timeoutMs: number,
  probe: () => Promise<boolean>,
  everyMs = 20,
): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await probe()) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** A promise and the functions that settle it. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
