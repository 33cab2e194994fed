/** Revoked goods are not sold: API, checkout form and product JSON, with live revocations. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '~/catalogue';
import { checkoutForm, submitCheckout } from '~/commerce/cart/checkout-page';
import { handleProduct } from '~/commerce/cart/product-api';
import { orders } from '~/commerce/db-schema';
import { handleCreateOrder } from '~/commerce/orders/orders-api';
import { placeOrder } from '~/commerce/orders/orders-service';
import { RateLimiter } from '~/security/rate-limit';
import { LiveRevocations, withRevocations } from '~/verification/live-revocations';
import { testEngines } from '~tests/notifications/test-databases';
import { FIXTURE_CERTIFICATES, fixtureCatalogue, orderRequest } from '../fixtures';
import { useCommerceDatabase } from '../test-database';
import { useTestEnv } from '../test-env';

useTestEnv();

const REVOCATION = { date: '2026-01-15', reason: 'Vi phạm an toàn thực phẩm' };

/** The fixture with the pottery's only certificate revoked. */
function potteryRevoked(base: Catalogue = fixtureCatalogue()): Catalogue {
  return withRevocations(base, new Map([['cn-gom-2023', REVOCATION]]));
}

const client = () => ({ limiter: new RateLimiter(), client: '192.0.2.1' });

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason !== undefined)(`revoked goods on ${engine.name}`, () => {
    const shop = useCommerceDatabase(engine);

    it('refuses an order with a product whose every certificate is revoked (409 not_sellable)', async () => {
      const outcome = await placeOrder({ ...shop.ctx, catalogue: potteryRevoked() }, orderRequest());
      expect(outcome).toMatchObject({
        ok: false,
        error: {
          status: 409,
          code: 'not_sellable',
          fields: { 'items.1.sku': expect.stringContaining('revoked') },
          items: [{ sku: 'GOM-CHEN', problem: 'not_sellable' }],
        },
      });
      expect(await shop.db.$count(orders)).toBe(0);
      // The other product still sells.
      const fishSauceOnly = await placeOrder(
        { ...shop.ctx, catalogue: potteryRevoked() },
        orderRequest({ items: [{ sku: 'NM-500', quantity: 1 }] }),
      );
      expect(fishSauceOnly.ok).toBe(true);
    });

    it('answers POST /api/orders with 409 and the line in the fields', async () => {
      const request = new Request('http://localhost/api/orders', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          items: [{ sku: 'GOM-CHEN', quantity: 1 }],
          buyer: { name: 'Trần Minh', phone: '0381234567', address: '45 Trần Phú', province: 'Khánh Hòa' },
          paymentMethod: 'cod',
        }),
      });
      const res = await handleCreateOrder(request, { ...shop.ctx, catalogue: potteryRevoked() }, client());
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({
        error: { code: 'not_sellable', fields: { 'items.0.sku': expect.any(String) } },
      });
    });

    it('honours a revocation recorded after the catalogue was built', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'revocations-'));
      const file = path.join(dir, 'certificates.json');
      writeFileSync(file, JSON.stringify(FIXTURE_CERTIFICATES));
      const live = new LiveRevocations(file, 0);
      const built = fixtureCatalogue();
      const before = await placeOrder({ ...shop.ctx, catalogue: await live.apply(built) }, orderRequest());
      expect(before.ok).toBe(true);
      // `npm run revoke` writes the file; the server has not been rebuilt.
      writeFileSync(
        file,
        JSON.stringify(
          FIXTURE_CERTIFICATES.map((c) => (c.id === 'cn-gom-2023' ? { ...c, revocation: REVOCATION } : c)),
          null,
          2,
        ),
      );
      const after = await placeOrder({ ...shop.ctx, catalogue: await live.apply(built) }, orderRequest());
      expect(after).toMatchObject({ ok: false, error: { code: 'not_sellable' } });
      const product = await handleProduct('gom-bat-trang', await live.apply(built), shop.db);
      const json = (await product.json()) as {
        sellable: boolean;
        listing: { variants: { maxQuantity: number }[] };
      };
      expect(json.sellable).toBe(false);
      expect(json.listing.variants.map((v) => v.maxQuantity)).toEqual([0, 0]);
    });

    it('says why on the checkout form, in the buyer’s language', async () => {
      const form = new FormData();
      for (const [k, v] of Object.entries({
        sku: 'GOM-CHEN',
        quantity: '1',
        name: 'Nguyễn Thị Lan',
        phone: '0912345678',
        address: '12 Lê Lợi, phường Bến Nghé',
        province: 'Thành phố Hồ Chí Minh',
        paymentMethod: 'cod',
      }))
        form.append(k, v);
      const ctx = { ...shop.ctx, catalogue: potteryRevoked() };
      const vi = await submitCheckout(form, ctx, 'vi', client());
      expect(vi).toMatchObject({ status: 409 });
      expect('view' in vi && vi.view.errors.items).toContain('chứng nhận OCOP của sản phẩm đã bị thu hồi');
      const en = await submitCheckout(form, ctx, 'en', client());
      expect('view' in en && en.view.errors.items).toContain('its OCOP certificate has been revoked');
      // "Buy now" to the checkout page says it before the form is filled.
      const fresh = checkoutForm(new URL('http://localhost/checkout/?sku=GOM-CHEN&quantity=1'), ctx, 'vi');
      expect(fresh.errors.items).toContain('GOM-CHEN');
      expect(await shop.db.$count(orders)).toBe(0);
    });

    it('serves sellable: true for a certified product', async () => {
      const json = (await (await handleProduct('gom-bat-trang', shop.ctx.catalogue, shop.db)).json()) as {
        sellable: boolean;
      };
      expect(json.sellable).toBe(true);
    });
  });
}
