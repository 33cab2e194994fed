/**
 * What a facility can do with its shipment through its signed link: confirm it, mark it
 * shipped with a tracking number, or cancel it with a reason (its stock goes back on sale).
 * Repeating the same action is harmless; an action that no longer fits (shipping a cancelled
 * shipment, cancelling a shipped one) is refused with the current status. The facility portal's
 * inbox calls the same function for a signed-in person (`by`): the shipment must then be that
 * facility's, and each change is audited under the person in the same transaction. The signed
 * link has no person behind it and passes no `by`.
 */
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { releaseReservations } from '~/commerce/cart/stock-store';
import { type OrderEventKind, orders, payments, type ShipmentStatus, shipments } from '~/commerce/db-schema';
import { recordOrderEvents } from '~/commerce/orders/order-events-store';
import { enqueueRefundDue, enqueueShipmentUpdate } from '~/commerce/orders/order-messages';
import { loadOrder, type OrderDetails } from '~/commerce/orders/order-store';
import { type Actor, appendAudit } from '~/db/audit-log';
import type { Database } from '~/db/client';

export const shipmentActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('confirm') }),
  z.object({
    action: z.literal('ship'),
    trackingNumber: z
      .string()
      .trim()
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9 ._/-]{2,39}$/,
        'a tracking number is 3–40 letters, digits, spaces or . _ / -',
      ),
  }),
  z.object({ action: z.literal('cancel'), reason: z.string().trim().min(3, 'say briefly why').max(300) }),
]);

export type ShipmentAction = z.infer<typeof shipmentActionSchema>;

export type ActionResult =
  | { ok: true; changed: boolean; order: OrderDetails }
  | { ok: false; code: 'not_found' | 'awaiting_payment' | 'not_allowed'; status?: ShipmentStatus };

const ALLOWED_FROM: Record<ShipmentAction['action'], readonly ShipmentStatus[]> = {
  confirm: ['pending', 'confirmed'],
  ship: ['pending', 'confirmed', 'shipped'],
  cancel: ['pending', 'confirmed', 'cancelled'],
};

const TARGET: Record<ShipmentAction['action'], ShipmentStatus> = {
  confirm: 'confirmed',
  ship: 'shipped',
  cancel: 'cancelled',
};

/** What the order's timeline records (../orders/order-events-store.ts). */
const EVENT: Record<ShipmentAction['action'], OrderEventKind> = {
  confirm: 'shipment_confirmed',
  ship: 'shipment_shipped',
  cancel: 'shipment_cancelled',
};

/** Who acts when it is a signed-in person of the facility portal, not a signed link. */
export interface ShipmentActor {
  /** The facility the person acts for: another facility's shipment is not found. */
  facilityId: string;
  actor: Actor;
}

export async function applyShipmentAction(
  db: Database,
  shipmentId: number,
  action: ShipmentAction,
  now = new Date(),
  by?: ShipmentActor,
): Promise<ActionResult> {
  return db.transaction(async (tx): Promise<ActionResult> => {
    const [shipment] = await tx.select().from(shipments).where(eq(shipments.id, shipmentId)).for('update');
    if (!shipment || (by && shipment.facilityId !== by.facilityId)) return { ok: false, code: 'not_found' };
    const [order] = await tx
      .select({ status: orders.status })
      .from(orders)
      .where(eq(orders.id, shipment.orderId));
    if (order?.status === 'pending_payment')
      return { ok: false, code: 'awaiting_payment', status: shipment.status };
    if (!ALLOWED_FROM[action.action].includes(shipment.status))
      return { ok: false, code: 'not_allowed', status: shipment.status };
    const target = TARGET[action.action];
    const sameTracking = action.action !== 'ship' || shipment.trackingNumber === action.trackingNumber;
    const changed = shipment.status !== target || !sameTracking;
    if (changed) {
      await tx
        .update(shipments)
        .set(
          action.action === 'confirm'
            ? { status: target, confirmedAt: now }
            : action.action === 'ship'
              ? {
                  status: target,
                  trackingNumber: action.trackingNumber,
                  shippedAt: now,
                  confirmedAt: shipment.confirmedAt ?? now,
                }
              : { status: target, cancelReason: action.reason, cancelledAt: now },
        )
        .where(eq(shipments.id, shipmentId));
      await recordOrderEvents(tx, [
        // Shipping an unconfirmed shipment confirms it too (confirmedAt above): say so.
        ...(action.action === 'ship' && shipment.confirmedAt === null
          ? [{ orderId: shipment.orderId, shipmentId, kind: EVENT.confirm, at: now }]
          : []),
        {
          orderId: shipment.orderId,
          shipmentId,
          kind: EVENT[action.action],
          at: now,
          detail:
            'trackingNumber' in action ? action.trackingNumber : 'reason' in action ? action.reason : null,
        },
      ]);
      if (action.action === 'cancel') {
        await releaseReservations(tx, [shipmentId], now);
        // The order is cancelled when none of its shipments is left.
        const open = await tx.$count(
          shipments,
          and(eq(shipments.orderId, shipment.orderId), ne(shipments.status, 'cancelled')),
        );
        if (open === 0) {
          await tx
            .update(orders)
            .set({ status: 'cancelled', updatedAt: now })
            .where(eq(orders.id, shipment.orderId));
          await recordOrderEvents(tx, [
            { orderId: shipment.orderId, kind: 'cancelled', at: now, detail: action.reason },
          ]);
        }
      }
    }
    const details = await loadOrder(tx, { orderId: shipment.orderId });
    if (!details) return { ok: false, code: 'not_found' };
    const updated = details.shipments.find((s) => s.id === shipmentId)!;
    if (changed && by)
      await appendAudit(tx, by.actor, {
        action: `shipment.${action.action}`,
        target: { type: 'shipment', id: String(shipmentId) },
        facilityId: shipment.facilityId,
        before: {
          orderNumber: details.orderNumber,
          status: shipment.status,
          trackingNumber: shipment.trackingNumber,
        },
        after: {
          orderNumber: details.orderNumber,
          status: updated.status,
          trackingNumber: updated.trackingNumber,
          cancelReason: updated.cancelReason,
        },
      });
    if (changed) await enqueueShipmentUpdate(tx, details, updated, now);
    if (changed && action.action === 'cancel') {
      // Goods already paid for (by card) will not come: the operators must refund them.
      const [payment] = await tx
        .select({ status: payments.status })
        .from(payments)
        .where(eq(payments.orderId, shipment.orderId));
      if (payment?.status === 'paid')
        await enqueueRefundDue(tx, details, { kind: 'shipment_cancelled', shipment: updated });
    }
    return { ok: true, changed, order: details };
  });
}
