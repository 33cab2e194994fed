/**
 * Wholesale reads the live catalogue (src/sourcing/astro.ts serverOffers over liveCatalogue):
 * a price, tier or MOQ a facility saves is what /wholesale/, the exports and quote pricing
 * (POST /api/quotes plans with these offers) use, with no rebuild. The live catalogue itself
 * (saved listings over the build's) is src/listings' and is stood in for here.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Catalogue } from '~/catalogue/catalogue';
import type { ListingBody } from '~/listings';
import { withListings } from '~/listings/live-listings';
import { RateLimiter } from '~/security/rate-limit';
import { handleExport } from '~/sourcing/export-api';
import { planQuote } from '~/sourcing/quote-plan';
import { fixtureCatalogue } from './fixtures';

const live = vi.hoisted(() => ({ catalogue: undefined as Catalogue | undefined, reads: 0 }));

vi.mock('~/verification/astro', () => ({
  liveCatalogue: async () => {
    live.reads++;
    return live.catalogue!;
  },
}));

const { serverOffers } = await import('~/sourcing/astro');

const PRODUCT = 'nuoc-mam-cot';

function savedOver(base: Catalogue, edit: (body: ListingBody) => void): Catalogue {
  const body = structuredClone({ variants: base.listingByProduct.get(PRODUCT)!.variants }) as ListingBody;
  edit(body);
  return withListings(base, new Map([[PRODUCT, { productId: PRODUCT, listing: body, revision: 1 }]]));
}

describe('server offers', () => {
  const files = fixtureCatalogue();

  beforeEach(() => {
    live.catalogue = files;
    live.reads = 0;
  });

  it('come from the live catalogue on every call, rebuilt only when it changed', async () => {
    const first = await serverOffers();
    expect(first.bySku.get('NM-CK-500')).toMatchObject({ price: 125_000, minOrderQuantity: 48 });
    expect(await serverOffers()).toBe(first);
    live.catalogue = savedOver(files, (body) => {
      body.variants[0]!.price = 118_000;
      body.variants[0]!.minOrderQuantity = 60;
      body.variants[0]!.wholesaleTiers = [{ minQuantity: 120, unitPrice: 92_000 }];
    });
    const after = await serverOffers();
    expect(after).not.toBe(first);
    expect(after.bySku.get('NM-CK-500')).toMatchObject({
      price: 118_000,
      minOrderQuantity: 60,
      wholesaleTiers: [{ minQuantity: 120, unitPrice: 92_000 }],
    });
    expect(after.offers.find((o) => o.sku === 'NM-CK-500')?.price).toBe(118_000);
    expect(live.reads).toBe(3);
  });

  it('price quote requests and exports with what was saved', async () => {
    live.catalogue = savedOver(files, (body) => {
      body.variants[0]!.minOrderQuantity = 60;
      body.variants[0]!.wholesaleTiers = [{ minQuantity: 120, unitPrice: 92_000 }];
    });
    const { offers, bySku } = await serverOffers();
    // 50 met the files' MOQ of 48; the saved MOQ is 60.
    expect(planQuote([{ sku: 'NM-CK-500', quantity: 50 }], bySku)).toEqual({
      ok: false,
      fields: { 'items.0.quantity': 'below the minimum order quantity of 60 for NM-CK-500' },
    });
    const plan = planQuote([{ sku: 'NM-CK-500', quantity: 120 }], bySku);
    if (!plan.ok) throw new Error(JSON.stringify(plan.fields));
    expect(plan.requests[0]!.items[0]!.line).toMatchObject({ unitPrice: 92_000, total: 120 * 92_000 });

    const csv = await handleExport(
      'csv',
      new URL('http://x/api/wholesale/export.csv?q=NM-CK-500'),
      offers,
      bySku,
      { limiter: new RateLimiter(), client: '192.0.2.1' },
    );
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain('NM-CK-500');
    expect(text).toMatch(/92[.]?000/);
  });
});
