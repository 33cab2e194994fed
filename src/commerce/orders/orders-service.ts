/**
 * Placing an order: price it from the listings, then in one transaction record the order,
 * one shipment per facility, its items, the stock it takes and its payment, and enqueue the
 * messages. A card order then gets a Stripe Checkout Session; it becomes paid only through
 * the webhook (../payments/stripe-webhook.ts).
 */
import { eq } from 'drizzle-orm';
import { type Catalogue, isSellable, todayInVietnam } from '~/catalogue';
import { type LineProblem, type PricedOrder, priceOrder, type ShippingRule } from '~/commerce/cart/pricing';
import { ensureStockSeeded, remainingStock, takeStock } from '~/commerce/cart/stock-store';
import { orderItems, orders, payments, shipments, stockReservations } from '~/commerce/db-schema';
import {
  type BankAccount,
  type BankTransferDetails,
  bankTransferDetails,
} from '~/commerce/payments/bank-transfer';
import { log } from '~/config/log';
import type { Database } from '~/db/client';
import { claimKey, forgetKey, linkKey, requestHash, storeResponse } from './idempotency-store';
import type { OrderRequest } from './order-input';
import { cancelOrder } from './order-lifecycle';
import { orderPath, orderUrl, orderViewKey } from './order-links';
import { enqueueOrderPlaced } from './order-messages';
import { newOrderNumber } from './order-number';
import { loadOrder, type OrderDetails } from './order-store';

export interface CardCheckout {
  sessionId: string;
  url: string;
}

/** Starts a hosted card payment for an order (Stripe Checkout in production, a fake in tests). */
export interface CardGateway {
  createCheckout(order: OrderDetails, returnUrl: string): Promise<CardCheckout>;
}

export interface OrderContext {
  db: Database;
  catalogue: Catalogue;
  shipping: ShippingRule;
  /** Absent when card payment is not configured. */
  card?: CardGateway | undefined;
  /** The account for bank transfers; absent when bank transfer is not offered (../payments/bank-transfer.ts). */
  bank?: BankAccount | undefined;
  now?: () => Date;
}

export type PaymentInstructions =
  | { method: 'card'; status: 'pending'; amount: number; checkoutUrl: string }
  | ({ method: 'bank_transfer'; status: 'pending' } & BankTransferDetails)
  | { method: 'cod'; status: 'pending'; amount: number };

export interface OrderCreated {
  orderNumber: string;
  total: number;
  currency: 'VND';
  payment: PaymentInstructions;
  /** The order page, with a key that lets the buyer in without typing the phone again. */
  statusUrl: string;
}

export interface OrderError {
  status: number;
  code: string;
  message: string;
  fields?: Record<string, string>;
  /** The order an Idempotency-Key made, when that order has expired (order_expired). */
  orderNumber?: string;
  /** The items at fault, for pages that explain them in the buyer's language. */
  items?: { sku: string; problem: LineProblem['code'] | 'out_of_stock'; left?: number }[];
}

export type OrderOutcome =
  | { ok: true; replayed: boolean; body: OrderCreated }
  | { ok: false; error: OrderError };

const PROBLEM_MESSAGES: Record<LineProblem['code'], string> = {
  unknown_sku: 'no listing sells this SKU',
  not_sold_online: 'not sold online: contact the facility',
  duplicate_sku: 'this SKU is listed twice; send it once with the total quantity',
  not_sellable: 'not sold: every certificate of this product is revoked',
};

/** Thrown inside the transaction to roll it back when stock runs out. */
class OutOfStock extends Error {
  constructor(readonly sku: string) {
    super(`out of stock: ${sku}`);
  }
}

const MAX_NUMBER_DRAWS = 8;

async function insertOrder(tx: Database, request: OrderRequest, priced: PricedOrder, now: Date) {
  const { buyer } = request;
  for (let draw = 0; draw < MAX_NUMBER_DRAWS; draw++) {
    const [row] = await tx
      .insert(orders)
      .values({
        orderNumber: newOrderNumber(now),
        status: request.paymentMethod === 'card' ? 'pending_payment' : 'placed',
        paymentMethod: request.paymentMethod,
        locale: request.locale,
        buyerName: buyer.name,
        buyerPhone: buyer.phone,
        buyerEmail: buyer.email ?? null,
        address: buyer.address,
        province: buyer.province,
        notes: buyer.notes ?? null,
        subtotal: priced.subtotal,
        shippingTotal: priced.shippingTotal,
        total: priced.total,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: orders.orderNumber })
      .returning({ id: orders.id, orderNumber: orders.orderNumber });
    if (row) return row;
  }
  throw new Error(`could not draw a free order number in ${MAX_NUMBER_DRAWS} tries`);
}

/** Records order, shipments, items, stock and payment; returns the stored order. */
async function recordOrder(
  tx: Database,
  request: OrderRequest,
  priced: PricedOrder,
  now: Date,
): Promise<OrderDetails> {
  const order = await insertOrder(tx, request, priced, now);
  const shipmentRows = await tx
    .insert(shipments)
    .values(
      priced.shipments.map((s) => ({
        orderId: order.id,
        facilityId: s.facilityId,
        facilityName: s.facilityName,
        facilityEmail: s.facilityEmail ?? null,
        subtotal: s.subtotal,
        shippingFee: s.shippingFee,
        total: s.total,
      })),
    )
    .returning({ id: shipments.id, facilityId: shipments.facilityId });
  const shipmentId = new Map(shipmentRows.map((s) => [s.facilityId, s.id]));
  const lines = priced.shipments.flatMap((s) =>
    s.lines.map((line) => ({ line, shipmentId: shipmentId.get(s.facilityId)! })),
  );
  await tx.insert(orderItems).values(
    lines.map(({ line, shipmentId }) => ({
      orderId: order.id,
      shipmentId,
      sku: line.sku,
      productId: line.productId,
      productName: line.productName,
      variantName: line.variantName.vi,
      variantNameEn: line.variantName.en ?? null,
      packSize: line.packSize,
      unitPrice: line.unitPrice,
      quantity: line.quantity,
      lineTotal: line.lineTotal,
      leadTimeDays: line.leadTimeDays ?? null,
    })),
  );
  // Always lock stock rows in SKU order so two orders for the same SKUs cannot deadlock.
  const tracked = lines
    .filter(({ line }) => line.tracksStock)
    .sort((a, b) => (a.line.sku < b.line.sku ? -1 : 1));
  for (const { line } of tracked) {
    if (!(await takeStock(tx, line.sku, line.quantity))) throw new OutOfStock(line.sku);
  }
  if (tracked.length) {
    await tx.insert(stockReservations).values(
      tracked.map(({ line, shipmentId }) => ({
        orderId: order.id,
        shipmentId,
        sku: line.sku,
        quantity: line.quantity,
        createdAt: now,
      })),
    );
  }
  await tx
    .insert(payments)
    .values({ orderId: order.id, method: request.paymentMethod, amount: priced.total, updatedAt: now });
  const details = await loadOrder(tx, { orderId: order.id });
  if (!details) throw new Error('order vanished inside its own transaction');
  return details;
}

function createdBody(
  order: OrderDetails,
  now: Date,
  bank: BankAccount | undefined,
  checkoutUrl?: string,
): OrderCreated {
  const payment: PaymentInstructions =
    order.paymentMethod === 'card'
      ? { method: 'card', status: 'pending', amount: order.total, checkoutUrl: checkoutUrl ?? '' }
      : order.paymentMethod === 'bank_transfer' && bank
        ? {
            method: 'bank_transfer',
            status: 'pending',
            ...bankTransferDetails(bank, order.orderNumber, order.total),
          }
        : { method: 'cod', status: 'pending', amount: order.total };
  return {
    orderNumber: order.orderNumber,
    total: order.total,
    currency: 'VND',
    payment,
    statusUrl: orderPath(order.orderNumber, order.locale, orderViewKey(order.orderNumber, now)),
  };
}

async function outOfStockError(ctx: OrderContext, request: OrderRequest, sku: string): Promise<OrderError> {
  const left = (await remainingStock(ctx.db, [sku])).get(sku) ?? 0;
  const index = request.items.findIndex((i) => i.sku === sku);
  return {
    status: 409,
    code: 'out_of_stock',
    message: `Not enough stock for ${sku}.`,
    fields: { [`items.${index}.quantity`]: left === 0 ? 'sold out' : `only ${left} left` },
    items: [{ sku, problem: 'out_of_stock', left }],
  };
}

/**
 * Problems with the lines: 400 invalid_items when any line cannot be ordered as sent; when the
 * only problem is that products lost their certification, 409 not_sellable (the request was
 * fine, the listing's state refuses it).
 */
function itemsError(problems: readonly LineProblem[]): OrderError {
  const fields = Object.fromEntries(problems.map((p) => [`items.${p.index}.sku`, PROBLEM_MESSAGES[p.code]]));
  const items = problems.map((p) => ({ sku: p.sku, problem: p.code }));
  if (problems.every((p) => p.code === 'not_sellable')) {
    return {
      status: 409,
      code: 'not_sellable',
      message: 'Some products are no longer sold: their certificates are revoked.',
      fields,
      items,
    };
  }
  return { status: 400, code: 'invalid_items', message: 'Some items cannot be ordered.', fields, items };
}

/** What a repeated Idempotency-Key gets: the stored 201, or the stored final error (an expired order). */
function replayOutcome(statusCode: number, response: unknown): OrderOutcome {
  if (statusCode === 201) return { ok: true, replayed: true, body: response as OrderCreated };
  const { error } = response as { error: Omit<OrderError, 'status'> };
  return { ok: false, error: { status: statusCode, ...error } };
}

export async function placeOrder(
  ctx: OrderContext,
  request: OrderRequest,
  idempotencyKey?: string,
): Promise<OrderOutcome> {
  const now = (ctx.now ?? (() => new Date()))();
  if (request.paymentMethod === 'card' && !ctx.card) {
    return {
      ok: false,
      error: {
        status: 400,
        code: 'card_unavailable',
        message: 'Card payment is not available.',
        fields: { paymentMethod: 'card payment is not offered' },
      },
    };
  }
  if (request.paymentMethod === 'bank_transfer' && !ctx.bank) {
    return {
      ok: false,
      error: {
        status: 400,
        code: 'bank_transfer_unavailable',
        message: 'Bank transfer is not available.',
        fields: { paymentMethod: 'bank transfer is not offered' },
      },
    };
  }
  const asOf = todayInVietnam(now);
  const pricing = priceOrder(ctx.catalogue, request.items, ctx.shipping, (productId) =>
    isSellable(ctx.catalogue, productId, asOf),
  );
  if (!pricing.ok) return { ok: false, error: itemsError(pricing.problems) };
  await ensureStockSeeded(ctx.db, ctx.catalogue);
  const hash = requestHash(request);
  type TxResult = { replay: OrderOutcome } | { order: OrderDetails };
  let result: TxResult;
  try {
    result = await ctx.db.transaction(async (tx): Promise<TxResult> => {
      if (idempotencyKey) {
        const claim = await claimKey(tx, idempotencyKey, hash);
        if (claim.state === 'mismatch') {
          return {
            replay: {
              ok: false,
              error: {
                status: 422,
                code: 'idempotency_key_reused',
                message: 'This Idempotency-Key was used with a different request.',
              },
            },
          };
        }
        if (claim.state === 'in_progress') {
          return {
            replay: {
              ok: false,
              error: {
                status: 409,
                code: 'request_in_progress',
                message: 'The first request with this Idempotency-Key is still being processed.',
              },
            },
          };
        }
        if (claim.state === 'replay') return { replay: replayOutcome(claim.statusCode, claim.response) };
      }
      const order = await recordOrder(tx, request, pricing.order, now);
      await enqueueOrderPlaced(tx, order, now, ctx.bank);
      if (idempotencyKey) {
        await linkKey(tx, idempotencyKey, order.id);
        if (order.paymentMethod !== 'card')
          await storeResponse(tx, idempotencyKey, 201, createdBody(order, now, ctx.bank));
      }
      return { order };
    });
  } catch (error) {
    if (error instanceof OutOfStock)
      return { ok: false, error: await outOfStockError(ctx, request, error.sku) };
    throw error;
  }
  if ('replay' in result) return result.replay;
  const { order } = result;
  if (order.paymentMethod !== 'card')
    return { ok: true, replayed: false, body: createdBody(order, now, ctx.bank) };
  return startCardPayment(ctx, order, now, idempotencyKey);
}

/** After the order is committed: open a Checkout Session, or cancel the order if Stripe fails. */
async function startCardPayment(
  ctx: OrderContext,
  order: OrderDetails,
  now: Date,
  idempotencyKey?: string,
): Promise<OrderOutcome> {
  let checkout: CardCheckout;
  try {
    checkout = await ctx.card!.createCheckout(
      order,
      orderUrl(order.orderNumber, order.locale, orderViewKey(order.orderNumber, now)),
    );
  } catch (error) {
    log().error({ err: error, orderNumber: order.orderNumber }, 'Stripe checkout failed');
    await ctx.db.transaction((tx) => cancelOrder(tx, order.id, 'payment_unavailable', now));
    if (idempotencyKey) await forgetKey(ctx.db, idempotencyKey);
    return {
      ok: false,
      error: {
        status: 502,
        code: 'payment_unavailable',
        message:
          'Card payment could not be started; nothing was charged. Try again or choose another payment method.',
      },
    };
  }
  await ctx.db
    .update(payments)
    .set({ stripeSessionId: checkout.sessionId, checkoutUrl: checkout.url, updatedAt: now })
    .where(eq(payments.orderId, order.id));
  const body = createdBody(order, now, undefined, checkout.url);
  if (idempotencyKey) await storeResponse(ctx.db, idempotencyKey, 201, body);
  return { ok: true, replayed: false, body };
}
