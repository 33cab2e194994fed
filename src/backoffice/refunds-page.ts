/**
 * /admin/refunds/ and /admin/refunds/{orderNumber}/ (operators): the orders with money to give
 * back, and per order the refund form (everything due, or one cancelled shipment; the amount is
 * computed by commerce, never typed) with every refund made. Commerce owns the rules, Stripe
 * and the audit; this parses the forms and words the outcome.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { actorOf, type Principal } from '~/accounts/astro';
import {
  type OrderRefunds,
  orderRefunds,
  type RefundDeps,
  type RefundError,
  type RefundQueueRow,
  type RefundRow,
  refundQueue,
  requestRefund,
  retryRefund,
} from '~/commerce/astro';
import type { Database } from '~/db/client';
import { formatVnd } from '~/i18n/format';
import type { Locale } from '~/i18n/locales';
import { refundsStrings } from './refunds-strings';

export const REFUND_QUEUE_PAGE_SIZE = 50;

export interface RefundQueueState {
  rows: RefundQueueRow[];
  /** The last order id shown, when there are more. */
  next?: number;
  /** Where the "open an order" box sends the operator. */
  redirect?: string;
}

const ORDER_NUMBER = /^[A-Z0-9-]{4,40}$/;

export async function refundQueueState(db: Database, url: URL): Promise<RefundQueueState> {
  const wanted = url.searchParams.get('order')?.trim().toUpperCase();
  if (wanted && ORDER_NUMBER.test(wanted)) return { rows: [], redirect: `/admin/refunds/${wanted}/` };
  const after = Number(url.searchParams.get('after'));
  const rows = await refundQueue(db, {
    after: Number.isSafeInteger(after) && after > 0 ? after : undefined,
    limit: REFUND_QUEUE_PAGE_SIZE + 1,
  });
  const more = rows.length > REFUND_QUEUE_PAGE_SIZE;
  const shown = rows.slice(0, REFUND_QUEUE_PAGE_SIZE);
  return { rows: shown, ...(more ? { next: shown.at(-1)!.orderId } : {}) };
}

export interface RefundFormValues {
  scope: string;
  reason: string;
  reference: string;
}

export interface RefundOrderState {
  orderNumber: string;
  data: OrderRefunds | null;
  /** This render's one-time form key: submitting the same form twice refunds once. */
  requestKey: string;
  cardRefundsConfigured: boolean;
  values: RefundFormValues;
  notice?: string;
  error?: string;
  status: number;
}

const formSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('refund'),
    scope: z.string().regex(/^(all|\d{1,15})$/),
    reason: z.string().trim().min(3).max(300),
    reference: z.string().trim().max(100).default(''),
    requestKey: z.string().regex(/^[A-Za-z0-9-]{16,100}$/),
  }),
  z.object({ action: z.literal('retry'), refundId: z.coerce.number().int().positive() }),
]);

const ERROR_STATUS: Record<RefundError, number> = {
  not_found: 404,
  not_paid: 409,
  nothing_due: 409,
  reference_required: 400,
  card_refunds_unavailable: 409,
  no_payment_intent: 409,
  stripe_unavailable: 502,
};

export async function refundOrderPageState(
  deps: RefundDeps,
  request: Request,
  locale: Locale,
  principal: Principal & { kind: 'account' },
  orderNumber: string,
): Promise<RefundOrderState> {
  const t = refundsStrings(locale);
  const values: RefundFormValues = { scope: 'all', reason: '', reference: '' };
  let notice: string | undefined;
  let error: string | undefined;
  let status = 200;
  if (request.method === 'POST') {
    const raw = Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]));
    Object.assign(values, {
      scope: raw.scope ?? 'all',
      reason: raw.reason ?? '',
      reference: raw.reference ?? '',
    });
    const form = formSchema.safeParse(raw);
    const actor = actorOf(principal);
    if (!form.success) {
      error = t('errForm');
      status = 400;
    } else if (form.data.action === 'retry') {
      const before = await orderRefunds(deps.db, orderNumber);
      const mine = before?.refunds.some((r) => r.id === (form.data as { refundId: number }).refundId);
      const row = mine ? await retryRefund(deps, actor, form.data.refundId) : null;
      if (!row) {
        error = t('err_not_found', { orderNumber });
        status = 404;
      } else ({ notice, error, status } = worded(row, false, before!, locale));
    } else {
      const outcome = await requestRefund(deps, actor, {
        orderNumber,
        scope: form.data.scope === 'all' ? 'all' : { shipmentId: Number(form.data.scope) },
        reason: form.data.reason,
        reference: form.data.reference,
        requestKey: form.data.requestKey,
      });
      if (!outcome.ok) {
        error = t(`err_${outcome.code}`, { orderNumber, error: outcome.message ?? '' });
        status = ERROR_STATUS[outcome.code];
      } else {
        const data = (await orderRefunds(deps.db, orderNumber))!;
        ({ notice, error, status } = worded(outcome.refund, outcome.replayed, data, locale));
        if (!error) Object.assign(values, { scope: 'all', reason: '', reference: '' });
      }
    }
  }
  const data = await orderRefunds(deps.db, orderNumber);
  return {
    orderNumber,
    data,
    requestKey: randomUUID(),
    cardRefundsConfigured: deps.cards !== undefined,
    values,
    ...(notice ? { notice } : {}),
    ...(error ? { error } : {}),
    status: data ? status : 404,
  };
}

/** What the operator reads once a refund was asked for, sent again or found again. */
function worded(
  refund: RefundRow,
  replayed: boolean,
  data: OrderRefunds,
  locale: Locale,
): { notice?: string; error?: string; status: number } {
  const t = refundsStrings(locale);
  const amount = formatVnd(refund.amount, locale);
  const told = data.order.buyerEmail ? t('buyerTold') : t('buyerNoEmail', { phone: data.order.buyerPhone });
  const prefix = replayed ? `${t('replayed')} ` : '';
  if (refund.status === 'failed')
    return { error: prefix + t('errFailed', { error: refund.lastError ?? '' }), status: 502 };
  if (refund.status === 'pending' && !refund.stripeRefundId)
    return { error: prefix + t('errNotSent', { error: refund.lastError ?? '' }), status: 502 };
  if (refund.status === 'pending') return { notice: prefix + t('sentCard', { amount }), status: 200 };
  const done =
    refund.method === 'card'
      ? t('doneCard', { amount })
      : t('doneHand', { amount, reference: refund.reference ?? '' });
  return { notice: `${prefix}${done} ${told}`, status: 200 };
}
