/**
 * GET /api/facility/products gives the listing as the facility last saved it (not the files')
 * and its uploaded photos, and still only its own facility's products, on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalogue, type CatalogueData } from '~/catalogue/catalogue';
import { commandActor } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { LiveListings } from '~/listings/live-listings';
import { databaseListingSource } from '~/listings/live-source';
import { createFacilityToken } from '~/portal/api-tokens-store';
import { handleFacilityProducts } from '~/portal/facility-products-api';
import { RateLimiter } from '~/security/rate-limit';
import {
  addPhotoRow,
  clearListings,
  listingBody,
  saved,
  saveFor,
} from '~tests/commerce/live-listings-fixture';
import { testEngines } from '../notifications/test-databases';
import { AS_OF, sampleData } from '../verification/fixtures';

const A = 'nuoc-mam-hung-thanh';
const B = 'gom-bat-trang';
const PRODUCT = 'nuoc-mam-phu-quoc';
const NOW = new Date(`${AS_OF}T03:00:00Z`);

function catalogueData(): CatalogueData {
  const data = sampleData();
  data.listings = [
    {
      id: PRODUCT,
      productId: PRODUCT,
      photos: [],
      variants: [
        {
          sku: 'NMPQ-500',
          name: { vi: 'Chai 500 ml' },
          packSize: 'Chai 500 ml',
          price: 125_000,
          wholesaleTiers: [],
          minOrderQuantity: 1,
          availability: 'in_stock',
          weightGrams: 700,
          stock: 40,
        },
      ],
    },
  ];
  return data;
}

interface ProductsBody {
  products: {
    id: string;
    listing: { description: unknown; variants: { sku: string; price: number }[] } | null;
    photos: { id: string; url: string }[];
  }[];
}

describe.each(testEngines())('facility products with saved listings on $name', ({ open, skipReason }) => {
  let handle: DatabaseHandle;
  const files = new Catalogue(catalogueData());

  beforeAll(async () => {
    if (skipReason) return;
    handle = await open();
    await clearListings(handle.db);
  });
  afterAll(() => handle?.close());

  const productsFor = async (facilityId: string) => {
    const { token } = await createFacilityToken(handle.db, commandActor('facility'), {
      facilityId,
      label: `token of ${facilityId}`,
      scopes: ['listings:read'],
    });
    const live = new LiveListings(databaseListingSource(handle.db));
    const response = await handleFacilityProducts(
      new Request('http://localhost/api/facility/products/', {
        headers: { authorization: `Bearer ${token}` },
      }),
      {
        db: handle.db,
        catalogue: () => live.apply(files),
        photos: (id) => live.photosOf(id),
        limiter: new RateLimiter(),
        now: NOW,
      },
    );
    expect(response.status).toBe(200);
    return (await response.json()) as ProductsBody;
  };

  it.skipIf(skipReason)(
    'gives the saved listing and the uploaded photos, to that facility only',
    async () => {
      const before = await productsFor(A);
      expect(before.products[0]).toMatchObject({ listing: { variants: [{ price: 125_000 }] }, photos: [] });

      const body = listingBody(files, PRODUCT);
      body.variants[0]!.price = 119_000;
      body.description = { vi: 'Nước mắm nhĩ cá cơm' };
      saved(await saveFor(handle.db, files, PRODUCT, body));
      await addPhotoRow(
        handle.db,
        files,
        PRODUCT,
        { id: 'ab0123456789cdef', alt: { vi: 'Chai nước mắm' }, width: 900, height: 675 },
        0,
      );

      const after = await productsFor(A);
      expect(after.products[0]).toMatchObject({
        id: PRODUCT,
        listing: {
          description: { vi: 'Nước mắm nhĩ cá cơm' },
          variants: [{ sku: 'NMPQ-500', price: 119_000 }],
        },
        photos: [
          {
            id: 'ab0123456789cdef',
            url: '/media/photos/ab0123456789cdef-900.webp',
            srcset:
              '/media/photos/ab0123456789cdef-320.webp 320w, /media/photos/ab0123456789cdef-640.webp 640w, /media/photos/ab0123456789cdef-900.webp 900w',
            alt: { vi: 'Chai nước mắm', en: null },
            width: 900,
            height: 675,
          },
        ],
      });
      const other = JSON.stringify(await productsFor(B));
      expect(other).not.toContain(PRODUCT);
      expect(other).not.toContain('ab0123456789cdef');
    },
  );
});
