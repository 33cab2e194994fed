/** What a buyer may see of a stored order: the proof that lets them in, and the public JSON. */
import type { OrderDetails } from './order-store';
import { normaliseMobile } from './phone';

/** True when the phone (any written form) or e-mail is the one the order was placed with. */
export function buyerMatches(
  order: Pick<OrderDetails, 'buyerPhone' | 'buyerEmail'>,
  proof: { phone?: string; email?: string },
): boolean {
  if (proof.phone !== undefined) {
    const phone = normaliseMobile(proof.phone);
    if (phone !== null && phone === order.buyerPhone) return true;
  }
  if (proof.email !== undefined && order.buyerEmail) {
    if (proof.email.trim().toLowerCase() === order.buyerEmail) return true;
  }
  return false;
}

/** The public JSON of an order (GET /api/orders/{orderNumber}): no internal ids, no facility e-mails. */
export function orderStatusJson(o: OrderDetails) {
  return {
    orderNumber: o.orderNumber,
    status: o.status,
    createdAt: o.createdAt.toISOString(),
    currency: 'VND' as const,
    subtotal: o.subtotal,
    shippingTotal: o.shippingTotal,
    total: o.total,
    payment: {
      method: o.paymentMethod,
      status: o.payment.status,
      amount: o.payment.amount,
      paidAt: o.payment.paidAt?.toISOString() ?? null,
    },
    buyer: { name: o.buyerName, province: o.province },
    shipments: o.shipments.map((s) => ({
      facility: { id: s.facilityId, name: s.facilityName },
      status: s.status,
      subtotal: s.subtotal,
      shippingFee: s.shippingFee,
      total: s.total,
      trackingNumber: s.trackingNumber,
      cancelReason: s.cancelReason,
      confirmedAt: s.confirmedAt?.toISOString() ?? null,
      shippedAt: s.shippedAt?.toISOString() ?? null,
      cancelledAt: s.cancelledAt?.toISOString() ?? null,
      items: s.items.map((i) => ({
        sku: i.sku,
        productId: i.productId,
        name: i.productName,
        variant: i.variantName,
        packSize: i.packSize,
        unitPrice: i.unitPrice,
        quantity: i.quantity,
        lineTotal: i.lineTotal,
      })),
    })),
  };
}
