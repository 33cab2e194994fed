/**
 * Who may see an order page: the holder of the signed view key (in the confirmation
 * redirect and e-mail), or whoever gives the phone number or e-mail used for the order.
 * Unknown orders and wrong answers look the same, so the page never confirms that an order
 * number exists.
 */

import { mayLookUpOrder } from '~/commerce/limits';
import type { Database } from '~/db/client';
import type { Locale } from '~/i18n/locales';
import type { ClientLimit } from '~/security/rate-limit';
import { orderPath, orderViewKey, orderViewKeyIsValid } from './order-links';
import { parseOrderNumber } from './order-number';
import { loadOrder, type OrderDetails } from './order-store';
import { buyerMatches } from './order-view';

export type OrderPageState =
  | { kind: 'view'; order: OrderDetails }
  | { kind: 'ask'; orderNumber: string; problem?: 'not_found' | 'rate_limited' }
  | { kind: 'redirect'; location: string }
  | { kind: 'not_found' };

export async function orderPageState(
  db: Database,
  param: string | undefined,
  request: Request,
  locale: Locale,
  lookup: ClientLimit,
): Promise<OrderPageState> {
  const orderNumber = parseOrderNumber(param ?? '');
  if (!orderNumber) return { kind: 'not_found' };
  if (orderNumber !== param) return { kind: 'redirect', location: orderPath(orderNumber, locale) };
  const key = new URL(request.url).searchParams.get('key');
  if (request.method === 'GET') {
    if (key && orderViewKeyIsValid(orderNumber, key)) {
      const order = await loadOrder(db, { orderNumber });
      if (order) return { kind: 'view', order };
    }
    return { kind: 'ask', orderNumber };
  }
  if (!(await mayLookUpOrder(lookup)).allowed) return { kind: 'ask', orderNumber, problem: 'rate_limited' };
  const contact = String((await request.formData()).get('contact') ?? '').trim();
  const order = await loadOrder(db, { orderNumber });
  const proof = contact.includes('@') ? { email: contact } : { phone: contact };
  if (!order || !buyerMatches(order, proof)) return { kind: 'ask', orderNumber, problem: 'not_found' };
  return { kind: 'redirect', location: orderPath(orderNumber, locale, orderViewKey(orderNumber)) };
}
