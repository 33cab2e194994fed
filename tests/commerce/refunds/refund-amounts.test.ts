import { describe, expect, it } from 'vitest';
import { type RefundPlanInput, refundAmount, refundPlan } from '~/commerce/refunds/refund-amounts';

const shipment = (id: number, status: RefundPlanInput['shipments'][number]['status'], total: number) => ({
  id,
  status,
  total,
  facilityId: `f${id}`,
  facilityName: `Cơ sở ${id}`,
});

const paidOrder = (over: Partial<RefundPlanInput> = {}): RefundPlanInput => ({
  status: 'placed',
  payment: { status: 'paid', amount: 370_000 },
  shipments: [shipment(1, 'cancelled', 280_000), shipment(2, 'shipped', 90_000)],
  refunds: [],
  ...over,
});

describe('refund amounts', () => {
  it('owes a cancelled shipment its goods and shipping fee', () => {
    const plan = refundPlan(paidOrder());
    expect(plan).toMatchObject({ paid: 370_000, due: 280_000, refunded: 0, outstanding: 280_000 });
    expect(plan.shipments).toEqual([
      {
        shipmentId: 1,
        facilityId: 'f1',
        facilityName: 'Cơ sở 1',
        total: 280_000,
        refunded: 0,
        outstanding: 280_000,
      },
    ]);
    expect(refundAmount(plan, 'all')).toBe(280_000);
    expect(refundAmount(plan, { shipmentId: 1 })).toBe(280_000);
    // A shipment still on its way owes nothing, nor does an unknown one.
    expect(refundAmount(plan, { shipmentId: 2 })).toBe(0);
    expect(refundAmount(plan, { shipmentId: 99 })).toBe(0);
  });

  it('owes everything paid for an order cancelled after payment', () => {
    const plan = refundPlan(
      paidOrder({
        status: 'cancelled',
        shipments: [shipment(1, 'cancelled', 280_000), shipment(2, 'cancelled', 90_000)],
      }),
    );
    expect(plan).toMatchObject({ due: 370_000, outstanding: 370_000 });
    expect(plan.shipments.map((s) => s.outstanding)).toEqual([280_000, 90_000]);
  });

  it('owes what arrived for a bank transfer marked paid with another amount', () => {
    const over = refundPlan(
      paidOrder({
        status: 'cancelled',
        payment: { status: 'paid', amount: 370_000, receivedAmount: 400_000 },
      }),
    );
    expect(over.due).toBe(400_000);
    const under = refundPlan(
      paidOrder({
        shipments: [shipment(1, 'cancelled', 280_000), shipment(2, 'cancelled', 90_000)],
        payment: { status: 'paid', amount: 370_000, receivedAmount: 300_000 },
      }),
    );
    // Never more than arrived, whatever the shipments were worth.
    expect(under.due).toBe(300_000);
    expect(refundAmount(under, { shipmentId: 1 })).toBe(280_000);
  });

  it('owes nothing when nothing was paid', () => {
    for (const status of ['pending', 'failed', 'expired']) {
      const plan = refundPlan(paidOrder({ status: 'cancelled', payment: { status, amount: 370_000 } }));
      expect(plan).toMatchObject({ paid: 0, due: 0, outstanding: 0 });
      expect(refundAmount(plan, 'all')).toBe(0);
      expect(refundAmount(plan, { shipmentId: 1 })).toBe(0);
    }
  });

  it('subtracts refunds made or on their way, not failed ones', () => {
    const plan = refundPlan(
      paidOrder({
        status: 'cancelled',
        shipments: [shipment(1, 'cancelled', 280_000), shipment(2, 'cancelled', 90_000)],
        refunds: [
          { shipmentId: 2, amount: 90_000, status: 'succeeded' },
          { shipmentId: 1, amount: 280_000, status: 'failed' },
          { shipmentId: 1, amount: 100_000, status: 'pending' },
        ],
      }),
    );
    expect(plan).toMatchObject({ due: 370_000, refunded: 190_000, outstanding: 180_000 });
    expect(plan.shipments.map((s) => [s.refunded, s.outstanding])).toEqual([
      [100_000, 180_000],
      [90_000, 0],
    ]);
    expect(refundAmount(plan, { shipmentId: 2 })).toBe(0);
    expect(refundAmount(plan, 'all')).toBe(180_000);
  });

  it('spreads whole-order refunds over the shipments, so a later cancellation is owed alone', () => {
    // Shipment 1 was cancelled and refunded in whole; shipment 2 is cancelled afterwards.
    const plan = refundPlan(
      paidOrder({
        shipments: [shipment(1, 'cancelled', 280_000), shipment(2, 'cancelled', 90_000)],
        refunds: [{ shipmentId: null, amount: 280_000, status: 'succeeded' }],
      }),
    );
    expect(plan.outstanding).toBe(90_000);
    expect(refundAmount(plan, { shipmentId: 1 })).toBe(0);
    expect(refundAmount(plan, { shipmentId: 2 })).toBe(90_000);
  });

  it('never offers a shipment more than the order still owes', () => {
    const plan = refundPlan(
      paidOrder({
        status: 'cancelled',
        payment: { status: 'paid', amount: 370_000, receivedAmount: 200_000 },
        shipments: [shipment(1, 'cancelled', 280_000), shipment(2, 'cancelled', 90_000)],
        refunds: [{ shipmentId: 2, amount: 90_000, status: 'succeeded' }],
      }),
    );
    expect(plan.outstanding).toBe(110_000);
    expect(refundAmount(plan, { shipmentId: 1 })).toBe(110_000);
  });

  it('is done once everything due is refunded', () => {
    const plan = refundPlan(
      paidOrder({ refunds: [{ shipmentId: 1, amount: 280_000, status: 'succeeded' }] }),
    );
    expect(plan.outstanding).toBe(0);
    expect(refundAmount(plan, 'all')).toBe(0);
    expect(refundAmount(plan, { shipmentId: 1 })).toBe(0);
  });
});
