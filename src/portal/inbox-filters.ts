/**
 * The inbox list's address: which box (orders or quote requests), which state, what was typed
 * and which page, read from the query (a plain GET form, so every view is a URL) and written
 * back into links. The states are the ones a facility thinks in ("to ship"), each one status
 * of the shipment or the request. Pure.
 */

export const INBOX_BOXES = ['orders', 'quotes'] as const;
export type InboxBox = (typeof INBOX_BOXES)[number];

/** Order states and the shipment status each one is. */
export const ORDER_STATES = {
  new: 'pending',
  to_ship: 'confirmed',
  shipped: 'shipped',
  cancelled: 'cancelled',
} as const;
export type OrderState = keyof typeof ORDER_STATES;

/** Quote states and the request status each one is. */
export const QUOTE_STATES = { open: 'pending', answered: 'answered', declined: 'declined' } as const;
export type QuoteState = keyof typeof QUOTE_STATES;

export type InboxState = OrderState | QuoteState;

export interface InboxFilters {
  box: InboxBox;
  /** Null: every state. */
  state: InboxState | null;
  /** What was typed, trimmed (shown back in the box). */
  q: string;
  page: number;
}

export const Q_MAX = 100;
/** Far beyond any facility's inbox; a bigger number is not a page anyone asked for. */
const PAGE_MAX = 10_000;

const statesOf = (box: InboxBox): readonly InboxState[] =>
  Object.keys(box === 'orders' ? ORDER_STATES : QUOTE_STATES) as InboxState[];

/** The states a box is filtered by, in the order the page lists them. */
export const boxStates = (box: InboxBox) => statesOf(box);

export function parseInboxFilters(params: URLSearchParams): InboxFilters {
  const box: InboxBox = params.get('box') === 'quotes' ? 'quotes' : 'orders';
  const asked = params.get('state') ?? '';
  const state = (statesOf(box) as readonly string[]).includes(asked) ? (asked as InboxState) : null;
  const q = (params.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, Q_MAX);
  const pageText = params.get('page') ?? '';
  const page = /^\d{1,5}$/.test(pageText) ? Math.min(Math.max(1, Number(pageText)), PAGE_MAX) : 1;
  return { box, state, q, page };
}

/**
 * The query string of an inbox view ("?…", or "" for the default view), keeping ?facility=
 * when the portal needs it (`facilityQuery` is the context's "?facility=…" or "").
 */
export function inboxQuery(facilityQuery: string, filters: Partial<InboxFilters>): string {
  const params = new URLSearchParams(facilityQuery);
  if (filters.box === 'quotes') params.set('box', 'quotes');
  if (filters.state) params.set('state', filters.state);
  if (filters.q) params.set('q', filters.q);
  if (filters.page && filters.page > 1) params.set('page', String(filters.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** How many pages `total` rows make, at least one. */
export const pageCount = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));
