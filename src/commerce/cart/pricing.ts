/**
 * Prices an order from the listings alone: whatever prices or names a client sends, only
 * SKUs and quantities are read. Lines are grouped into one shipment per facility, each with
 * the configured shipping rule. All amounts are whole đồng (VND has no minor unit).
 */
import type { Catalogue, Variant } from '~/catalogue';

export interface ShippingRule {
  /** Fee per facility shipment. */
  flatFee: number;
  /** Goods total from which a shipment ships free; 0 = never free. */
  freeFrom: number;
}

export interface OrderLineInput {
  sku: string;
  quantity: number;
}

export interface PricedLine {
  sku: string;
  productId: string;
  productName: string;
  variantName: { vi: string; en?: string | undefined };
  packSize: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
  /** Units the database must hold back, when the facility tracks stock for this SKU. */
  tracksStock: boolean;
  leadTimeDays?: number | undefined;
}

export interface PricedShipment {
  facilityId: string;
  facilityName: string;
  facilityEmail?: string | undefined;
  lines: PricedLine[];
  subtotal: number;
  shippingFee: number;
  total: number;
}

export interface PricedOrder {
  shipments: PricedShipment[];
  subtotal: number;
  shippingTotal: number;
  total: number;
}

export type LineProblemCode = 'unknown_sku' | 'not_sold_online' | 'duplicate_sku' | 'not_sellable';

export interface LineProblem {
  index: number;
  sku: string;
  code: LineProblemCode;
}

export type PricingResult = { ok: true; order: PricedOrder } | { ok: false; problems: LineProblem[] };

/** The unit price for a quantity: the best wholesale tier the quantity reaches, else retail. */
export function unitPriceFor(variant: Pick<Variant, 'price' | 'wholesaleTiers'>, quantity: number): number {
  let price = variant.price;
  for (const tier of variant.wholesaleTiers)
    if (quantity >= tier.minQuantity) price = Math.min(price, tier.unitPrice);
  return price;
}

export function shippingFee(subtotal: number, rule: ShippingRule): number {
  return rule.freeFrom > 0 && subtotal >= rule.freeFrom ? 0 : rule.flatFee;
}

/**
 * `sellable` says whether a product may be sold now (the catalogue's isSellable with the live
 * revocations, passed in so this module stays free of runtime imports for the browser).
 */
export function priceOrder(
  catalogue: Catalogue,
  items: readonly OrderLineInput[],
  rule: ShippingRule,
  sellable: (productId: string) => boolean = () => true,
): PricingResult {
  const problems: LineProblem[] = [];
  const seen = new Set<string>();
  const byFacility = new Map<string, PricedShipment>();
  for (const [index, item] of items.entries()) {
    if (seen.has(item.sku)) {
      problems.push({ index, sku: item.sku, code: 'duplicate_sku' });
      continue;
    }
    seen.add(item.sku);
    const found = catalogue.variantBySku.get(item.sku);
    if (!found) {
      problems.push({ index, sku: item.sku, code: 'unknown_sku' });
      continue;
    }
    const { variant, product } = found;
    if (variant.availability === 'not_sold_online') {
      problems.push({ index, sku: item.sku, code: 'not_sold_online' });
      continue;
    }
    if (!sellable(product.id)) {
      problems.push({ index, sku: item.sku, code: 'not_sellable' });
      continue;
    }
    const facility = catalogue.facilityById.get(product.facilityId);
    if (!facility) {
      problems.push({ index, sku: item.sku, code: 'unknown_sku' });
      continue;
    }
    let shipment = byFacility.get(facility.id);
    if (!shipment) {
      shipment = {
        facilityId: facility.id,
        facilityName: facility.name,
        facilityEmail: facility.email,
        lines: [],
        subtotal: 0,
        shippingFee: 0,
        total: 0,
      };
      byFacility.set(facility.id, shipment);
    }
    const unitPrice = unitPriceFor(variant, item.quantity);
    shipment.lines.push({
      sku: variant.sku,
      productId: product.id,
      productName: product.name,
      variantName: variant.name,
      packSize: variant.packSize,
      quantity: item.quantity,
      unitPrice,
      lineTotal: unitPrice * item.quantity,
      tracksStock: variant.stock !== undefined,
      leadTimeDays: variant.availability === 'made_to_order' ? variant.leadTimeDays : undefined,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const shipments = [...byFacility.values()];
  for (const s of shipments) {
    s.subtotal = s.lines.reduce((sum, l) => sum + l.lineTotal, 0);
    s.shippingFee = shippingFee(s.subtotal, rule);
    s.total = s.subtotal + s.shippingFee;
  }
  const subtotal = shipments.reduce((sum, s) => sum + s.subtotal, 0);
  const shippingTotal = shipments.reduce((sum, s) => sum + s.shippingFee, 0);
  return { ok: true, order: { shipments, subtotal, shippingTotal, total: subtotal + shippingTotal } };
}
