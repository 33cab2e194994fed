/** The facility's page for one shipment, reached through its signed link (../orders/order-links.ts). */

import type { ShipmentStatus } from '~/commerce/db-schema';
import { readShipmentToken } from '~/commerce/orders/order-links';
import {
  loadOrder,
  type OrderDetails,
  orderIdOfShipment,
  type ShipmentDetails,
} from '~/commerce/orders/order-store';
import { commerceStrings } from '~/commerce/strings';
import type { Database } from '~/db/client';
import type { Locale } from '~/i18n/locales';
import { applyShipmentAction, shipmentActionSchema } from './shipment-actions';

export type FacilityPageState =
  | { kind: 'invalid' }
  | {
      kind: 'view';
      order: OrderDetails;
      shipment: ShipmentDetails;
      expires: Date;
      done?: Exclude<ShipmentStatus, 'pending'>;
      error?: string;
    }
  | { kind: 'redirect'; location: string };

async function load(db: Database, shipmentId: number) {
  const orderId = await orderIdOfShipment(db, shipmentId);
  const order = orderId === null ? null : await loadOrder(db, { orderId });
  const shipment = order?.shipments.find((s) => s.id === shipmentId);
  return order && shipment ? { order, shipment } : null;
}

export async function facilityPageState(
  db: Database,
  token: string,
  request: Request,
  locale: Locale,
): Promise<FacilityPageState> {
  const check = readShipmentToken(token);
  if (!check.ok) return { kind: 'invalid' };
  const { expires } = check;
  const url = new URL(request.url);
  const t = commerceStrings(locale);
  if (request.method === 'POST') {
    const form = Object.fromEntries(
      [...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]),
    );
    const parsed = shipmentActionSchema.safeParse(form);
    if (!parsed.success) {
      const found = await load(db, check.shipmentId);
      if (!found) return { kind: 'invalid' };
      const field = parsed.error.issues[0]?.path[0];
      return {
        kind: 'view',
        ...found,
        expires,
        error: t(field === 'trackingNumber' ? 'errTracking' : 'errReason'),
      };
    }
    const result = await applyShipmentAction(db, check.shipmentId, parsed.data);
    if (!result.ok) {
      const found = await load(db, check.shipmentId);
      if (!found) return { kind: 'invalid' };
      const error =
        result.code === 'awaiting_payment'
          ? t('awaitingPayment')
          : t('notAllowed', { status: t(`shipment_${result.status ?? 'pending'}`) });
      return { kind: 'view', ...found, expires, error };
    }
    const status = result.order.shipments.find((s) => s.id === check.shipmentId)!.status;
    return { kind: 'redirect', location: `${url.pathname}?done=${status}` };
  }
  const found = await load(db, check.shipmentId);
  if (!found) return { kind: 'invalid' };
  const done = url.searchParams.get('done');
  return {
    kind: 'view',
    ...found,
    expires,
    ...(done === 'confirmed' || done === 'shipped' || done === 'cancelled' ? { done } : {}),
  };
}
