/** Bank transfer is offered only with BANK_* set, or on the sample data in development. */
import { afterEach, describe, expect, it } from 'vitest';
import { submitCheckout } from '~/commerce/cart/checkout-page';
import { orders } from '~/commerce/db-schema';
import { handleCreateOrder } from '~/commerce/orders/orders-api';
import { placeOrder } from '~/commerce/orders/orders-service';
import { bankAccount, SAMPLE_BANK_ACCOUNT } from '~/commerce/payments/bank-transfer';
import { resetEnvCache } from '~/config/env';
import { listOutbox } from '~/notifications/outbox';
import { RateLimiter } from '~/security/rate-limit';
import { testEngines } from '~tests/notifications/test-databases';
import { orderRequest } from '../fixtures';
import { useCommerceDatabase } from '../test-database';
import { useTestEnv } from '../test-env';

useTestEnv();

const BANK_VARS = ['BANK_BIN', 'BANK_ACCOUNT', 'BANK_ACCOUNT_NAME', 'NODE_ENV'] as const;
const saved = Object.fromEntries(BANK_VARS.map((k) => [k, process.env[k]]));

function setEnv(vars: Partial<Record<(typeof BANK_VARS)[number], string>>): void {
  for (const k of BANK_VARS) delete process.env[k];
  Object.assign(process.env, vars);
  resetEnvCache();
}

afterEach(() => {
  for (const k of BANK_VARS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetEnvCache();
});

describe('bankAccount', () => {
  const configured = { BANK_BIN: '970418', BANK_ACCOUNT: '1234567890', BANK_ACCOUNT_NAME: 'CONG TY CNNT' };

  it('is the configured account when BANK_BIN, BANK_ACCOUNT and BANK_ACCOUNT_NAME are set', () => {
    setEnv({ ...configured, NODE_ENV: 'production' });
    expect(bankAccount(false)).toEqual({
      bankBin: '970418',
      accountNumber: '1234567890',
      accountName: 'CONG TY CNNT',
      sample: false,
    });
  });

  it('is the marked sample account in development on the sample data', () => {
    setEnv({ NODE_ENV: 'development' });
    expect(bankAccount(true)).toEqual(SAMPLE_BANK_ACCOUNT);
    setEnv({});
    expect(bankAccount(true)?.sample).toBe(true);
  });

  it('is not offered in production, on real data, or half configured', () => {
    setEnv({ NODE_ENV: 'production' });
    expect(bankAccount(true)).toBeUndefined();
    setEnv({});
    expect(bankAccount(false)).toBeUndefined();
    setEnv({ BANK_BIN: '970418', BANK_ACCOUNT: '1234567890', NODE_ENV: 'production' });
    expect(bankAccount(false)).toBeUndefined();
  });
});

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason !== undefined)(`bank transfer orders on ${engine.name}`, () => {
    const shop = useCommerceDatabase(engine);
    const bankOrder = orderRequest({ paymentMethod: 'bank_transfer' });

    it('refuses bank_transfer when it is not offered (400), and stores nothing', async () => {
      const ctx = { ...shop.ctx, bank: undefined };
      expect(await placeOrder(ctx, bankOrder)).toMatchObject({
        ok: false,
        error: {
          status: 400,
          code: 'bank_transfer_unavailable',
          fields: { paymentMethod: expect.any(String) },
        },
      });
      const res = await handleCreateOrder(
        new Request('http://localhost/api/orders', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...bankOrder, buyer: { ...bankOrder.buyer } }),
        }),
        ctx,
        { limiter: new RateLimiter(), client: '192.0.2.1' },
      );
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'bank_transfer_unavailable' } });
      const form = new FormData();
      for (const [k, v] of Object.entries({
        sku: 'NM-500',
        quantity: '1',
        name: 'Nguyễn Thị Lan',
        phone: '0912345678',
        address: '12 Lê Lợi, phường Bến Nghé',
        province: 'Thành phố Hồ Chí Minh',
        paymentMethod: 'bank_transfer',
      }))
        form.append(k, v);
      const page = await submitCheckout(form, ctx, 'vi', { limiter: new RateLimiter(), client: '192.0.2.2' });
      expect('view' in page && page.view.errors.paymentMethod).toContain(
        'Chuyển khoản ngân hàng hiện không khả dụng',
      );
      expect(await shop.db.$count(orders)).toBe(0);
    });

    it('marks the sample account as such in the answer and the buyer’s e-mail', async () => {
      const outcome = await placeOrder({ ...shop.ctx, bank: SAMPLE_BANK_ACCOUNT }, bankOrder);
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
      expect(outcome.body.payment).toMatchObject({
        method: 'bank_transfer',
        accountNumber: '0011004299999',
        sampleAccount: true,
      });
      const [confirmation] = await listOutbox(shop.db, { kind: 'order-confirmation' });
      expect(confirmation!.textBody).toContain('tài khoản mẫu');
    });

    it('gives the configured account without a sample notice', async () => {
      const outcome = await placeOrder(shop.ctx, bankOrder);
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
      expect(outcome.body.payment).toMatchObject({ method: 'bank_transfer', sampleAccount: false });
      const [confirmation] = await listOutbox(shop.db, { kind: 'order-confirmation' });
      expect(confirmation!.textBody).not.toContain('tài khoản mẫu');
    });
  });
}
