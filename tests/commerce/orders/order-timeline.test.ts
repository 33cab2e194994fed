import { describe, expect, it } from 'vitest';
import type { OrderEventRow } from '~/commerce/orders/order-events-store';
import type { OrderDetails } from '~/commerce/orders/order-store';
import { orderTimeline, type TimelineMessage } from '~/commerce/orders/order-timeline';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 3, minute));

function order(overrides: Partial<OrderDetails> = {}): OrderDetails {
  const shipment = {
    id: 7,
    orderId: 1,
    facilityId: 'htx-gom',
    facilityName: 'HTX Gốm Bát Tràng',
    facilityEmail: null,
    status: 'shipped' as const,
    subtotal: 100_000,
    shippingFee: 30_000,
    total: 130_000,
    trackingNumber: 'GHN-2',
    cancelReason: null,
    confirmedAt: at(10),
    shippedAt: at(20),
    cancelledAt: null,
    items: [],
  };
  return {
    id: 1,
    orderNumber: 'CNNT-260301-ABCDE',
    status: 'placed',
    paymentMethod: 'card',
    locale: 'vi',
    buyerName: 'Lan',
    buyerPhone: '0912345678',
    buyerEmail: null,
    address: '1 Lê Lợi',
    province: 'Hà Nội',
    notes: null,
    subtotal: 100_000,
    shippingTotal: 30_000,
    total: 130_000,
    createdAt: at(0),
    updatedAt: at(20),
    payment: {
      id: 1,
      orderId: 1,
      method: 'card',
      status: 'paid',
      amount: 130_000,
      paidAt: at(5),
      updatedAt: at(5),
    },
    shipments: [shipment],
    ...overrides,
  } as OrderDetails;
}

const event = (id: number, kind: OrderEventRow['kind'], minute: number, detail: string | null = null) =>
  ({
    id,
    orderId: 1,
    shipmentId: kind.startsWith('shipment') ? 7 : null,
    kind,
    at: at(minute),
    detail,
  }) as OrderEventRow;

const message = (id: number, kind: string, minute: number): TimelineMessage => ({
  id,
  kind,
  toAddress: 'lan@example.vn',
  subject: kind,
  textBody: kind,
  status: 'sent',
  attempts: 1,
  lastError: null,
  createdAt: at(minute),
  sentAt: at(minute),
});

const labels = (entries: ReturnType<typeof orderTimeline>) =>
  entries.map((e) =>
    e.type === 'placed'
      ? 'placed'
      : e.type === 'message'
        ? `message ${e.message.kind}`
        : `${e.kind}${e.detail ? ` ${e.detail}` : ''}${e.fromColumns ? ' (columns)' : ''}`,
  );

describe('orderTimeline', () => {
  it('orders by time; at the same time the change comes before the messages it caused', () => {
    const events = [
      event(1, 'paid', 5),
      event(2, 'shipment_confirmed', 10),
      event(3, 'shipment_shipped', 15, 'GHN-1'),
      event(4, 'shipment_shipped', 20, 'GHN-2'),
    ];
    const messages = [message(9, 'shipment-update', 20), message(8, 'order-paid', 5)];
    expect(labels(orderTimeline(order(), events, messages))).toEqual([
      'placed',
      'paid',
      'message order-paid',
      'shipment_confirmed',
      'shipment_shipped GHN-1',
      'shipment_shipped GHN-2',
      'message shipment-update',
    ]);
  });

  it('reads the columns for an order without events, and only for kinds with no event', () => {
    expect(labels(orderTimeline(order(), [], []))).toEqual([
      'placed',
      'paid (columns)',
      'shipment_confirmed (columns)',
      'shipment_shipped GHN-2 (columns)',
    ]);
    expect(labels(orderTimeline(order(), [event(1, 'shipment_shipped', 20, 'GHN-2')], []))).toEqual([
      'placed',
      'paid (columns)',
      'shipment_confirmed (columns)',
      'shipment_shipped GHN-2',
    ]);
  });

  it('names the facility of a shipment event, and keeps a paid-after-cancellation as the payment', () => {
    const cancelled = order({
      status: 'cancelled',
      updatedAt: at(3),
      shipments: [
        {
          ...order().shipments[0]!,
          status: 'cancelled',
          confirmedAt: null,
          shippedAt: null,
          cancelledAt: at(3),
          cancelReason: 'payment_expired',
        },
      ],
    });
    const timeline = orderTimeline(
      cancelled,
      [
        event(1, 'shipment_cancelled', 3, 'payment_expired'),
        event(2, 'cancelled', 3, 'payment_expired'),
        event(3, 'paid_after_cancellation', 5),
      ],
      [],
    );
    expect(labels(timeline)).toEqual([
      'placed',
      'shipment_cancelled payment_expired',
      'cancelled payment_expired',
      'paid_after_cancellation',
    ]);
    expect(timeline[1]).toMatchObject({ facility: { id: 'htx-gom', name: 'HTX Gốm Bát Tràng' } });
  });
});
