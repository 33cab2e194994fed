/**
 * The console's order search, as typed into its form (a plain GET, so every search is a URL):
 * one box for an order number, a phone number or an e-mail address, written any way people
 * write them, and filters by facility, order status, payment method and status, Vietnam days,
 * and the dashboard's queues. Pure: the query itself is in ./order-search-store.ts.
 */
import { type orders, PAYMENT_STATUSES, type PaymentStatus } from '~/commerce/db-schema';
import { PAYMENT_METHODS, type PaymentMethod } from './order-input';
import { ORDER_NUMBER_PATTERN, parseOrderNumber } from './order-number';
import { normaliseMobile } from './phone';

export type OrderStatus = (typeof orders.$inferSelect)['status'];
export const ORDER_STATUSES = [
  'pending_payment',
  'placed',
  'cancelled',
] as const satisfies readonly OrderStatus[];
/** The dashboard's queues this list shows (../orders/console-queues.ts defines them). */
export const ORDER_QUEUES = ['card_stuck'] as const;

export type OrderQuery =
  | { by: 'orderNumber'; value: string }
  | { by: 'phone'; value: string }
  | { by: 'email'; value: string };

export interface OrderSearch {
  query?: OrderQuery;
  facilityId?: string;
  status?: OrderStatus;
  paymentMethod?: PaymentMethod;
  paymentStatus?: PaymentStatus;
  /** First and last Vietnam day (yyyy-mm-dd), both included. */
  from?: string;
  to?: string;
  queue?: (typeof ORDER_QUEUES)[number];
  /** The order number of the last row shown: the next page starts after it. */
  after?: string;
}

/** A field the search could not read; the page says so and searches without it. */
export type SearchProblem = 'query' | 'facility' | 'dates';

export interface ParsedOrderSearch {
  search: OrderSearch;
  /** The form's fields as they were sent, to fill the form again. */
  form: Record<'q' | 'facility' | 'status' | 'method' | 'payment' | 'from' | 'to' | 'queue', string>;
  problems: SearchProblem[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FACILITY_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** What the search box holds: an order number, a mobile number, an e-mail; null when none. */
export function readOrderQuery(text: string): OrderQuery | null {
  const trimmed = text.trim();
  if (trimmed.includes('@')) {
    const email = trimmed.toLowerCase();
    return EMAIL.test(email) && email.length <= 200 ? { by: 'email', value: email } : null;
  }
  const orderNumber = parseOrderNumber(trimmed);
  if (orderNumber) return { by: 'orderNumber', value: orderNumber };
  const phone = normaliseMobile(trimmed);
  return phone ? { by: 'phone', value: phone } : null;
}

/** A real calendar day in yyyy-mm-dd, or null. */
function readDay(text: string): string | null {
  const match = DAY.exec(text);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? text : null;
}

const oneOf = <T extends string>(values: readonly T[], text: string): T | undefined =>
  (values as readonly string[]).includes(text) ? (text as T) : undefined;

export function parseOrderSearch(params: URLSearchParams): ParsedOrderSearch {
  const read = (name: string) => (params.get(name) ?? '').trim().slice(0, 300);
  const form: ParsedOrderSearch['form'] = {
    q: read('q'),
    facility: read('facility'),
    status: read('status'),
    method: read('method'),
    payment: read('payment'),
    from: read('from'),
    to: read('to'),
    queue: read('queue'),
  };
  const search: OrderSearch = {};
  const problems: SearchProblem[] = [];
  if (form.q) {
    const query = readOrderQuery(form.q);
    if (query) search.query = query;
    else problems.push('query');
  }
  if (form.facility) {
    const id = form.facility.toLowerCase();
    if (FACILITY_ID.test(id)) search.facilityId = id;
    else problems.push('facility');
  }
  const status = oneOf(ORDER_STATUSES, form.status);
  if (status) search.status = status;
  const method = oneOf(PAYMENT_METHODS, form.method);
  if (method) search.paymentMethod = method;
  const payment = oneOf(PAYMENT_STATUSES, form.payment);
  if (payment) search.paymentStatus = payment;
  const queue = oneOf(ORDER_QUEUES, form.queue);
  if (queue) search.queue = queue;
  const from = form.from ? readDay(form.from) : undefined;
  const to = form.to ? readDay(form.to) : undefined;
  if (from === null || to === null || (from && to && from > to)) problems.push('dates');
  else {
    if (from) search.from = from;
    if (to) search.to = to;
  }
  const after = read('after');
  if (ORDER_NUMBER_PATTERN.test(after)) search.after = after;
  return { search, form, problems };
}

/** The query string of the page after `lastOrderNumber`, with the same filters. */
export function nextPageQuery(form: ParsedOrderSearch['form'], lastOrderNumber: string): string {
  const params = new URLSearchParams(Object.entries(form).filter(([, value]) => value !== ''));
  params.set('after', lastOrderNumber);
  return `?${params}`;
}

/** Vietnam's midnight (UTC+7, no daylight saving) starting a day, and the one after it. */
export function vietnamDayBounds(day: string): { start: Date; end: Date } {
  const start = new Date(`${day}T00:00:00+07:00`);
  return { start, end: new Date(start.getTime() + 86_400_000) };
}
