/** Drizzle view of src/db/migrations/0102_orders.sql and 0103_card_order_expiry.sql. */
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
  checkoutUrl: text('checkout_url'),
  paidAt: at('paid_at'),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

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
