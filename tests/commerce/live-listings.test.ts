/**
 * What a facility saves is what the shop sells, without a rebuild, on PGlite and PostgreSQL:
 * GET /api/products/{id} (prices, stock, uploaded photos) and POST /api/orders price from the
 * saved listing; a variant made not_sold_online is refused, a SKU a save adds can be ordered,
 * and stock a save sets limits orders.
 */
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Catalogue } from '~/catalogue/catalogue';
import { handleProduct } from '~/commerce/cart/product-api';
import { remainingStock } from '~/commerce/cart/stock-store';
import { stockReservations } from '~/commerce/db-schema';
import { handleCreateOrder } from '~/commerce/orders/orders-api';
import { placeOrder } from '~/commerce/orders/orders-service';
import { auditLog } from '~/db/audit-log';
import { LiveListings } from '~/listings/live-listings';
import { databaseListingSource } from '~/listings/live-source';
import type { LivePhoto } from '~/listings/photo-urls';
import { RateLimiter } from '~/security/rate-limit';
import { testEngines } from '~tests/notifications/test-databases';
import { orderRequest } from './fixtures';
import { addPhotoRow, clearListings, listingBody, liveView, saved, saveFor } from './live-listings-fixture';
import { useCommerceDatabase } from './test-database';
import { useTestEnv } from './test-env';

useTestEnv();

const NUOC_MAM = 'nuoc-mam-phu-quoc';
const GOM = 'gom-bat-trang';

interface ProductBody {
  listing: {
    variants: {
      sku: string;
      price: number;
      stock: number | null;
      maxQuantity: number;
      availability: string;
    }[];
  } | null;
  photos: unknown[];
}

const items = (...lines: [string, number][]) => lines.map(([sku, quantity]) => ({ sku, quantity }));

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason !== undefined)(`saved listings sold on ${engine.name}`, () => {
    const shop = useCommerceDatabase(engine);
    let files: Catalogue;

    beforeEach(async () => {
      await clearListings(shop.db);
      files = shop.ctx.catalogue;
    });

    /** Saves an edit of a product's listing and returns the catalogue the server then sells from. */
    async function edit(productId: string, change: (body: ReturnType<typeof listingBody>) => void) {
      const body = listingBody(files, productId);
      change(body);
      saved(await saveFor(shop.db, files, productId, body));
      return liveView(shop.db, files);
    }

    it('GET /api/products/{id} gives the saved price, the stock it set and the uploaded photos', async () => {
      const photo: LivePhoto = {
        id: 'p0123456789abcdef',
        alt: { vi: 'Chai 500 ml', en: '500 ml bottle' },
        width: 1280,
        height: 960,
      };
      const live = await edit(NUOC_MAM, (body) => {
        body.variants[0]!.price = 99_000;
        body.variants[0]!.stock = 7;
      });
      await addPhotoRow(shop.db, files, NUOC_MAM, photo, 0);
      const listings = new LiveListings(databaseListingSource(shop.db));
      const response = await handleProduct(NUOC_MAM, await listings.apply(files), shop.db, (id) =>
        listings.photosOf(id),
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as ProductBody;
      expect(body.listing!.variants[0]).toMatchObject({
        sku: 'NM-500',
        price: 99_000,
        stock: 7,
        maxQuantity: 7,
      });
      expect(body.photos).toEqual([
        {
          id: photo.id,
          url: `/media/photos/${photo.id}-1280.webp`,
          srcset: [320, 640, 1280].map((w) => `/media/photos/${photo.id}-${w}.webp ${w}w`).join(', '),
          alt: { vi: 'Chai 500 ml', en: '500 ml bottle' },
          width: 1280,
          height: 960,
        },
      ]);
      // A product without uploaded photos, and the old signature (no photo source): none.
      const other = (await (
        await handleProduct(GOM, live, shop.db, (id) => listings.photosOf(id))
      ).json()) as ProductBody;
      expect(other.photos).toEqual([]);
      expect(((await (await handleProduct(GOM, live, shop.db)).json()) as ProductBody).photos).toEqual([]);
    });

    it('POST /api/orders charges the saved price, and the saved wholesale tier', async () => {
      const live = await edit(NUOC_MAM, (body) => {
        body.variants[0]!.price = 99_000;
        body.variants[0]!.wholesaleTiers = [{ minQuantity: 3, unitPrice: 90_000 }];
      });
      const post = (lines: ReturnType<typeof items>) =>
        handleCreateOrder(
          new Request('http://localhost/api/orders', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ ...orderRequest({ items: lines }), items: lines }),
          }),
          { ...shop.ctx, catalogue: live },
          { limiter: new RateLimiter(), client: '192.0.2.10' },
        );
      const one = await post(items(['NM-500', 2]));
      expect(one.status).toBe(201);
      // 2 × 99.000 + 30.000 shipping (the files said 125.000).
      expect(await one.json()).toMatchObject({ total: 228_000 });
      const tier = await post(items(['NM-500', 3]));
      expect(await tier.json()).toMatchObject({ total: 3 * 90_000 + 30_000 });
      // The files' catalogue, which a server without the live layer would use, still says 125.000.
      expect(files.variantBySku.get('NM-500')!.variant.price).toBe(125_000);
    });

    it('refuses a variant the facility made not_sold_online', async () => {
      const live = await edit(NUOC_MAM, (body) => {
        body.variants[1]!.availability = 'not_sold_online';
      });
      const outcome = await placeOrder(
        { ...shop.ctx, catalogue: live },
        orderRequest({ items: items(['NM-1000', 1]) }),
      );
      expect(outcome).toMatchObject({
        ok: false,
        error: {
          status: 400,
          code: 'invalid_items',
          items: [{ sku: 'NM-1000', problem: 'not_sold_online' }],
        },
      });
      const product = (await (await handleProduct(NUOC_MAM, live, shop.db)).json()) as ProductBody;
      expect(product.listing!.variants.find((v) => v.sku === 'NM-1000')).toMatchObject({
        availability: 'not_sold_online',
        maxQuantity: 0,
      });
    });

    it('sells a SKU a save added, and no longer one it removed', async () => {
      const live = await edit(GOM, (body) => {
        body.variants = body.variants.filter((v) => v.sku !== 'GOM-BINH');
        body.variants.push({
          sku: 'GOM-DIA',
          name: { vi: 'Đĩa men lam', en: 'Blue-glazed plate' },
          packSize: 'Hộp 1 đĩa',
          price: 150_000,
          wholesaleTiers: [],
          minOrderQuantity: 1,
          availability: 'in_stock',
          weightGrams: 600,
        });
      });
      const added = await placeOrder(
        { ...shop.ctx, catalogue: live },
        orderRequest({ items: items(['GOM-DIA', 2]) }),
      );
      if (!added.ok) throw new Error(JSON.stringify(added.error));
      expect(added.body.total).toBe(2 * 150_000 + 30_000);
      const removed = await placeOrder(
        { ...shop.ctx, catalogue: live },
        orderRequest({ items: items(['GOM-BINH', 1]) }),
      );
      expect(removed).toMatchObject({
        ok: false,
        error: { code: 'invalid_items', items: [{ problem: 'unknown_sku' }] },
      });
    });

    it('lets stock set by a save limit orders, and takes orders from it', async () => {
      const live = await edit(GOM, (body) => {
        body.variants.find((v) => v.sku === 'GOM-CHEN')!.stock = 2;
      });
      const ctx = { ...shop.ctx, catalogue: live };
      const tooMany = await placeOrder(ctx, orderRequest({ items: items(['GOM-CHEN', 3]) }));
      expect(tooMany).toMatchObject({
        ok: false,
        error: { status: 409, code: 'out_of_stock', items: [{ sku: 'GOM-CHEN', left: 2 }] },
      });
      expect((await placeOrder(ctx, orderRequest({ items: items(['GOM-CHEN', 2]) }))).ok).toBe(true);
      expect(await placeOrder(ctx, orderRequest({ items: items(['GOM-CHEN', 1]) }))).toMatchObject({
        ok: false,
        error: { code: 'out_of_stock', items: [{ left: 0 }] },
      });
      expect(Object.fromEntries(await remainingStock(shop.db, ['GOM-CHEN']))).toEqual({ 'GOM-CHEN': 0 });
      const product = (await (await handleProduct(GOM, live, shop.db)).json()) as ProductBody;
      expect(product.listing!.variants.find((v) => v.sku === 'GOM-CHEN')).toMatchObject({
        stock: 0,
        maxQuantity: 0,
      });
      expect(await shop.db.$count(stockReservations, eq(stockReservations.sku, 'GOM-CHEN'))).toBe(1);
      // The save is in the audit log, under the facility's token.
      const entries = await shop.db.select().from(auditLog).where(eq(auditLog.targetId, GOM));
      expect(entries.map((e) => [e.action, e.actorKind])).toContainEqual([
        'listing.update',
        'facility_token',
      ]);
    });
  });
}
