/**
 * /facility/inbox/: one facility's orders (its shipments: one order may have several
 * facilities, each sees only its own part) and quote requests, with counts per state, filters
 * by state and text, newest first, 50 a page, and the signed-in member's e-mail preferences
 * (a POST to the same address, then a redirect). Which facility comes from portalContext, as on
 * every portal page: a member of A asking for ?facility=B gets 403 before anything is read.
 */
import { actorOf } from '~/accounts/astro';
import type { Catalogue } from '~/catalogue';
import {
  FACILITY_INBOX_PAGE_SIZE,
  facilityShipmentCounts,
  listFacilityShipments,
  type ShipmentStatus,
} from '~/commerce/astro';
import type { Database } from '~/db/client';
import { BodyTooLarge, limitedFormData } from '~/http/limited-form';
import { formatDate, formatDateTime, formatNumber, formatVnd } from '~/i18n/format';
import type { Locale } from '~/i18n/locales';
import {
  FACILITY_REQUESTS_PAGE_SIZE,
  facilityRequestCounts,
  listFacilityRequests,
  type QuoteRequestStatus,
} from '~/sourcing/astro';
import {
  boxStates,
  type InboxBox,
  type InboxFilters,
  type InboxState,
  inboxQuery,
  ORDER_STATES,
  type OrderState,
  pageCount,
  parseInboxFilters,
  QUOTE_STATES,
  type QuoteState,
} from './inbox-filters';
import { inboxOrderPath, inboxQuotePath } from './inbox-paths';
import { type InboxPreferences, inboxPreferences, saveInboxPreferences } from './inbox-preferences-store';
import { inboxStrings } from './inbox-strings';
import { type PortalContext, type PortalPrincipal, portalContext, portalStatus } from './portal-page';

/** Two checkboxes and an action: anything bigger is not this form. */
export const INBOX_FORM_MAX_BYTES = 2 * 1024;

export interface InboxCounts {
  orders: Record<OrderState, number> & { all: number };
  quotes: Record<QuoteState, number> & { all: number };
}

export interface OrderRowView {
  href: string;
  orderNumber: string;
  placedAt: string;
  buyerName: string;
  buyerPhone: string;
  province: string;
  state: OrderState;
  /** Payment method and state, in the page's language. */
  payment: string;
  total: string;
  items: string;
  trackingNumber: string | null;
}

export interface QuoteRowView {
  href: string;
  reference: string;
  receivedAt: string;
  companyName: string;
  contactName: string;
  phone: string;
  province: string;
  state: QuoteState;
  targetDate: string | null;
  items: string;
}

export interface FilterLink {
  /** The state the link shows; null for "all". */
  state: InboxState | null;
  href: string;
  count: number;
  current: boolean;
}

export interface InboxPageState {
  filters: InboxFilters;
  counts: InboxCounts;
  boxes: { box: InboxBox; href: string; count: number; current: boolean }[];
  states: FilterLink[];
  orders: OrderRowView[];
  quotes: QuoteRowView[];
  /** Rows matching the filters (all pages), and which of them this page shows (1-based). */
  total: number;
  from: number;
  to: number;
  pages: number;
  previousHref?: string;
  nextHref?: string;
  /** The link that drops the text and state filters (when there are some). */
  clearHref?: string;
  /** Null for staff viewing a facility they are not a member of: copies go to members only. */
  preferences: (InboxPreferences & { email: string }) | null;
  notice?: string;
  error?: string;
}

export type InboxPageOutcome =
  | { kind: 'page'; context: PortalContext; status: number; state: InboxPageState | null }
  | { kind: 'redirect'; location: string };

const STATUS_STATE: Record<ShipmentStatus, OrderState> = {
  pending: 'new',
  confirmed: 'to_ship',
  shipped: 'shipped',
  cancelled: 'cancelled',
};
const REQUEST_STATE: Record<QuoteRequestStatus, QuoteState> = {
  pending: 'open',
  answered: 'answered',
  declined: 'declined',
};

/** Counts per state of both boxes. */
export async function inboxCounts(db: Database, facilityId: string): Promise<InboxCounts> {
  const shipments = await facilityShipmentCounts(db, facilityId);
  const requests = await facilityRequestCounts(db, facilityId);
  const orders = Object.fromEntries(
    Object.entries(ORDER_STATES).map(([state, status]) => [state, shipments[status]]),
  ) as Record<OrderState, number>;
  const quotes = Object.fromEntries(
    Object.entries(QUOTE_STATES).map(([state, status]) => [state, requests[status]]),
  ) as Record<QuoteState, number>;
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  return { orders: { ...orders, all: sum(orders) }, quotes: { ...quotes, all: sum(quotes) } };
}

/** What the portal's navigation shows beside "Inbox": orders to confirm or ship, requests to answer. */
export async function inboxPendingCount(db: Database, facilityId: string): Promise<number> {
  const { orders, quotes } = await inboxCounts(db, facilityId);
  return orders.new + orders.to_ship + quotes.open;
}

export async function inboxPageState(
  db: Database,
  request: Request,
  locale: Locale,
  principal: PortalPrincipal,
  catalogue: Catalogue,
): Promise<InboxPageOutcome> {
  const t = inboxStrings(locale);
  const url = new URL(request.url);
  const context = portalContext(principal, url, catalogue);
  // Not this person's facility (or none): nothing is read from the form, nothing written.
  if (context.kind !== 'facility')
    return { kind: 'page', context, status: portalStatus(context), state: null };
  const facilityId = context.facility.id;
  const member = principal.facilityIds.includes(facilityId);
  const filters = parseInboxFilters(url.searchParams);
  let status = 200;
  let error: string | undefined;

  if (request.method === 'POST') {
    let form: FormData | undefined;
    try {
      form = await limitedFormData(request, INBOX_FORM_MAX_BYTES);
    } catch (problem) {
      status = problem instanceof BodyTooLarge ? 413 : 400;
    }
    if (form?.get('action') === 'preferences' && member) {
      await saveInboxPreferences(
        db,
        actorOf(principal),
        { userId: principal.userId, facilityId },
        { newOrders: form.get('newOrders') === 'on', newQuotes: form.get('newQuotes') === 'on' },
      );
      const back = new URLSearchParams(url.search);
      back.set('saved', 'preferences');
      return { kind: 'redirect', location: `${url.pathname}?${back}` };
    }
    // Staff who are not members have no preferences here; anything else is not this form.
    if (form) status = form.get('action') === 'preferences' ? 403 : 400;
    error = t('errForm');
  }

  const counts = await inboxCounts(db, facilityId);
  const query = (f: Partial<InboxFilters>) => `${url.pathname}${inboxQuery(context.query, f)}`;
  const pageSize = filters.box === 'orders' ? FACILITY_INBOX_PAGE_SIZE : FACILITY_REQUESTS_PAGE_SIZE;
  const at = (d: Date) => formatDateTime(d, locale);
  const n = (v: number) => formatNumber(v, locale);

  let total: number;
  let orders: OrderRowView[] = [];
  let quotes: QuoteRowView[] = [];
  if (filters.box === 'orders') {
    const found = await listFacilityShipments(db, facilityId, {
      ...(filters.state ? { status: ORDER_STATES[filters.state as OrderState] } : {}),
      text: filters.q,
      page: filters.page,
    });
    total = found.total;
    orders = found.rows.map((r) => ({
      href: inboxOrderPath(facilityId, r.shipmentId, locale),
      orderNumber: r.orderNumber,
      placedAt: at(r.createdAt),
      buyerName: r.buyerName,
      buyerPhone: r.buyerPhone,
      province: r.province,
      state: STATUS_STATE[r.status],
      payment: `${t(`method_${r.paymentMethod}`)}: ${t(`payment_${r.paymentStatus}`)}`,
      total: formatVnd(r.total, locale),
      items: n(r.itemCount),
      trackingNumber: r.trackingNumber,
    }));
  } else {
    const found = await listFacilityRequests(db, facilityId, {
      ...(filters.state ? { status: QUOTE_STATES[filters.state as QuoteState] } : {}),
      text: filters.q,
      page: filters.page,
    });
    total = found.total;
    quotes = found.rows.map((r) => ({
      href: inboxQuotePath(facilityId, r.requestId, locale),
      reference: r.reference,
      receivedAt: at(r.createdAt),
      companyName: r.companyName,
      contactName: r.contactName,
      phone: r.phone,
      province: r.province,
      state: REQUEST_STATE[r.status],
      targetDate: r.targetDate ? formatDate(r.targetDate, locale) : null,
      items: n(r.itemCount),
    }));
  }
  const pages = pageCount(total, pageSize);
  const shown = orders.length + quotes.length;
  const from = shown === 0 ? 0 : (filters.page - 1) * pageSize + 1;
  const boxCounts = counts[filters.box] as Record<string, number>;
  const keep = { box: filters.box, q: filters.q };

  const state: InboxPageState = {
    filters,
    counts,
    boxes: (['orders', 'quotes'] as const).map((box) => ({
      box,
      href: query({ box }),
      count: counts[box].all,
      current: box === filters.box,
    })),
    states: [null, ...boxStates(filters.box)].map((s) => ({
      state: s,
      href: query({ ...keep, state: s }),
      count: boxCounts[s ?? 'all'] ?? 0,
      current: s === filters.state,
    })),
    orders,
    quotes,
    total,
    from,
    to: from === 0 ? 0 : from + shown - 1,
    pages,
    ...(filters.page > 1
      ? { previousHref: query({ ...filters, page: Math.min(filters.page, pages + 1) - 1 }) }
      : {}),
    ...(filters.page < pages ? { nextHref: query({ ...filters, page: filters.page + 1 }) } : {}),
    ...(filters.q || filters.state ? { clearHref: query({ box: filters.box }) } : {}),
    preferences: member
      ? { ...(await inboxPreferences(db, principal.userId, facilityId)), email: principal.email }
      : null,
    ...(error ? { error } : {}),
  };
  if (request.method === 'GET' && url.searchParams.get('saved') === 'preferences' && member)
    state.notice = t('prefsSaved');
  return { kind: 'page', context, status, state };
}
