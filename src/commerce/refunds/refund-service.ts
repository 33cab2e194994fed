/**
 * Refunding: an operator asks for one (everything due on an order, or one cancelled shipment;
 * the amount is always computed here, never typed), it is recorded with the form's one-time
 * key, then card refunds go to Stripe and the others are recorded as done by hand with their
 * reference. A refund becomes succeeded or failed once: from Stripe's answer, from its webhook
 * (whichever comes first), or at once for a refund made by hand. Each change is audited, and a
 * success e-mails the buyer, in the transaction of the change.
 *
 * Never twice: the payment row is locked while a refund is added, so two refunds of the same
 * money cannot both pass the amount check; the same form key finds the same row; the same row
 * always sends Stripe the same idempotency key.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { orders, payments, refunds } from '~/commerce/db-schema';
import { loadOrder, type OrderDetails } from '~/commerce/orders/order-store';
import { type Actor, appendAudit } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { type RefundScope, refundAmount, refundPlan } from './refund-amounts';
import { enqueueRefundSucceeded } from './refund-messages';
import { markRefundDue, type RefundRow, refundsOfOrder } from './refund-store';
import { type CardRefunds, stripeRefundKey } from './stripe-refunds';

export interface RefundDeps {
  db: Database;
  /** Stripe's Refunds API; undefined where card payments are not configured. */
  cards: CardRefunds | undefined;
  now?: () => Date;
}

export interface RefundRequest {
  orderNumber: string;
  scope: RefundScope;
  reason: string;
  /** The bank transfer's or cash receipt's reference: required for a refund made by hand. */
  reference?: string | undefined;
  /** The refund form's one-time key. */
  requestKey: string;
}

export type RefundError =
  | 'not_found'
  | 'not_paid'
  | 'nothing_due'
  | 'reference_required'
  | 'card_refunds_unavailable'
  | 'no_payment_intent'
  | 'stripe_unavailable';

export type RefundOutcome =
  | { ok: true; refund: RefundRow; replayed: boolean }
  | { ok: false; code: RefundError; message?: string };

/** Who changes a refund when Stripe's webhook reports on it. */
export const STRIPE_WEBHOOK_ACTOR: Actor = {
  kind: 'system',
  id: null,
  label: 'Stripe webhook',
  role: 'system',
};

async function refundByKey(db: Database, key: string): Promise<RefundRow | undefined> {
  const [row] = await db.select().from(refunds).where(eq(refunds.idempotencyKey, key));
  return row;
}

async function paymentOf(db: Database, orderNumber: string) {
  const [row] = await db
    .select({ orderId: orders.id, payment: payments })
    .from(orders)
    .innerJoin(payments, eq(payments.orderId, orders.id))
    .where(eq(orders.orderNumber, orderNumber));
  return row;
}

/** The card payment's PaymentIntent; asked of Stripe (and kept) for payments stored before 0105. */
async function paymentIntentOf(
  deps: RefundDeps,
  cards: CardRefunds,
  payment: typeof payments.$inferSelect,
): Promise<string | null> {
  if (payment.stripePaymentIntentId) return payment.stripePaymentIntentId;
  if (!payment.stripeSessionId) return null;
  const intent = await cards.paymentIntentOfSession(payment.stripeSessionId);
  if (intent)
    await deps.db.update(payments).set({ stripePaymentIntentId: intent }).where(eq(payments.id, payment.id));
  return intent;
}

const auditView = (r: RefundRow) => ({
  refundId: r.id,
  amount: r.amount,
  method: r.method,
  status: r.status,
  shipmentId: r.shipmentId,
  reason: r.reason,
  ...(r.reference ? { reference: r.reference } : {}),
  ...(r.stripeRefundId ? { stripeRefundId: r.stripeRefundId } : {}),
  ...(r.lastError ? { lastError: r.lastError } : {}),
});

function facilityOf(order: OrderDetails, refund: RefundRow): string | null {
  return order.shipments.find((s) => s.id === refund.shipmentId)?.facilityId ?? null;
}

/** Asks for a refund; a request with a key already used answers with that refund (replayed). */
export async function requestRefund(
  deps: RefundDeps,
  actor: Actor,
  request: RefundRequest,
): Promise<RefundOutcome> {
  const now = deps.now?.() ?? new Date();
  const found = await paymentOf(deps.db, request.orderNumber);
  if (!found) return { ok: false, code: 'not_found' };
  const earlier = await refundByKey(deps.db, request.requestKey);
  if (earlier) {
    if (earlier.orderId !== found.orderId) return { ok: false, code: 'not_found' };
    return { ok: true, refund: await sendIfUnsent(deps, actor, earlier), replayed: true };
  }
  const { payment } = found;
  if (payment.status !== 'paid') return { ok: false, code: 'not_paid' };
  const byHand = payment.method !== 'card';
  const reference = request.reference?.trim() || undefined;
  if (byHand && !reference) return { ok: false, code: 'reference_required' };
  if (!byHand) {
    if (!deps.cards) return { ok: false, code: 'card_refunds_unavailable' };
    try {
      if (!(await paymentIntentOf(deps, deps.cards, payment)))
        return { ok: false, code: 'no_payment_intent' };
    } catch (error) {
      return { ok: false, code: 'stripe_unavailable', message: (error as Error).message };
    }
  }
  const made = await deps.db.transaction(async (tx) => {
    // Refunds of one order take turns here; a double submit then finds the first one's row.
    await tx.select({ id: payments.id }).from(payments).where(eq(payments.id, payment.id)).for('update');
    const again = await refundByKey(tx, request.requestKey);
    if (again) return { refund: again, replayed: true };
    const order = (await loadOrder(tx, { orderId: found.orderId }))!;
    const earlierRefunds = await refundsOfOrder(tx, order.id);
    const plan = refundPlan({ ...order, refunds: earlierRefunds });
    const amount = refundAmount(plan, request.scope);
    if (amount <= 0) return null;
    const [refund] = await tx
      .insert(refunds)
      .values({
        orderId: order.id,
        shipmentId: request.scope === 'all' ? null : request.scope.shipmentId,
        amount,
        method: payment.method,
        status: byHand ? 'succeeded' : 'pending',
        idempotencyKey: request.requestKey,
        reference: byHand ? reference : null,
        reason: request.reason,
        requestedBy: actor.label,
        requestedById: actor.id,
        createdAt: now,
        updatedAt: now,
        succeededAt: byHand ? now : null,
      })
      .returning();
    await markRefundDue(tx, order.id, refundPlan({ ...order, refunds: [...earlierRefunds, refund!] }), now);
    const target = { type: 'order', id: order.orderNumber };
    const facilityId = facilityOf(order, refund!);
    await appendAudit(tx, actor, {
      action: 'refund.create',
      target,
      facilityId,
      after: auditView(refund!),
    });
    if (byHand) {
      await appendAudit(tx, actor, {
        action: 'refund.succeeded',
        target,
        facilityId,
        before: { refundId: refund!.id, status: 'pending' },
        after: auditView(refund!),
      });
      await enqueueRefundSucceeded(tx, order, refund!, now);
    }
    return { refund: refund!, replayed: false };
  });
  if (!made) return { ok: false, code: 'nothing_due' };
  return { ok: true, refund: await sendIfUnsent(deps, actor, made.refund), replayed: made.replayed };
}

/** Sends a pending card refund Stripe has not acknowledged yet (after an outage, say) again. */
export async function retryRefund(
  deps: RefundDeps,
  actor: Actor,
  refundId: number,
): Promise<RefundRow | null> {
  const [row] = await deps.db.select().from(refunds).where(eq(refunds.id, refundId));
  return row ? sendIfUnsent(deps, actor, row) : null;
}

async function sendIfUnsent(deps: RefundDeps, actor: Actor, refund: RefundRow): Promise<RefundRow> {
  if (refund.method !== 'card' || refund.status !== 'pending' || refund.stripeRefundId || !deps.cards)
    return refund;
  const now = deps.now?.() ?? new Date();
  const [context] = await deps.db
    .select({ orderNumber: orders.orderNumber, intent: payments.stripePaymentIntentId })
    .from(orders)
    .innerJoin(payments, eq(payments.orderId, orders.id))
    .where(eq(orders.id, refund.orderId));
  if (!context?.intent) return refund;
  const result = await deps.cards.create({
    paymentIntentId: context.intent,
    amount: refund.amount,
    idempotencyKey: stripeRefundKey(refund.idempotencyKey),
    metadata: { refundId: String(refund.id), orderNumber: context.orderNumber },
  });
  await deps.db.transaction(async (tx) => {
    if (result.outcome === 'created') {
      await applyStripeRefundTo(tx, refund.id, result, actor, now);
    } else if (result.outcome === 'rejected') {
      await settleRefund(tx, refund.id, 'failed', result.message, actor, now);
    } else {
      // Unless a concurrent attempt with the same key got Stripe's answer in the meantime.
      await tx
        .update(refunds)
        .set({ lastError: result.message, updatedAt: now })
        .where(and(eq(refunds.id, refund.id), eq(refunds.status, 'pending'), isNull(refunds.stripeRefundId)));
    }
  });
  const [after] = await deps.db.select().from(refunds).where(eq(refunds.id, refund.id));
  return after!;
}

type RefundOutcomeName = 'refund_succeeded' | 'refund_failed' | 'refund_unchanged' | 'refund_pending';

/**
 * Marks a refund succeeded or failed, once. Failed is final (the money is due again and a new
 * refund is made); a refund that had succeeded may still fail later, as Stripe reports for a
 * closed card.
 */
async function settleRefund(
  tx: Database,
  refundId: number,
  to: 'succeeded' | 'failed',
  detail: string | null,
  actor: Actor,
  now: Date,
): Promise<RefundOutcomeName> {
  const [row] = await tx.select().from(refunds).where(eq(refunds.id, refundId)).for('update');
  if (!row || row.status === to || row.status === 'failed') return 'refund_unchanged';
  const [updated] = await tx
    .update(refunds)
    .set({
      status: to,
      updatedAt: now,
      ...(to === 'succeeded' ? { succeededAt: now, lastError: null } : { lastError: detail }),
    })
    .where(eq(refunds.id, refundId))
    .returning();
  const order = (await loadOrder(tx, { orderId: row.orderId }))!;
  if (to === 'failed')
    await markRefundDue(
      tx,
      order.id,
      refundPlan({ ...order, refunds: await refundsOfOrder(tx, order.id) }),
      now,
    );
  await appendAudit(tx, actor, {
    action: to === 'succeeded' ? 'refund.succeeded' : 'refund.failed',
    target: { type: 'order', id: order.orderNumber },
    facilityId: facilityOf(order, row),
    before: { refundId: row.id, status: row.status },
    after: auditView(updated!),
  });
  if (to === 'succeeded') await enqueueRefundSucceeded(tx, order, updated!, now);
  return to === 'succeeded' ? 'refund_succeeded' : 'refund_failed';
}

/** What Stripe says of a refund: from its answer to the create call, or from a webhook event. */
export interface StripeRefundReport {
  id: string;
  status: string | null;
  failureReason?: string | null | undefined;
}

async function applyStripeRefundTo(
  tx: Database,
  refundId: number,
  report: StripeRefundReport,
  actor: Actor,
  now: Date,
): Promise<RefundOutcomeName> {
  await tx.update(refunds).set({ stripeRefundId: report.id, updatedAt: now }).where(eq(refunds.id, refundId));
  if (report.status === 'succeeded') return settleRefund(tx, refundId, 'succeeded', null, actor, now);
  if (report.status === 'failed' || report.status === 'canceled')
    return settleRefund(tx, refundId, 'failed', report.failureReason ?? report.status, actor, now);
  return 'refund_pending';
}

/**
 * A refund event from Stripe's webhook (refund.created, refund.updated, refund.failed), in the
 * webhook's transaction. The refund is found by its Stripe id, or by the row id the shop put in
 * its metadata when the webhook outruns the answer to the create call.
 */
export async function applyStripeRefundEvent(
  tx: Database,
  refund: StripeRefundReport & { metadata?: Record<string, string> | null },
  now: Date,
): Promise<RefundOutcomeName | 'unknown_refund'> {
  const [byStripeId] = await tx.select().from(refunds).where(eq(refunds.stripeRefundId, refund.id));
  let row = byStripeId;
  const metadataId = Number(refund.metadata?.refundId);
  if (!row && Number.isSafeInteger(metadataId) && metadataId > 0) {
    const [byId] = await tx.select().from(refunds).where(eq(refunds.id, metadataId));
    if (byId?.method === 'card' && byId.stripeRefundId === null) row = byId;
  }
  // A refund made in Stripe's dashboard has no row here: the operators record nothing for it.
  if (!row) return 'unknown_refund';
  return applyStripeRefundTo(tx, row.id, refund, STRIPE_WEBHOOK_ACTOR, now);
}
