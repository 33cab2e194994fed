import { describe, expect, it } from 'vitest';
import {
  indicativeLine,
  lowestUnitPrice,
  meetsMinimum,
  tierFor,
  unitPriceFor,
} from '~/sourcing/tier-pricing';

const variant = {
  price: 450_000,
  minOrderQuantity: 20,
  wholesaleTiers: [
    { minQuantity: 50, unitPrice: 400_000 },
    { minQuantity: 200, unitPrice: 360_000 },
    { minQuantity: 1000, unitPrice: 330_000 },
  ],
};

describe('tier pricing', () => {
  it('applies the retail price below the first tier and each tier from its exact minimum', () => {
    const cases: [number, number, number | undefined][] = [
      [1, 450_000, undefined],
      [20, 450_000, undefined],
      [49, 450_000, undefined],
      [50, 400_000, 50],
      [51, 400_000, 50],
      [199, 400_000, 50],
      [200, 360_000, 200],
      [999, 360_000, 200],
      [1000, 330_000, 1000],
      [1_000_000, 330_000, 1000],
    ];
    for (const [quantity, unitPrice, tierMin] of cases) {
      expect(unitPriceFor(variant, quantity), `quantity ${quantity}`).toBe(unitPrice);
      expect(tierFor(variant.wholesaleTiers, quantity)?.minQuantity, `quantity ${quantity}`).toBe(tierMin);
      expect(indicativeLine(variant, quantity)).toEqual({
        quantity,
        unitPrice,
        total: unitPrice * quantity,
        tierMinQuantity: tierMin,
      });
    }
  });

  it('keeps VND whole: totals are exact integers, never scaled', () => {
    expect(indicativeLine(variant, 200).total).toBe(72_000_000);
    expect(indicativeLine({ ...variant, wholesaleTiers: [] }, 3).total).toBe(1_350_000);
  });

  it('uses the retail price when there are no tiers', () => {
    expect(unitPriceFor({ ...variant, wholesaleTiers: [] }, 5000)).toBe(450_000);
    expect(lowestUnitPrice({ ...variant, wholesaleTiers: [] })).toBe(450_000);
    expect(lowestUnitPrice(variant)).toBe(330_000);
  });

  it('checks the minimum order quantity at its boundary', () => {
    expect(meetsMinimum(variant, 19)).toBe(false);
    expect(meetsMinimum(variant, 20)).toBe(true);
    expect(meetsMinimum(variant, 21)).toBe(true);
  });

  it('refuses quantities that are not positive whole numbers', () => {
    for (const q of [0, -1, 1.5, Number.NaN]) expect(() => indicativeLine(variant, q)).toThrow(RangeError);
  });
});
