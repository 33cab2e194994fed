/**
 * Addresses of the facility portal's inbox, for its pages and for the e-mail copies other
 * capabilities send members (commerce's new orders, sourcing's quote requests). They always
 * name the facility: a member of several facilities must land on the right one.
 */
import { type Locale, localePath } from '~/i18n/locales';

export const INBOX_PATH = '/facility/inbox/';

const withFacility = (path: string, facilityId: string) =>
  `${path}?${new URLSearchParams({ facility: facilityId })}`;

/** The inbox of one facility (its orders, or its quote requests). */
export function inboxPath(facilityId: string, box: 'orders' | 'quotes' = 'orders', locale: Locale = 'vi') {
  const query = new URLSearchParams({ facility: facilityId });
  if (box === 'quotes') query.set('box', 'quotes');
  return `${localePath(locale, INBOX_PATH)}?${query}`;
}

/** One shipment of an order, as the facility sees it in its inbox. */
export function inboxOrderPath(facilityId: string, shipmentId: number, locale: Locale = 'vi'): string {
  return withFacility(localePath(locale, `${INBOX_PATH}orders/${shipmentId}/`), facilityId);
}

/** One quote request, as the facility answers it in its inbox. */
export function inboxQuotePath(facilityId: string, requestId: number, locale: Locale = 'vi'): string {
  return withFacility(localePath(locale, `${INBOX_PATH}quotes/${requestId}/`), facilityId);
}
