import { describe, expect, it } from 'vitest';
import { handleProduct } from '~/commerce/cart/product-api';
import { orders } from '~/commerce/db-schema';
import { PLACEMENT_RULE } from '~/commerce/limits';
import { handleCreateOrder, handleOrderStatus } from '~/commerce/orders/orders-api';
import { RateLimiter } from '~/security/rate-limit';
import { testEngines } from '~tests/notifications/test-databases';
import { useCommerceDatabase } from '../test-database';
import { useTestEnv } from '../test-env';

useTestEnv();

const body = {
  items: [
    { sku: 'NM-500', quantity: 2, price: 1 },
    { sku: 'GOM-BINH', quantity: 1 },
  ],
  buyer: {
    name: 'Trần Văn Minh',
    phone: '+84 38 123 4567',
    address: '45 Trần Phú, phường Lộc Thọ',
    province: 'Khánh Hòa',
  },
  paymentMethod: 'cod',
};

function post(data: unknown, headers: Record<string, string> = {}): Request {
  return new Request('http://localhost/api/orders', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof data === 'string' ? data : JSON.stringify(data),
  });
}

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason !== undefined)(`orders API on ${engine.name}`, () => {
    const shop = useCommerceDatabase(engine);
    /** Places an order as a client nobody has limited yet. */
    const place = (request: Request) =>
      handleCreateOrder(request, shop.ctx, { limiter: new RateLimiter(), client: '192.0.2.1' });

    it('creates an order from SKUs and quantities only (201), prices from the listings', async () => {
      const res = await place(post(body));
      expect(res.status).toBe(201);
      const created = (await res.json()) as { orderNumber: string; total: number; statusUrl: string };
      // 2 × 125.000 + 30.000 shipping, and 450.000 + 30.000 shipping: the client's "price: 1" is ignored.
      expect(created).toMatchObject({
        total: 760_000,
        currency: 'VND',
        payment: { method: 'cod', amount: 760_000 },
      });
    });

    it('answers bad input with the contract error shape', async () => {
      const notJson = await place(
        new Request('http://localhost/api/orders', {
          method: 'POST',
          body: 'items=1',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
      );
      expect(notJson.status).toBe(415);
      const broken = await place(post('{"items":'));
      expect(await broken.json()).toMatchObject({ error: { code: 'invalid_json' } });
      const invalid = await place(
        post({
          ...body,
          buyer: { ...body.buyer, phone: '024 3825 1234' },
          items: [{ sku: 'NM-500', quantity: 1001 }],
        }),
      );
      expect(invalid.status).toBe(400);
      expect(await invalid.json()).toMatchObject({
        error: {
          code: 'invalid_request',
          fields: { 'buyer.phone': expect.stringMatching(/mobile/), 'items.0.quantity': expect.any(String) },
        },
      });
      const unsold = await place(post({ ...body, items: [{ sku: 'NM-GIFT', quantity: 1 }] }));
      expect(await unsold.json()).toMatchObject({
        error: { code: 'invalid_items', fields: { 'items.0.sku': 'not sold online: contact the facility' } },
      });
      const badKey = await place(post(body, { 'idempotency-key': 'short' }));
      expect(badKey.status).toBe(400);
      expect(await shop.db.$count(orders)).toBe(0);
    });

    it('replays the same response for a repeated Idempotency-Key and refuses it for another body', async () => {
      const headers = { 'idempotency-key': 'f3b0c442-98fc-4c14-9afb-0d1f3b5a6e11' };
      const first = await place(post(body, headers));
      const second = await place(post(body, headers));
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(await second.json()).toEqual(await first.json());
      const other = await place(post({ ...body, paymentMethod: 'bank_transfer' }, headers));
      expect(other.status).toBe(422);
      expect(await shop.db.$count(orders)).toBe(1);
    });

    it('shows an order only to the phone or e-mail it was placed with, 404 otherwise', async () => {
      const created = (await (
        await place(post({ ...body, buyer: { ...body.buyer, email: 'minh@example.vn' } }))
      ).json()) as { orderNumber: string };
      const limit = { limiter: new RateLimiter(), client: '203.0.113.9' };
      const lookup = (query: string, number = created.orderNumber) =>
        handleOrderStatus(
          new Request(`http://localhost/api/orders/${number}?${query}`),
          number,
          shop.db,
          limit,
        );
      const byPhone = await lookup('phone=0381234567');
      expect(byPhone.status).toBe(200);
      expect(await byPhone.json()).toMatchObject({
        orderNumber: created.orderNumber,
        status: 'placed',
        shipments: [
          { facility: { id: 'co-so-nuoc-mam' }, status: 'pending', items: [{ sku: 'NM-500', quantity: 2 }] },
          { facility: { id: 'htx-gom' }, status: 'pending', items: [{ sku: 'GOM-BINH', quantity: 1 }] },
        ],
      });
      expect((await lookup('email=MINH@example.vn')).status).toBe(200);
      expect((await lookup('phone=%2B84%2038%20123%204567')).status).toBe(200);
      const wrong = await lookup('phone=0912345678');
      const unknown = await lookup('phone=0381234567', 'CNNT-250101-ABCDE');
      expect([wrong.status, unknown.status]).toEqual([404, 404]);
      expect(await wrong.json()).toEqual(await unknown.json());
      expect((await lookup('')).status).toBe(400);
    });

    it('limits lookups per client', async () => {
      const limit = { limiter: new RateLimiter(), client: '198.51.100.7' };
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++) {
        statuses.push(
          (
            await handleOrderStatus(
              new Request('http://localhost/api/orders/x?phone=0912345678'),
              'x',
              shop.db,
              limit,
            )
          ).status,
        );
      }
      expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
      expect(statuses.slice(20)).toEqual([429, 429]);
    });

    it('limits order attempts per client, valid or not, and stores nothing over the limit', async () => {
      const limiter = new RateLimiter();
      const from = (client: string, request: Request) =>
        handleCreateOrder(request, shop.ctx, { limiter, client });
      for (let i = 0; i < PLACEMENT_RULE.limit; i++)
        expect((await from('198.51.100.7', post('{"items":'))).status).toBe(400);
      const over = await from('198.51.100.7', post(body));
      expect(over.status).toBe(429);
      // The rest of the client's 10-minute window, in seconds.
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(590);
      expect(Number(over.headers.get('retry-after'))).toBeLessThanOrEqual(600);
      expect(await over.json()).toMatchObject({
        error: { code: 'rate_limited', message: expect.stringMatching(/10 minutes/) },
      });
      expect(await shop.db.$count(orders)).toBe(0);
      expect((await from('198.51.100.8', post(body))).status).toBe(201);
    });

    it('serves a product with live stock and the most a buyer may order', async () => {
      await place(post({ ...body, items: [{ sku: 'GOM-CHEN', quantity: 2 }] }));
      const res = await handleProduct('gom-bat-trang', shop.ctx.catalogue, shop.db);
      const product = (await res.json()) as {
        facility: { id: string };
        listing: {
          variants: { sku: string; availability: string; stock: number | null; maxQuantity: number }[];
        };
      };
      expect(product.facility.id).toBe('htx-gom');
      expect(product.listing.variants.map((v) => [v.sku, v.availability, v.stock, v.maxQuantity])).toEqual([
        ['GOM-BINH', 'made_to_order', null, 1000],
        ['GOM-CHEN', 'in_stock', 1, 1],
      ]);
      const listing = (await (
        await handleProduct('nuoc-mam-phu-quoc', shop.ctx.catalogue, shop.db)
      ).json()) as typeof product;
      expect(listing.listing.variants.find((v) => v.sku === 'NM-GIFT')).toMatchObject({
        availability: 'not_sold_online',
        maxQuantity: 0,
      });
      const missing = await handleProduct('khong-co', shop.ctx.catalogue, shop.db);
      expect(missing.status).toBe(404);
    });
  });
}
