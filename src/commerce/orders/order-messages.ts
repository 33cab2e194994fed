/**
 * The messages an order sends, enqueued in the transaction that changes the order
 * (src/notifications/outbox.ts): the buyer's confirmation (when they gave an e-mail), one
 * new-order message per facility with its signed action link, and shipment updates.
 * Facilities read Vietnamese; buyers read the language they ordered in.
 */

import { lineLabel } from '~/commerce/cart/line-label';
import { mailStrings } from '~/commerce/mail-strings';
import { type BankAccount, bankTransferDetails } from '~/commerce/payments/bank-transfer';
import {
  enqueueFacilitiesMayShip,
  transferReceivedLine,
  transferRefundLine,
} from '~/commerce/payments/transfer-messages';
import { env } from '~/config/env';
import type { Database } from '~/db/client';
import { formatVnd } from '~/i18n/format';
import type { Locale } from '~/i18n/locales';
import { enqueueMessage } from '~/notifications/astro';
import { enqueueMemberCopies } from './member-copies';
import { facilityLink, orderUrl, orderViewKey } from './order-links';
import type { OrderDetails, ShipmentDetails } from './order-store';

function methodLabel(order: OrderDetails, locale: Locale): string {
  const t = mailStrings(locale);
  return t(
    order.paymentMethod === 'card'
      ? 'methodCard'
      : order.paymentMethod === 'bank_transfer'
        ? 'methodBank'
        : 'methodCod',
  );
}

function itemLines(shipment: ShipmentDetails, locale: Locale): string[] {
  const t = mailStrings(locale);
  return shipment.items.map((i) => {
    const variant = locale === 'en' ? (i.variantNameEn ?? i.variantName) : i.variantName;
    const lead = i.leadTimeDays ? ` (${t('leadTime', { days: i.leadTimeDays })})` : '';
    return `  - ${lineLabel(i.productName, variant, i.packSize)} × ${i.quantity}: ${formatVnd(i.lineTotal, locale)}${lead}`;
  });
}

function buyerSummary(order: OrderDetails, now: Date, bankAccount: BankAccount | undefined): string {
  const locale = order.locale;
  const t = mailStrings(locale);
  const lines: string[] = [];
  for (const s of order.shipments) {
    lines.push(
      t('facility', { name: s.facilityName }),
      ...itemLines(s, locale),
      `  ${t('shippingFee', { amount: s.shippingFee ? formatVnd(s.shippingFee, locale) : t('free') })}`,
      '',
    );
  }
  lines.push(
    t('total', { amount: formatVnd(order.total, locale) }),
    t('payment', { method: methodLabel(order, locale) }),
  );
  if (order.paymentMethod === 'bank_transfer' && bankAccount) {
    const { sampleAccount, ...bank } = bankTransferDetails(bankAccount, order.orderNumber, order.total);
    lines.push(t('bankInstructions', { ...bank, amount: formatVnd(bank.amount, locale) }));
    if (sampleAccount) lines.push(t('bankSampleAccount'));
  }
  lines.push(
    t('deliverTo', { address: order.address, province: order.province }),
    '',
    t('statusLink', { url: orderUrl(order.orderNumber, locale, orderViewKey(order.orderNumber, now)) }),
    '',
    t('signature'),
  );
  return lines.join('\n');
}

async function enqueueBuyerMessage(
  tx: Database,
  order: OrderDetails,
  paid: boolean,
  now: Date,
  bankAccount?: BankAccount,
): Promise<void> {
  if (!order.buyerEmail) return;
  const t = mailStrings(order.locale);
  await enqueueMessage(tx, {
    kind: paid ? 'order-paid' : 'order-confirmation',
    ref: order.orderNumber,
    to: order.buyerEmail,
    subject: t(paid ? 'paidSubject' : 'confirmationSubject', { orderNumber: order.orderNumber }),
    text: [
      t('greeting', { name: order.buyerName }),
      '',
      paid && order.paymentMethod === 'bank_transfer'
        ? transferReceivedLine(order)
        : t(paid ? 'paidReceived' : 'received', { orderNumber: order.orderNumber }),
      '',
      buyerSummary(order, now, bankAccount),
    ].join('\n'),
  });
}

/**
 * One new-order message per shipment, to the facility; a facility without e-mail has it sent
 * to the operators (ORDERS_EMAIL), who pass it on by phone. Without either, nobody is told
 * and the order waits on its status page (and in the facility's inbox). Members of the
 * facility who want them get a copy pointing to the inbox (./member-copies.ts).
 */
async function enqueueFacilityMessages(tx: Database, order: OrderDetails, now: Date): Promise<void> {
  const t = mailStrings('vi');
  const relay = env().ORDERS_EMAIL;
  for (const s of order.shipments) {
    await enqueueMemberCopies(tx, order, s, {
      kind: 'new-order',
      lines: [
        ...itemLines(s, 'vi'),
        `  ${t('shippingFee', { amount: s.shippingFee ? formatVnd(s.shippingFee) : t('free') })}`,
        `  ${t('total', { amount: formatVnd(s.total) })}`,
      ],
    });
    const to = s.facilityEmail ?? relay;
    if (!to) continue;
    const payment =
      order.paymentMethod === 'cod'
        ? t('facilityPaymentCod', { amount: formatVnd(s.total) })
        : t(order.paymentMethod === 'card' ? 'facilityPaymentCard' : 'facilityPaymentBank');
    const text = [
      ...(s.facilityEmail
        ? []
        : [
            t('relayIntro', {
              facility: s.facilityName,
              url: new URL(`/facilities/${s.facilityId}/`, env().PUBLIC_SITE_URL).href,
            }),
            '',
          ]),
      t('facilityIntro', { facility: s.facilityName, orderNumber: order.orderNumber }),
      '',
      ...itemLines(s, 'vi'),
      `  ${t('shippingFee', { amount: s.shippingFee ? formatVnd(s.shippingFee) : t('free') })}`,
      `  ${t('total', { amount: formatVnd(s.total) })}`,
      '',
      t('facilityBuyer', {
        name: order.buyerName,
        phone: order.buyerPhone,
        email: order.buyerEmail ? `, ${order.buyerEmail}` : '',
      }),
      t('facilityAddress', { address: order.address, province: order.province }),
      ...(order.notes ? [t('facilityNotes', { notes: order.notes })] : []),
      payment,
      '',
      t('facilityAction', { url: facilityLink(s.id, 'vi', now) }),
      t('facilityLinkExpiry'),
      '',
      t('signature'),
    ].join('\n');
    await enqueueMessage(tx, {
      kind: 'facility-new-order',
      ref: `${order.orderNumber}/${s.facilityId}`,
      to,
      subject: `${s.facilityEmail ? '' : t('relaySubjectPrefix')}${t('facilitySubject', { orderNumber: order.orderNumber, facility: s.facilityName })}`,
      text,
    });
  }
}

/** At checkout: the buyer's confirmation; facilities hear now unless a card payment is still due. */
export async function enqueueOrderPlaced(
  tx: Database,
  order: OrderDetails,
  now: Date,
  bankAccount?: BankAccount,
): Promise<void> {
  if (order.paymentMethod === 'card') return;
  await enqueueBuyerMessage(tx, order, false, now, bankAccount);
  await enqueueFacilityMessages(tx, order, now);
}

/**
 * When a payment arrives: the buyer's receipt, and the facilities' new orders (card: they have
 * heard nothing yet) or word that the transfer they were told to wait for is in.
 */
export async function enqueueOrderPaid(tx: Database, order: OrderDetails, now: Date): Promise<void> {
  await enqueueBuyerMessage(tx, order, true, now);
  if (order.paymentMethod === 'bank_transfer') await enqueueFacilitiesMayShip(tx, order, now);
  else await enqueueFacilityMessages(tx, order, now);
}

/** Tells the buyer that a facility confirmed, shipped or cancelled its shipment. */
export async function enqueueShipmentUpdate(
  tx: Database,
  order: OrderDetails,
  shipment: ShipmentDetails,
  now: Date,
): Promise<void> {
  if (!order.buyerEmail || shipment.status === 'pending') return;
  const t = mailStrings(order.locale);
  const vars = {
    facility: shipment.facilityName,
    orderNumber: order.orderNumber,
    tracking: shipment.trackingNumber ?? '',
    reason: shipment.cancelReason ?? '',
  };
  const key =
    shipment.status === 'confirmed'
      ? 'updateConfirmed'
      : shipment.status === 'shipped'
        ? 'updateShipped'
        : 'updateCancelled';
  // A corrected tracking number is news: it is part of the key, so it makes a new message
  // (and the same number again does not).
  const tracking =
    shipment.status === 'shipped' && shipment.trackingNumber ? `/${shipment.trackingNumber}` : '';
  await enqueueMessage(tx, {
    kind: 'shipment-update',
    ref: `${order.orderNumber}/${shipment.facilityId}/${shipment.status}${tracking}`,
    to: order.buyerEmail,
    subject: t('updateSubject', { orderNumber: order.orderNumber }),
    text: [
      t('greeting', { name: order.buyerName }),
      '',
      t(key, vars),
      '',
      t('statusLink', {
        url: orderUrl(order.orderNumber, order.locale, orderViewKey(order.orderNumber, now)),
      }),
      '',
      t('signature'),
    ].join('\n'),
  });
}

/** Tells the buyer that their card order was cancelled because the payment never completed. */
export async function enqueueOrderExpired(tx: Database, order: OrderDetails, now: Date): Promise<void> {
  if (!order.buyerEmail) return;
  const t = mailStrings(order.locale);
  await enqueueMessage(tx, {
    kind: 'order-expired',
    ref: order.orderNumber,
    to: order.buyerEmail,
    subject: t('expiredSubject', { orderNumber: order.orderNumber }),
    text: [
      t('greeting', { name: order.buyerName }),
      '',
      t('expiredText', { orderNumber: order.orderNumber }),
      '',
      t('statusLink', {
        url: orderUrl(order.orderNumber, order.locale, orderViewKey(order.orderNumber, now)),
      }),
      '',
      t('signature'),
    ].join('\n'),
  });
}

export type RefundDue =
  | { kind: 'paid_after_cancellation' }
  | { kind: 'shipment_cancelled'; shipment: ShipmentDetails };

/**
 * Money the operators must give back (a card payment for a cancelled order, a paid shipment
 * cancelled by its facility), to ORDERS_EMAIL in the transaction that made it due. Without
 * ORDERS_EMAIL nobody can be told by mail: a warning goes to the log instead.
 */
export async function enqueueRefundDue(
  tx: Database,
  order: OrderDetails,
  due: RefundDue,
  warn: (message: string) => void = console.warn,
): Promise<void> {
  const to = env().ORDERS_EMAIL;
  const what =
    due.kind === 'paid_after_cancellation'
      ? `order ${order.orderNumber} was paid ${order.payment.receivedAmount ?? order.total} VND by ${order.paymentMethod === 'bank_transfer' ? 'bank transfer' : 'card'} after it was cancelled`
      : `shipment ${due.shipment.facilityId} (${due.shipment.total} VND) of paid order ${order.orderNumber} was cancelled`;
  if (!to) {
    warn(`refund due: ${what}; set ORDERS_EMAIL so the operators are told`);
    return;
  }
  const t = mailStrings('vi');
  const body =
    due.kind === 'paid_after_cancellation'
      ? order.paymentMethod === 'bank_transfer'
        ? transferRefundLine(order)
        : t('refundPaidAfterCancellation', { orderNumber: order.orderNumber, amount: formatVnd(order.total) })
      : t('refundShipmentCancelled', {
          facility: due.shipment.facilityName,
          orderNumber: order.orderNumber,
          amount: formatVnd(due.shipment.total),
          reason: due.shipment.cancelReason ?? '',
        });
  await enqueueMessage(tx, {
    kind: 'refund-due',
    ref:
      due.kind === 'paid_after_cancellation'
        ? `${order.orderNumber}/paid-after-cancellation`
        : `${order.orderNumber}/${due.shipment.facilityId}/cancelled`,
    to,
    subject: t('refundSubject', { orderNumber: order.orderNumber }),
    text: [
      body,
      '',
      t('refundBuyer', {
        name: order.buyerName,
        phone: order.buyerPhone,
        email: order.buyerEmail ? `, ${order.buyerEmail}` : '',
      }),
      '',
      t('signature'),
    ].join('\n'),
  });
}
