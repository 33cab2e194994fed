/**
 * The buyer hears of a refund when the money is on its way back: when Stripe reports it
 * succeeded, or when an operator records one made by hand. Enqueued in the transaction that
 * marks it succeeded, in the order's language; once per refund (the outbox keeps one message
 * per kind, ref and address).
 */
import { mailStrings } from '~/commerce/mail-strings';
import { orderUrl, orderViewKey } from '~/commerce/orders/order-links';
import type { OrderDetails } from '~/commerce/orders/order-store';
import type { Database } from '~/db/client';
import { formatVnd } from '~/i18n/format';
import { enqueueMessage } from '~/notifications/astro';
import { refundMailStrings } from './refund-mail-strings';
import type { RefundRow } from './refund-store';

export async function enqueueRefundSucceeded(
  tx: Database,
  order: OrderDetails,
  refund: RefundRow,
  now: Date,
): Promise<void> {
  if (!order.buyerEmail) return;
  const locale = order.locale;
  const t = refundMailStrings(locale);
  const common = mailStrings(locale);
  const shipment = order.shipments.find((s) => s.id === refund.shipmentId);
  const how =
    refund.method === 'card'
      ? t('card')
      : t(refund.method === 'bank_transfer' ? 'bankTransfer' : 'cod', { reference: refund.reference ?? '' });
  await enqueueMessage(tx, {
    kind: 'refund-succeeded',
    ref: `${order.orderNumber}/refund-${refund.id}`,
    to: order.buyerEmail,
    subject: t('subject', { orderNumber: order.orderNumber }),
    text: [
      common('greeting', { name: order.buyerName }),
      '',
      t('intro', { amount: formatVnd(refund.amount, locale), orderNumber: order.orderNumber }),
      shipment ? t('whatShipment', { facility: shipment.facilityName }) : t('whatAll'),
      how,
      '',
      common('statusLink', {
        url: orderUrl(order.orderNumber, locale, orderViewKey(order.orderNumber, now)),
      }),
      '',
      common('signature'),
    ].join('\n'),
  });
}
