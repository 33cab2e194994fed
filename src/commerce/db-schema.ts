/**
 * Drizzle view of src/db/migrations/0102_orders.sql, 0103_card_order_expiry.sql,
 * 0104_bank_transfer_receipts.sql, 0105_refunds.sql and 0106_order_events.sql.
 */
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';

const vnd = (name: string) => bigint(name, { mode: 'number' });
const at = (name: string) => timestamp(name, { withTimezone: true });

export const orders = pgTable('orders', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  orderNumber: text('order_number').notNull().unique(),
  status: text('status', { enum: ['pending_payment', 'placed', 'cancelled'] }).notNull(),
  paymentMethod: text('payment_method', { enum: ['card', 'bank_transfer', 'cod'] }).notNull(),
  locale: text('locale', { enum: ['vi', 'en'] })
    .notNull()
    .default('vi'),
  buyerName: text('buyer_name').notNull(),
  buyerPhone: text('buyer_phone').notNull(),
  buyerEmail: text('buyer_email'),
  address: text('address').notNull(),
  province: text('province').notNull(),
  notes: text('notes'),
  subtotal: vnd('subtotal').notNull(),
  shippingTotal: vnd('shipping_total').notNull(),
  total: vnd('total').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

export const SHIPMENT_STATUSES = ['pending', 'confirmed', 'shipped', 'cancelled'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export const shipments = pgTable(
  'shipments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    facilityId: text('facility_id').notNull(),
    facilityName: text('facility_name').notNull(),
    facilityEmail: text('facility_email'),
    status: text('status', { enum: SHIPMENT_STATUSES }).notNull().default('pending'),
    subtotal: vnd('subtotal').notNull(),
    shippingFee: vnd('shipping_fee').notNull(),
    total: vnd('total').notNull(),
    trackingNumber: text('tracking_number'),
    cancelReason: text('cancel_reason'),
    confirmedAt: at('confirmed_at'),
    shippedAt: at('shipped_at'),
    cancelledAt: at('cancelled_at'),
  },
  (t) => [unique().on(t.orderId, t.facilityId)],
);

export const orderItems = pgTable(
  'order_items',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    shipmentId: bigint('shipment_id', { mode: 'number' })
      .notNull()
      .references(() => shipments.id, { onDelete: 'cascade' }),
    sku: text('sku').notNull(),
    productId: text('product_id').notNull(),
    productName: text('product_name').notNull(),
    variantName: text('variant_name').notNull(),
    variantNameEn: text('variant_name_en'),
    packSize: text('pack_size').notNull(),
    unitPrice: vnd('unit_price').notNull(),
    quantity: integer('quantity').notNull(),
    lineTotal: vnd('line_total').notNull(),
    leadTimeDays: integer('lead_time_days'),
  },
  (t) => [index('order_items_shipment').on(t.shipmentId)],
);

export const PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'expired'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const payments = pgTable('payments', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  orderId: bigint('order_id', { mode: 'number' })
    .notNull()
    .unique()
    .references(() => orders.id, { onDelete: 'cascade' }),
  method: text('method', { enum: ['card', 'bank_transfer', 'cod'] }).notNull(),
  status: text('status', { enum: PAYMENT_STATUSES }).notNull().default('pending'),
  amount: vnd('amount').notNull(),
  stripeSessionId: text('stripe_session_id').unique(),
  /** From the completed Checkout Session (migration 0105): what a card refund names. */
  stripePaymentIntentId: text('stripe_payment_intent_id'),
  /**
   * Since when money may be owed back (migration 0105): set by triggers when the payment is
   * paid and a shipment is cancelled, cleared by the refund service once nothing is left.
   */
  refundDueSince: at('refund_due_since'),
  checkoutUrl: text('checkout_url'),
  paidAt: at('paid_at'),
  updatedAt: at('updated_at').notNull().defaultNow(),
  /** A bank transfer marked paid (migration 0104): the amount that arrived, its bank reference, who marked it. */
  receivedAmount: vnd('received_amount'),
  reference: text('reference'),
  markedBy: text('marked_by'),
});

/** Uploaded bank statements as read (migration 0104), kept while their matches are confirmed. */
export const bankStatements = pgTable(
  'bank_statements',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    fileName: text('file_name').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: at('uploaded_at').notNull().defaultNow(),
    content: jsonb('content').notNull(),
  },
  (t) => [index('bank_statements_uploaded_at').on(t.uploadedAt)],
);

export const webhookEvents = pgTable('webhook_events', {
  eventId: text('event_id').primaryKey(),
  type: text('type').notNull(),
  outcome: text('outcome').notNull(),
  receivedAt: at('received_at').notNull().defaultNow(),
});

export const idempotencyKeys = pgTable('idempotency_keys', {
  key: text('key').primaryKey(),
  requestHash: text('request_hash').notNull(),
  statusCode: integer('status_code'),
  response: jsonb('response'),
  createdAt: at('created_at').notNull().defaultNow(),
  /** The order the request made (migration 0103), so expiring the order can settle the key. */
  orderId: bigint('order_id', { mode: 'number' }).references(() => orders.id, { onDelete: 'cascade' }),
});

export const stockLevels = pgTable('stock_levels', {
  sku: text('sku').primaryKey(),
  remaining: integer('remaining').notNull(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

export const stockReservations = pgTable(
  'stock_reservations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    shipmentId: bigint('shipment_id', { mode: 'number' })
      .notNull()
      .references(() => shipments.id, { onDelete: 'cascade' }),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    releasedAt: at('released_at'),
  },
  (t) => [index('stock_reservations_shipment').on(t.shipmentId)],
);

export const REFUND_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** Money given back (migration 0105): by Stripe for card payments, by hand for the others. */
export const refunds = pgTable(
  'refunds',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    /** The cancelled shipment refunded; null for everything due on the order at the time. */
    shipmentId: bigint('shipment_id', { mode: 'number' }).references(() => shipments.id, {
      onDelete: 'cascade',
    }),
    amount: vnd('amount').notNull(),
    method: text('method', { enum: ['card', 'bank_transfer', 'cod'] }).notNull(),
    status: text('status', { enum: REFUND_STATUSES }).notNull().default('pending'),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    stripeRefundId: text('stripe_refund_id').unique(),
    reference: text('reference'),
    reason: text('reason').notNull(),
    lastError: text('last_error'),
    requestedBy: text('requested_by').notNull(),
    requestedById: text('requested_by_id'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    succeededAt: at('succeeded_at'),
  },
  (t) => [index('refunds_order').on(t.orderId)],
);

/** The changes an order has been through so far (migration 0106); placing is orders.createdAt. */
export const ORDER_EVENT_KINDS = [
  'paid',
  'paid_after_cancellation',
  'payment_failed',
  'payment_expired',
  'cancelled',
  'shipment_confirmed',
  'shipment_shipped',
  'shipment_cancelled',
] as const;
export type OrderEventKind = (typeof ORDER_EVENT_KINDS)[number];

export const orderEvents = pgTable(
  'order_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    shipmentId: bigint('shipment_id', { mode: 'number' }).references(() => shipments.id, {
      onDelete: 'cascade',
    }),
    kind: text('kind', { enum: ORDER_EVENT_KINDS }).notNull(),
    at: at('at').notNull(),
    /** A cancellation's reason, a tracking number. */
    detail: text('detail'),
  },
  (t) => [index('order_events_order').on(t.orderId, t.at, t.id)],
);
