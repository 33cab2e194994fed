/**
 * Copies of a facility's order messages for its portal members who want them (the portal's
 * inbox preferences), queued in the same transaction as the facility's own message. A copy
 * carries no signed link and no buyer details: it points to the order in the facility's inbox,
 * where signing in shows the rest. The facility's registry e-mail keeps getting the signed-link
 * message as before (and no copy on top of it).
 */
import { mailStrings } from '~/commerce/mail-strings';
import type { ShipmentDetails } from '~/commerce/orders/order-store';
import { env } from '~/config/env';
import type { Database } from '~/db/client';
import { formatVnd } from '~/i18n/format';
import { enqueueMessage } from '~/notifications/astro';
import { inboxOrderPath, memberCopyRecipients } from '~/portal';
import { memberMailStrings } from './member-mail-strings';

export type MemberCopy =
  /** A new order: its item lines as the facility's message lists them. */
  | { kind: 'new-order'; lines: readonly string[] }
  /** A bank transfer came in: the facility may ship. */
  | { kind: 'payment-received' };

export async function enqueueMemberCopies(
  tx: Database,
  order: { orderNumber: string },
  shipment: Pick<ShipmentDetails, 'id' | 'facilityId' | 'facilityName' | 'facilityEmail' | 'total'>,
  copy: MemberCopy,
): Promise<void> {
  const recipients = await memberCopyRecipients(tx, shipment.facilityId, 'orders', [shipment.facilityEmail]);
  if (recipients.length === 0) return;
  const t = memberMailStrings('vi');
  const vars = {
    orderNumber: order.orderNumber,
    facility: shipment.facilityName,
    total: formatVnd(shipment.total),
  };
  const url = new URL(inboxOrderPath(shipment.facilityId, shipment.id), env().PUBLIC_SITE_URL).href;
  const text = [
    t(copy.kind === 'new-order' ? 'newOrderIntro' : 'paidIntro', vars),
    ...(copy.kind === 'new-order' ? ['', ...copy.lines] : []),
    '',
    t('inboxAction', { url }),
    '',
    t('why', vars),
    '',
    mailStrings('vi')('signature'),
  ].join('\n');
  for (const to of recipients)
    await enqueueMessage(tx, {
      kind: copy.kind === 'new-order' ? 'member-new-order' : 'member-payment-received',
      ref: `${order.orderNumber}/${shipment.facilityId}`,
      to,
      subject: t(copy.kind === 'new-order' ? 'newOrderSubject' : 'paidSubject', vars),
      text,
    });
}
