/**
 * Marking bank transfers paid, on both databases: the order goes through the card payment's
 * lifecycle step (placed, buyer and facilities told, with the bank-transfer wording), audited in
 * the same transaction; marking again changes nothing; a different amount is refused unless
 * overridden with a reason; a transfer for a cancelled order is recorded as owed back. The
 * queue lists what is awaited, oldest first, and a statement's lines are matched to orders.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { payments } from '~/commerce/db-schema';
import { commerceQueueCounts } from '~/commerce/orders/console-queues';
import { cancelOrder } from '~/commerce/orders/order-lifecycle';
import { loadOrder } from '~/commerce/orders/order-store';
import { placeOrder } from '~/commerce/orders/orders-service';
import { saveStatement, statementMatches } from '~/commerce/payments/statement-store';
import { awaitedTransfers } from '~/commerce/payments/transfer-queue-store';
import { markTransferPaid } from '~/commerce/payments/transfer-receipts';
import { type Actor, auditLog } from '~/db/audit-log';
import { listOutbox } from '~/notifications/outbox';
import { testEngines } from '~tests/notifications/test-databases';
import { orderRequest } from '../fixtures';
import { useCommerceDatabase } from '../test-database';
import { useTestEnv } from '../test-env';

useTestEnv({ ORDERS_EMAIL: 'orders@cho-cnnt.test' });

const operator: Actor = { kind: 'user', id: 'user-op-1', label: 'op@cho-cnnt.test', role: 'operator' };

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason !== undefined)(`bank transfers marked paid on ${engine.name}`, () => {
    const shop = useCommerceDatabase(engine);

    async function bankOrder(paymentMethod: 'bank_transfer' | 'card' | 'cod' = 'bank_transfer') {
      // Untracked stock (GOM-CHEN has only 3): a test may place several orders.
      const items = [
        { sku: 'NM-1000', quantity: 1 },
        { sku: 'GOM-BINH', quantity: 1 },
      ];
      const outcome = await placeOrder(shop.ctx, orderRequest({ paymentMethod, items }));
      if (!outcome.ok) throw new Error(`order failed: ${JSON.stringify(outcome.error)}`);
      return (await loadOrder(shop.db, { orderNumber: outcome.body.orderNumber }))!;
    }

    const auditOf = (orderNumber: string) =>
      shop.db.select().from(auditLog).where(eq(auditLog.targetId, orderNumber));

    it('marks the order paid: payment recorded, buyer receipt in bank wording, facilities told to ship, audited', async () => {
      const order = await bankOrder();
      expect(order.status).toBe('placed');
      expect((await commerceQueueCounts(shop.db)).bankTransfersAwaiting).toBe(1);
      const before = await listOutbox(shop.db);

      const result = await markTransferPaid(shop.db, operator, {
        orderNumber: order.orderNumber,
        amount: order.total,
        reference: 'FT25102345678',
      });
      expect(result).toEqual({ outcome: 'paid', orderNumber: order.orderNumber });

      const paid = (await loadOrder(shop.db, { orderNumber: order.orderNumber }))!;
      expect(paid.status).toBe('placed');
      expect(paid.payment).toMatchObject({
        status: 'paid',
        receivedAmount: order.total,
        reference: 'FT25102345678',
        markedBy: 'op@cho-cnnt.test',
      });
      expect(paid.payment.paidAt).toBeInstanceOf(Date);

      const sent = (await listOutbox(shop.db)).filter((m) => !before.some((b) => b.id === m.id));
      const receipt = sent.find((m) => m.kind === 'order-paid');
      expect(receipt?.toAddress).toBe('lan@example.vn');
      expect(receipt?.textBody).toContain('đã nhận khoản chuyển khoản');
      expect(receipt?.textBody).toContain('FT25102345678');
      expect(receipt?.textBody).not.toContain('bằng thẻ');
      const facilities = sent.filter((m) => m.kind === 'facility-payment-received');
      expect(facilities.map((m) => m.toAddress).sort()).toEqual(
        order.shipments.map((s) => s.facilityEmail).sort(),
      );
      expect(facilities[0]?.textBody).toContain('có thể gửi phần hàng');
      expect(facilities[0]?.textBody).toMatch(/\/facility\/orders\//);

      const audit = await auditOf(order.orderNumber);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: 'payment.mark_paid',
        actorLabel: 'op@cho-cnnt.test',
        actorRole: 'operator',
        targetType: 'order',
        before: { status: 'pending', orderStatus: 'placed', amount: order.total },
        after: { status: 'paid', outcome: 'paid', receivedAmount: order.total, reference: 'FT25102345678' },
      });
      expect((await commerceQueueCounts(shop.db)).bankTransfersAwaiting).toBe(0);

      // Again: nothing changes, and the answer says it was paid already.
      const again = await markTransferPaid(shop.db, operator, {
        orderNumber: order.orderNumber,
        amount: order.total,
        reference: 'FT-OTHER',
      });
      expect(again).toMatchObject({ outcome: 'already_paid', reference: 'FT25102345678' });
      expect(await auditOf(order.orderNumber)).toHaveLength(1);
      expect(await listOutbox(shop.db)).toHaveLength(before.length + sent.length);
      const [row] = await shop.db.select().from(payments).where(eq(payments.orderId, order.id));
      expect(row?.reference).toBe('FT25102345678');
    });

    it('refuses a different amount and changes nothing; accepts it overridden with a reason', async () => {
      const order = await bankOrder();
      const outboxBefore = (await listOutbox(shop.db)).length;
      const short = order.total - 10_000;
      expect(
        await markTransferPaid(shop.db, operator, {
          orderNumber: order.orderNumber,
          amount: short,
          reference: 'FT1',
        }),
      ).toEqual({ outcome: 'amount_mismatch', orderNumber: order.orderNumber, expected: order.total });
      const unchanged = (await loadOrder(shop.db, { orderNumber: order.orderNumber }))!;
      expect(unchanged.payment).toMatchObject({ status: 'pending', receivedAmount: null, reference: null });
      expect(await auditOf(order.orderNumber)).toHaveLength(0);
      expect(await listOutbox(shop.db)).toHaveLength(outboxBefore);

      const overridden = await markTransferPaid(shop.db, operator, {
        orderNumber: order.orderNumber,
        amount: short,
        reference: 'FT1',
        overrideReason: 'Ngân hàng người mua trừ phí 10.000 ₫',
      });
      expect(overridden.outcome).toBe('paid');
      const [audit] = await auditOf(order.orderNumber);
      expect(audit?.after).toMatchObject({
        receivedAmount: short,
        overrideReason: 'Ngân hàng người mua trừ phí 10.000 ₫',
      });
      const receipt = (await listOutbox(shop.db, { kind: 'order-paid' }))[0];
      expect(receipt?.textBody).toContain(new Intl.NumberFormat('vi-VN').format(short));
    });

    it('records a transfer for a cancelled order as paid after cancellation, the order staying cancelled', async () => {
      const order = await bankOrder();
      await shop.db.transaction((tx) => cancelOrder(tx, order.id, 'buyer_request', new Date()));
      const result = await markTransferPaid(shop.db, operator, {
        orderNumber: order.orderNumber,
        amount: order.total,
        reference: 'FT999',
      });
      expect(result).toEqual({ outcome: 'paid_after_cancellation', orderNumber: order.orderNumber });
      const after = (await loadOrder(shop.db, { orderNumber: order.orderNumber }))!;
      expect(after.status).toBe('cancelled');
      expect(after.payment).toMatchObject({ status: 'paid', reference: 'FT999' });
      const [refundDue] = await listOutbox(shop.db, { kind: 'refund-due' });
      expect(refundDue?.toAddress).toBe('orders@cho-cnnt.test');
      expect(refundDue?.textBody).toContain('chuyển khoản');
      expect(refundDue?.textBody).toContain('FT999');
      expect(await listOutbox(shop.db, { kind: 'order-paid' })).toHaveLength(0);
      expect(await listOutbox(shop.db, { kind: 'facility-payment-received' })).toHaveLength(0);
      expect((await auditOf(order.orderNumber))[0]?.after).toMatchObject({
        outcome: 'paid_after_cancellation',
      });
      expect((await commerceQueueCounts(shop.db)).paidAfterCancellation).toBe(1);
    });

    it('refuses card orders and unknown numbers', async () => {
      const cod = await bankOrder('cod');
      expect(
        await markTransferPaid(shop.db, operator, {
          orderNumber: cod.orderNumber,
          amount: cod.total,
          reference: 'x',
        }),
      ).toEqual({ outcome: 'not_bank_transfer', orderNumber: cod.orderNumber });
      expect(
        await markTransferPaid(shop.db, operator, {
          orderNumber: 'CNNT-250101-AAAAA',
          amount: 1,
          reference: 'x',
        }),
      ).toEqual({ outcome: 'not_found', orderNumber: 'CNNT-250101-AAAAA' });
    });

    it('lists the transfers awaited, oldest first, page by page; matches a statement against them', async () => {
      const first = await bankOrder();
      const second = await bankOrder();
      const third = await bankOrder();
      await bankOrder('cod');
      await markTransferPaid(shop.db, operator, {
        orderNumber: second.orderNumber,
        amount: second.total,
        reference: 'FT2',
      });
      const page = await awaitedTransfers(shop.db);
      expect(page.rows.map((r) => r.orderNumber)).toEqual([first.orderNumber, third.orderNumber]);
      expect(page.rows[0]).toMatchObject({
        buyerName: 'Nguyễn Thị Lan',
        amount: first.total,
        purpose: first.orderNumber,
      });
      expect(page.next).toBeUndefined();
      expect((await awaitedTransfers(shop.db, first.id)).rows.map((r) => r.orderNumber)).toEqual([
        third.orderNumber,
      ]);

      const compact = (n: string) => n.replaceAll('-', '').toLowerCase();
      const statement = {
        headerRow: 1,
        debits: 0,
        problems: [],
        lines: [
          {
            row: 2,
            date: '2025-04-12',
            amount: first.total,
            description: `IBFT ${compact(first.orderNumber)}`,
          },
          { row: 3, date: '2025-04-12', amount: second.total, description: second.orderNumber },
          { row: 4, date: '2025-04-12', amount: 1000, description: third.orderNumber },
        ],
      };
      const id = await saveStatement(shop.db, operator, { fileName: 'vcb.csv', statement });
      expect(id).toBeGreaterThan(0);
      const matches = await statementMatches(shop.db, statement);
      expect(matches.map((m) => [m.line.row, m.status])).toEqual([
        [2, 'proposed'],
        [3, 'already_paid'],
        [4, 'amount_mismatch'],
      ]);
      const [upload] = await shop.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.targetId, String(id)));
      expect(upload).toMatchObject({
        action: 'payment.statement_upload',
        after: { credits: 3, fileName: 'vcb.csv' },
      });
    });
  });
}
