/**
 * The facility's page for one shipment: reached through its signed link (../orders/order-links.ts,
 * facilityPageState) or, for a signed-in member, through the facility portal's inbox
 * (shipmentPageState with the facility and the person). Both run the same form handling and
 * the same actions (./shipment-actions.ts); the link's token only says which shipment.
 */

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
import { applyShipmentAction, type ShipmentActor, shipmentActionSchema } from './shipment-actions';

export type ShipmentPageState =
  | { kind: 'invalid' }
  | {
      kind: 'view';
      order: OrderDetails;
      shipment: ShipmentDetails;
      done?: Exclude<ShipmentStatus, 'pending'>;
      error?: string;
    }
  | { kind: 'redirect'; location: string };

export type FacilityPageState =
  | Exclude<ShipmentPageState, { kind: 'view' }>
  | (Extract<ShipmentPageState, { kind: 'view' }> & { expires: Date });

/** Which shipment, and (in the portal) for which facility and person. */
export interface ShipmentIdentity {
  shipmentId: number;
  /** A signed-in person acting for a facility; absent for the signed link. */
  by?: ShipmentActor;
}

async function load(db: Database, who: ShipmentIdentity) {
  const orderId = await orderIdOfShipment(db, who.shipmentId);
  const order = orderId === null ? null : await loadOrder(db, { orderId });
  const shipment = order?.shipments.find((s) => s.id === who.shipmentId);
  // Another facility's shipment is not there at all, whether it exists or not.
  if (!order || !shipment || (who.by && shipment.facilityId !== who.by.facilityId)) return null;
  return { order, shipment };
}

/** GET shows the shipment; POST applies the form's action, then redirects (keeping the query). */
export async function shipmentPageState(
  db: Database,
  who: ShipmentIdentity,
  request: Request,
  locale: Locale,
): Promise<ShipmentPageState> {
  const url = new URL(request.url);
  const t = commerceStrings(locale);
  if (request.method === 'POST') {
    const found = await load(db, who);
    if (!found) return { kind: 'invalid' };
    const form = Object.fromEntries(
      [...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]),
    );
    const parsed = shipmentActionSchema.safeParse(form);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0];
      return { kind: 'view', ...found, error: t(field === 'trackingNumber' ? 'errTracking' : 'errReason') };
    }
    const result = await applyShipmentAction(db, who.shipmentId, parsed.data, new Date(), who.by);
    if (!result.ok) {
      const current = await load(db, who);
      if (!current) return { kind: 'invalid' };
      const error =
        result.code === 'awaiting_payment'
          ? t('awaitingPayment')
          : t('notAllowed', { status: t(`shipment_${result.status ?? 'pending'}`) });
      return { kind: 'view', ...current, error };
    }
    const status = result.order.shipments.find((s) => s.id === who.shipmentId)!.status;
    const back = new URLSearchParams(url.search);
    back.set('done', status);
    return { kind: 'redirect', location: `${url.pathname}?${back}` };
  }
  const found = await load(db, who);
  if (!found) return { kind: 'invalid' };
  const done = url.searchParams.get('done');
  return {
    kind: 'view',
    ...found,
    ...(done === 'confirmed' || done === 'shipped' || done === 'cancelled' ? { done } : {}),
  };
}

/** The signed link's page: the token names the shipment and when the link expires. */
export async function facilityPageState(
  db: Database,
  token: string,
  request: Request,
  locale: Locale,
): Promise<FacilityPageState> {
  const check = readShipmentToken(token);
  if (!check.ok) return { kind: 'invalid' };
  const state = await shipmentPageState(db, { shipmentId: check.shipmentId }, request, locale);
  return state.kind === 'view' ? { ...state, expires: check.expires } : state;
}
