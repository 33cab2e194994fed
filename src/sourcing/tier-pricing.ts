/**
 * Indicative wholesale prices for a quote: the tier with the largest minimum quantity that the
 * ordered quantity reaches applies; below the first tier the retail price applies. Amounts are
 * whole đồng (VND has no minor unit: never scaled). The facility's answer sets the real price.
 */
import type { WholesaleTier } from '~/catalogue';

export interface PricedVariant {
  price: number;
  wholesaleTiers: readonly WholesaleTier[];
  minOrderQuantity: number;
}

/** The tier that applies to `quantity`, or undefined when the quantity is below every tier. */
export function tierFor(tiers: readonly WholesaleTier[], quantity: number): WholesaleTier | undefined {
  let applied: WholesaleTier | undefined;
  for (const tier of tiers) {
    if (quantity >= tier.minQuantity) applied = tier;
  }
  return applied;
}

/** Unit price in VND for `quantity` units: the reached tier's price, else the retail price. */
export function unitPriceFor(variant: PricedVariant, quantity: number): number {
  return tierFor(variant.wholesaleTiers, quantity)?.unitPrice ?? variant.price;
}

export interface IndicativeLine {
  quantity: number;
  unitPrice: number;
  total: number;
  /** The minimum quantity of the applied tier; undefined when the retail price applies. */
  tierMinQuantity: number | undefined;
}

export function indicativeLine(variant: PricedVariant, quantity: number): IndicativeLine {
  if (!Number.isInteger(quantity) || quantity < 1)
    throw new RangeError(`quantity must be a positive integer, got ${quantity}`);
  const tier = tierFor(variant.wholesaleTiers, quantity);
  const unitPrice = tier?.unitPrice ?? variant.price;
  return { quantity, unitPrice, total: unitPrice * quantity, tierMinQuantity: tier?.minQuantity };
}

/** True when the quantity reaches the variant's minimum order quantity for a quote. */
export function meetsMinimum(variant: Pick<PricedVariant, 'minOrderQuantity'>, quantity: number): boolean {
  return quantity >= variant.minOrderQuantity;
}

/** The lowest unit price a buyer can reach (the last tier, or the retail price without tiers). */
export function lowestUnitPrice(variant: PricedVariant): number {
  return variant.wholesaleTiers.reduce((min, t) => Math.min(min, t.unitPrice), variant.price);
}
