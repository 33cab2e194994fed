/**
 * The product page's live parts (src/site/live-product.ts): the static page and the live
 * fragment compute each part's version from the same inputs, so a product nobody changed keeps
 * its versions (no swap, no layout shift) and any change a part shows changes that part's.
 */
import { describe, expect, it } from 'vitest';
import { Catalogue } from '~/catalogue/catalogue';
import type { ListingBody } from '~/listings';
import { type ListingChange, withListings } from '~/listings/live-listings';
import type { LivePhoto } from '~/listings/photo-urls';
import { builtWithUploads, liveVersions, productLivePath, productOffer } from '~/site/live-product';
import { fixtureCatalogue } from '../commerce/fixtures';

const AS_OF = '2026-03-01';
const ID = 'nuoc-mam-phu-quoc';

/** The catalogue with `body` saved for `productId`, as LiveListings lays it over the build's. */
function saved(base: Catalogue, productId: string, body: ListingBody | null): Catalogue {
  const change: ListingChange = { productId, listing: body, revision: 1 };
  return withListings(base, new Map([[productId, change]]));
}

function bodyOf(catalogue: Catalogue, productId: string): ListingBody {
  const listing = catalogue.listingByProduct.get(productId)!;
  return structuredClone({ variants: listing.variants });
}

const photo = (id: string, alt = 'Chai nước mắm'): LivePhoto => ({
  id,
  alt: { vi: alt },
  width: 1280,
  height: 960,
});

describe('productOffer', () => {
  it('gives the lowest price of the variants sold online', () => {
    const offer = productOffer(fixtureCatalogue(), ID);
    expect(offer).toMatchObject({ soldOnline: true, priceFrom: 125_000 });
  });

  it('is not sold online when every variant is not_sold_online, or without a listing', () => {
    const base = fixtureCatalogue();
    const body = bodyOf(base, ID);
    for (const v of body.variants) v.availability = 'not_sold_online';
    expect(productOffer(saved(base, ID, body), ID)).toMatchObject({
      soldOnline: false,
      priceFrom: undefined,
    });
    expect(productOffer(saved(base, ID, null), ID)).toMatchObject({
      soldOnline: false,
      priceFrom: undefined,
      listing: undefined,
    });
  });
});

describe('liveVersions', () => {
  const base = fixtureCatalogue();
  const staticVersions = liveVersions({ catalogue: base, productId: ID, asOf: AS_OF });

  it('are the same on the static page and in the fragment of a product nobody changed', () => {
    // The fragment reads the units left: the seeded figure while nothing was sold.
    const remaining = new Map([['NM-500', 10]]);
    expect(liveVersions({ catalogue: base, productId: ID, asOf: AS_OF, remaining, livePhotos: [] })).toEqual(
      staticVersions,
    );
  });

  it('ignore the key order of a listing read back from the database', () => {
    const body = bodyOf(base, ID);
    const reordered: ListingBody = JSON.parse(
      JSON.stringify({
        variants: body.variants.map((v) => Object.fromEntries(Object.entries(v).reverse())),
      }),
    );
    expect(liveVersions({ catalogue: saved(base, ID, reordered), productId: ID, asOf: AS_OF })).toEqual(
      staticVersions,
    );
  });

  it('change the offer and the details, not the gallery, when a price is saved', () => {
    const body = bodyOf(base, ID);
    body.variants[0]!.price = 99_000;
    const after = liveVersions({ catalogue: saved(base, ID, body), productId: ID, asOf: AS_OF });
    expect(after.offer).not.toBe(staticVersions.offer);
    expect(after.details).not.toBe(staticVersions.details);
    expect(after.gallery).toBe(staticVersions.gallery);
  });

  it('change when units were sold, a tier, the MOQ or the description changed', () => {
    const sold = liveVersions({
      catalogue: base,
      productId: ID,
      asOf: AS_OF,
      remaining: new Map([['NM-500', 9]]),
    });
    expect(sold.offer).not.toBe(staticVersions.offer);
    expect(sold.details).not.toBe(staticVersions.details);
    const edits: ((body: ListingBody) => void)[] = [
      (b) => b.variants[0]!.wholesaleTiers.push({ minQuantity: 500, unitPrice: 90_000 }),
      (b) => {
        b.variants[0]!.minOrderQuantity = 5;
      },
      (b) => {
        b.variants[1]!.availability = 'made_to_order';
        b.variants[1]!.leadTimeDays = 7;
      },
    ];
    for (const edit of edits) {
      const body = bodyOf(base, ID);
      edit(body);
      expect(liveVersions({ catalogue: saved(base, ID, body), productId: ID, asOf: AS_OF }).details).not.toBe(
        staticVersions.details,
      );
    }
    const described = { ...bodyOf(base, ID), description: { vi: 'Cá cơm than' } };
    const withText = liveVersions({ catalogue: saved(base, ID, described), productId: ID, asOf: AS_OF });
    expect(withText.details).not.toBe(staticVersions.details);
  });

  it('change the offer when the last certificate is revoked', () => {
    // Past validUntil the certificate is expired, not revoked: still sellable, same versions.
    expect(liveVersions({ catalogue: base, productId: ID, asOf: '2100-01-01' })).toEqual(staticVersions);
    const withRevocation = new Catalogue({
      ...base.data,
      certificates: base.data.certificates.map((c) =>
        c.productId === ID ? { ...c, revocation: { date: '2026-01-01', reason: 'Thu hồi' } } : c,
      ),
    });
    const after = liveVersions({ catalogue: withRevocation, productId: ID, asOf: AS_OF });
    expect(after.offer).not.toBe(staticVersions.offer);
    expect(after.details).toBe(staticVersions.details);
  });

  it('change the gallery when photos are uploaded, reordered or their alt text edited', () => {
    const one = liveVersions({
      catalogue: base,
      productId: ID,
      asOf: AS_OF,
      livePhotos: [photo('a'.repeat(16))],
    });
    expect(one.gallery).not.toBe(staticVersions.gallery);
    expect(one.offer).toBe(staticVersions.offer);
    const two = [photo('a'.repeat(16)), photo('b'.repeat(16))];
    const versions = [
      liveVersions({ catalogue: base, productId: ID, asOf: AS_OF, livePhotos: two }).gallery,
      liveVersions({ catalogue: base, productId: ID, asOf: AS_OF, livePhotos: [...two].reverse() }).gallery,
      liveVersions({
        catalogue: base,
        productId: ID,
        asOf: AS_OF,
        livePhotos: [photo('a'.repeat(16), 'Hai chai'), two[1]!],
      }).gallery,
    ];
    expect(new Set([one.gallery, ...versions]).size).toBe(4);
    // Every photo deleted: the static gallery (the catalogue's pictures) is right again.
    expect(liveVersions({ catalogue: base, productId: ID, asOf: AS_OF, livePhotos: [] }).gallery).toBe(
      staticVersions.gallery,
    );
  });
});

it('puts the fragment under the product page', () => {
  expect(productLivePath('nuoc-mam-phu-quoc')).toBe('/products/nuoc-mam-phu-quoc/live/');
});

it('tells the fragment when the page was built with uploaded photos', () => {
  const path = productLivePath('nuoc-mam-phu-quoc', true);
  expect(path).toBe('/products/nuoc-mam-phu-quoc/live/?uploads=built');
  expect(builtWithUploads(new URL(path, 'http://localhost'))).toBe(true);
  expect(builtWithUploads(new URL(productLivePath('nuoc-mam-phu-quoc'), 'http://localhost'))).toBe(false);
});

it('gives a page built with the uploads the facility still shows the fragment’s gallery version', () => {
  const base = fixtureCatalogue();
  const uploads = [photo('c'.repeat(20), 'Chai 500 ml')];
  const built = liveVersions({ catalogue: base, productId: ID, asOf: AS_OF, livePhotos: uploads });
  // Nothing to swap: the fragment over the same photos (read back from the database) agrees.
  expect(
    liveVersions({ catalogue: base, productId: ID, asOf: AS_OF, livePhotos: structuredClone(uploads) })
      .gallery,
  ).toBe(built.gallery);
  // Deleted since the build: the versions differ and the page takes the fragment's gallery.
  expect(liveVersions({ catalogue: base, productId: ID, asOf: AS_OF, livePhotos: [] }).gallery).not.toBe(
    built.gallery,
  );
});
