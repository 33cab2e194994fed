/**
 * The checkout page's server side: the items to show ("Buy now" from a product page, or the
 * browser's cart filled in by <checkout-items>), and the form post that places the order
 * through the same placeOrder as POST /api/orders, with errors in the buyer's language.
 */
import { randomUUID } from 'node:crypto';
import { isSellable, todayInVietnam } from '~/catalogue';
import { mayPlaceOrder, PLACEMENT_RULE } from '~/commerce/limits';
import { orderRequestSchema } from '~/commerce/orders/order-input';
import { type OrderContext, type OrderError, placeOrder } from '~/commerce/orders/orders-service';
import type { CommerceKey } from '~/commerce/strings';
import { commerceStrings } from '~/commerce/strings';
import type { Locale } from '~/i18n/locales';
import type { ClientLimit } from '~/security/rate-limit';
import { type LineProblem, type PricedOrder, type PricingResult, priceOrder } from './pricing';

export const CHECKOUT_FIELDS = [
  'name',
  'phone',
  'email',
  'address',
  'province',
  'notes',
  'paymentMethod',
] as const;
export type CheckoutField = (typeof CHECKOUT_FIELDS)[number];

export interface CheckoutView {
  /** Items rendered by the server; null when the browser's cart provides them. */
  items: { sku: string; quantity: number }[] | null;
  summary: PricedOrder | null;
  values: Partial<Record<CheckoutField, string>>;
  /** Field → message; "items" for problems with the items. */
  errors: Partial<Record<CheckoutField | 'items', string>>;
  idempotencyKey: string;
}

type CheckoutOutcome = { redirect: string } | { status: number; view: CheckoutView };

const FIELD_MESSAGES: Record<CheckoutField, CommerceKey> = {
  name: 'errName',
  phone: 'errPhone',
  email: 'errEmail',
  address: 'errAddress',
  province: 'errProvince',
  notes: 'errNotes',
  paymentMethod: 'errPayment',
};

function itemsFrom(skus: string[], quantities: string[]): { sku: string; quantity: number }[] {
  return skus.map((sku, i) => ({ sku: sku.trim(), quantity: Number(quantities[i] ?? '1') }));
}

/**
 * A fresh form: "Buy now" items from the query string (?sku=X&quantity=N), else the cart's.
 * A product that lost its certification is named at once, before the buyer fills the form.
 */
export function checkoutForm(
  url: URL,
  ctx: Pick<OrderContext, 'catalogue' | 'shipping'>,
  locale: Locale = 'vi',
): CheckoutView {
  const skus = url.searchParams.getAll('sku').filter(Boolean);
  const items = skus.length ? itemsFrom(skus, url.searchParams.getAll('quantity')) : null;
  const priced = price(items, ctx);
  const revoked = priced && !priced.ok ? priced.problems.filter((p) => p.code === 'not_sellable') : [];
  return {
    items,
    summary: priced?.ok ? priced.order : null,
    values: {},
    errors: revoked.length ? { items: notSellableMessage(revoked, locale) } : {},
    idempotencyKey: randomUUID(),
  };
}

function price(
  items: CheckoutView['items'],
  ctx: Pick<OrderContext, 'catalogue' | 'shipping'>,
): PricingResult | null {
  if (!items?.length || items.some((i) => !Number.isInteger(i.quantity) || i.quantity < 1)) return null;
  const asOf = todayInVietnam();
  return priceOrder(ctx.catalogue, items, ctx.shipping, (id) => isSellable(ctx.catalogue, id, asOf));
}

function summarise(
  items: CheckoutView['items'],
  ctx: Pick<OrderContext, 'catalogue' | 'shipping'>,
): PricedOrder | null {
  const priced = price(items, ctx);
  return priced?.ok ? priced.order : null;
}

function notSellableMessage(problems: readonly Pick<LineProblem, 'sku'>[], locale: Locale): string {
  const t = commerceStrings(locale);
  return problems.map((p) => t('errNotSellable', { sku: p.sku })).join(' ');
}

function orderErrorMessage(
  error: OrderError,
  locale: Locale,
): Partial<Record<CheckoutField | 'items', string>> {
  const t = commerceStrings(locale);
  switch (error.code) {
    case 'invalid_items':
    case 'not_sellable':
    case 'out_of_stock':
      return {
        items: (error.items ?? [])
          .map((i) =>
            i.problem === 'out_of_stock'
              ? t('errOutOfStock', {
                  sku: i.sku,
                  detail: i.left ? t('inStockCount', { count: i.left }) : t('soldOut'),
                })
              : i.problem === 'not_sellable'
                ? t('errNotSellable', { sku: i.sku })
                : t(i.problem === 'not_sold_online' ? 'errItemNotSold' : 'errItemUnknown', { sku: i.sku }),
          )
          .join(' '),
      };
    case 'card_unavailable':
      return { paymentMethod: t('errCardUnavailable') };
    case 'bank_transfer_unavailable':
      return { paymentMethod: t('errBankUnavailable') };
    case 'order_expired':
      return { items: t('errOrderExpired', { orderNumber: error.orderNumber ?? '' }) };
    case 'payment_unavailable':
      return { paymentMethod: t('errPaymentUnavailable') };
    case 'request_in_progress':
      return { items: t('errInProgress') };
    case 'idempotency_key_reused':
      return { items: t('errResubmitted') };
    default:
      return { items: error.message };
  }
}

/** Handles the checkout form post: redirects to payment or the order page, or re-renders with errors. */
export async function submitCheckout(
  form: FormData,
  ctx: OrderContext,
  locale: Locale,
  limit: ClientLimit,
): Promise<CheckoutOutcome> {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : '';
  };
  const values = Object.fromEntries(CHECKOUT_FIELDS.map((f) => [f, text(f)])) as Record<
    CheckoutField,
    string
  >;
  const items = itemsFrom(form.getAll('sku').map(String), form.getAll('quantity').map(String));
  const key = /^[0-9a-f-]{36}$/.test(text('idempotencyKey')) ? text('idempotencyKey') : randomUUID();
  const view = (errors: CheckoutView['errors']): CheckoutView => ({
    items,
    summary: summarise(items, ctx),
    values,
    errors,
    idempotencyKey: key,
  });
  if (!(await mayPlaceOrder(limit)).allowed) {
    return {
      status: 429,
      view: view({
        items: commerceStrings(locale)('errTooManyOrders', { minutes: PLACEMENT_RULE.windowMs / 60_000 }),
      }),
    };
  }
  const parsed = orderRequestSchema.safeParse({
    items,
    buyer: {
      name: values.name,
      phone: values.phone,
      email: values.email,
      address: values.address,
      province: values.province,
      notes: values.notes,
    },
    paymentMethod: values.paymentMethod,
    locale,
  });
  if (!parsed.success) {
    const t = commerceStrings(locale);
    const errors: CheckoutView['errors'] = {};
    for (const issue of parsed.error.issues) {
      const [head, field] = issue.path.map(String);
      if (head === 'items') errors.items = t('errItems');
      else if (head === 'buyer' && field && field in FIELD_MESSAGES)
        errors[field as CheckoutField] = t(FIELD_MESSAGES[field as CheckoutField]);
      else if (head === 'paymentMethod') errors.paymentMethod = t('errPayment');
    }
    return { status: 400, view: view(errors) };
  }
  const outcome = await placeOrder(ctx, parsed.data, `form:${key}`);
  if (!outcome.ok)
    return { status: outcome.error.status, view: view(orderErrorMessage(outcome.error, locale)) };
  const { payment, statusUrl } = outcome.body;
  return { redirect: payment.method === 'card' ? payment.checkoutUrl : `${statusUrl}&placed=1` };
}
