/**
 * The messages of a bank transfer marked paid, beside the order's others
 * (../orders/order-messages.ts): the buyer's receipt names the transfer as it arrived, and each
 * facility still to ship is told the money is in (its new-order message, sent when the order
 * was placed, asked it to wait for this).
 */
import { mailStrings } from '~/commerce/mail-strings';
import { enqueueMemberCopies } from '~/commerce/orders/member-copies';
import { facilityLink } from '~/commerce/orders/order-links';
import type { OrderDetails } from '~/commerce/orders/order-store';
import { env } from '~/config/env';
import type { Database } from '~/db/client';
import { formatVnd } from '~/i18n/format';
import { enqueueMessage } from '~/notifications/astro';
import { transferMailStrings } from './transfer-mail-strings';

/** The receipt's first line: "we received your transfer of X with reference Y". */
export function transferReceivedLine(order: OrderDetails): string {
  return transferMailStrings(order.locale)('transferReceived', {
    amount: formatVnd(order.payment.receivedAmount ?? order.payment.amount, order.locale),
    reference: order.payment.reference ?? '',
    orderNumber: order.orderNumber,
  });
}

/** The operators' refund notice for a transfer that arrived after the order was cancelled. */
export function transferRefundLine(order: OrderDetails): string {
  return transferMailStrings('vi')('refundPaidAfterCancellation', {
    orderNumber: order.orderNumber,
    amount: formatVnd(order.payment.receivedAmount ?? order.payment.amount),
    reference: order.payment.reference ?? '',
  });
}

/**
 * One message per shipment not cancelled: the money is in, ship. As with new orders, a facility
 * without e-mail has it sent to the operators (ORDERS_EMAIL), who pass it on by phone, and its
 * members who want new-order e-mails get a copy pointing to the inbox.
 */
export async function enqueueFacilitiesMayShip(tx: Database, order: OrderDetails, now: Date): Promise<void> {
  const m = mailStrings('vi');
  const t = transferMailStrings('vi');
  const relay = env().ORDERS_EMAIL;
  for (const s of order.shipments) {
    if (s.status !== 'cancelled') await enqueueMemberCopies(tx, order, s, { kind: 'payment-received' });
    const to = s.facilityEmail ?? relay;
    if (!to || s.status === 'cancelled') continue;
    const text = [
      ...(s.facilityEmail
        ? []
        : [
            m('relayIntro', {
              facility: s.facilityName,
              url: new URL(`/facilities/${s.facilityId}/`, env().PUBLIC_SITE_URL).href,
            }),
            '',
          ]),
      t('facilityPaidIntro', {
        orderNumber: order.orderNumber,
        facility: s.facilityName,
        total: formatVnd(s.total),
      }),
      '',
      m('facilityAction', { url: facilityLink(s.id, 'vi', now) }),
      m('facilityLinkExpiry'),
      '',
      m('signature'),
    ].join('\n');
    await enqueueMessage(tx, {
      kind: 'facility-payment-received',
      ref: `${order.orderNumber}/${s.facilityId}`,
      to,
      subject: `${s.facilityEmail ? '' : m('relaySubjectPrefix')}${t('facilityPaidSubject', { orderNumber: order.orderNumber, facility: s.facilityName })}`,
      text,
    });
  }
}
