import { describe, expect, it } from 'vitest';
import { submitCheckout } from '~/commerce/cart/checkout-page';
import { orders } from '~/commerce/db-schema';
import { PLACEMENT_RULE } from '~/commerce/limits';
import { RateLimiter } from '~/security/rate-limit';
import { testEngines } from '~tests/notifications/test-databases';
import { useCommerceDatabase } from '../test-database';
import { useTestEnv } from '../test-env';

useTestEnv();

function checkoutForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  form.append('sku', 'NM-500');
  form.append('quantity', '2');
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

const buyer = {
  name: 'Nguyễn Thị Lan',
  phone: '0912345678',
  address: '12 Lê Lợi, phường Bến Nghé',
  province: 'Thành phố Hồ Chí Minh',
  paymentMethod: 'cod',
};

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason !== undefined)(`checkout form on ${engine.name}`, () => {
    const shop = useCommerceDatabase(engine);

    it('places the order and sends the buyer to its page', async () => {
      const outcome = await submitCheckout(checkoutForm(buyer), shop.ctx, 'vi', {
        limiter: new RateLimiter(),
        client: '192.0.2.1',
      });
      expect(outcome).toMatchObject({ redirect: expect.stringMatching(/^\/orders\/CNNT-.*placed=1$/) });
      expect(await shop.db.$count(orders)).toBe(1);
    });

    it('counts every attempt from a client, then answers 429 in the buyer’s language and keeps what was typed', async () => {
      const limiter = new RateLimiter();
      const limit = { limiter, client: '198.51.100.7' };
      for (let i = 0; i < PLACEMENT_RULE.limit; i++) {
        expect(
          await submitCheckout(checkoutForm({ ...buyer, phone: '123' }), shop.ctx, 'vi', limit),
        ).toMatchObject({ status: 400 });
      }
      const vi = await submitCheckout(checkoutForm(buyer), shop.ctx, 'vi', limit);
      expect(vi).toMatchObject({
        status: 429,
        view: {
          values: { name: buyer.name, phone: buyer.phone },
          errors: { items: expect.stringMatching(/10 phút/) },
        },
      });
      const en = await submitCheckout(checkoutForm(buyer), shop.ctx, 'en', limit);
      expect(en).toMatchObject({
        status: 429,
        view: { errors: { items: expect.stringMatching(/10 minutes/) } },
      });
      expect(await shop.db.$count(orders)).toBe(0);
      expect(
        await submitCheckout(checkoutForm(buyer), shop.ctx, 'vi', { limiter, client: '198.51.100.8' }),
      ).toHaveProperty('redirect');
    });
  });
}
