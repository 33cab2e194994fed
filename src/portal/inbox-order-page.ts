/**
 * /facility/inbox/orders/{shipmentId}/: one of the facility's shipments, shown and acted on
 * (confirm, ship with tracking, cancel with a reason) by the very code of the signed link's
 * page (commerce's shipmentPageState and applyShipmentAction), here for the signed-in person:
 * the shipment must be the context's facility's (else 404, nothing read or changed), and each
 * change is audited under the person.
 */
import { actorOf } from '~/accounts/astro';
import type { Catalogue } from '~/catalogue';
import { type ShipmentPageState, shipmentPageState } from '~/commerce/astro';
import type { Database } from '~/db/client';
import type { Locale } from '~/i18n/locales';
import { type PortalContext, type PortalPrincipal, portalContext, portalStatus } from './portal-page';

export type InboxOrderOutcome =
  | {
      kind: 'page';
      context: PortalContext;
      status: number;
      /** Null when the context has no facility, or the facility has no such shipment. */
      state: Extract<ShipmentPageState, { kind: 'view' }> | null;
    }
  | { kind: 'redirect'; location: string };

/** A database id as the address spells it: digits, no sign, no leading zero. */
export function readRowId(text: string | undefined): number | null {
  if (!text || !/^[1-9]\d{0,15}$/.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : null;
}

export async function inboxOrderPageState(
  db: Database,
  request: Request,
  locale: Locale,
  principal: PortalPrincipal,
  catalogue: Catalogue,
  shipmentParam: string | undefined,
): Promise<InboxOrderOutcome> {
  const context = portalContext(principal, new URL(request.url), catalogue);
  if (context.kind !== 'facility')
    return { kind: 'page', context, status: portalStatus(context), state: null };
  const shipmentId = readRowId(shipmentParam);
  if (shipmentId === null) return { kind: 'page', context, status: 404, state: null };
  const state = await shipmentPageState(
    db,
    { shipmentId, by: { facilityId: context.facility.id, actor: actorOf(principal) } },
    request,
    locale,
  );
  if (state.kind === 'redirect') return state;
  if (state.kind === 'invalid') return { kind: 'page', context, status: 404, state: null };
  return { kind: 'page', context, status: state.error ? 409 : 200, state };
}
