/** The listing rules the API and the editor share: refusals are problem codes worded in vi and en. */
import { describe, expect, it } from 'vitest';
import { LISTING_PROBLEMS, listingProblemStrings, parseListing, problemMessages } from '~/listings';
import { bodyA } from './listing-fixture';

const withVariant = (patch: Record<string, unknown>) => {
  const body = bodyA() as unknown as { variants: Record<string, unknown>[] };
  body.variants[0] = { ...body.variants[0], ...patch };
  return body;
};

describe('parseListing', () => {
  it('accepts a good listing and fills the defaults', () => {
    const parsed = parseListing({
      variants: [
        {
          sku: 'ABC-1',
          name: { vi: 'Hộp 200 g' },
          packSize: 'Hộp 200 g',
          price: 90_000,
          availability: 'made_to_order',
          leadTimeDays: 7,
          weightGrams: 250,
        },
      ],
    });
    expect(parsed).toEqual({
      ok: true,
      listing: {
        variants: [
          {
            sku: 'ABC-1',
            name: { vi: 'Hộp 200 g' },
            packSize: 'Hộp 200 g',
            price: 90_000,
            wholesaleTiers: [],
            minOrderQuantity: 1,
            availability: 'made_to_order',
            leadTimeDays: 7,
            weightGrams: 250,
          },
        ],
      },
    });
  });

  it.each([
    [{ price: 0 }, 'variants.0.price', 'price_positive'],
    [{ price: 12.5 }, 'variants.0.price', 'whole_number'],
    [{ price: '125000' }, 'variants.0.price', 'wrong_type'],
    [{ price: undefined }, 'variants.0.price', 'required'],
    [{ sku: 'abc 1' }, 'variants.0.sku', 'sku_shape'],
    [{ stock: -1 }, 'variants.0.stock', 'stock_range'],
    [{ availability: 'sold_out' }, 'variants.0.availability', 'availability'],
    [{ availability: 'made_to_order' }, 'variants.0.leadTimeDays', 'lead_time_needed'],
    [{ photos: [] }, 'variants.0', 'unknown_field'],
    [
      { minOrderQuantity: 30, wholesaleTiers: [{ minQuantity: 24, unitPrice: 100_000 }] },
      'variants.0.wholesaleTiers.0.minQuantity',
      'tier_below_moq',
    ],
    [
      {
        wholesaleTiers: [
          { minQuantity: 24, unitPrice: 100_000 },
          { minQuantity: 24, unitPrice: 90_000 },
        ],
      },
      'variants.0.wholesaleTiers.1.minQuantity',
      'tier_order',
    ],
    [
      { wholesaleTiers: [{ minQuantity: 24, unitPrice: 200_000 }] },
      'variants.0.wholesaleTiers.0.unitPrice',
      'tier_price_above_retail',
    ],
  ])('refuses %j at %s with %s', (patch, field, code) => {
    const parsed = parseListing(withVariant(patch));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[field]).toBe(code);
  });

  it('refuses no variants, repeated SKUs and unknown top-level fields', () => {
    expect(parseListing({ variants: [] })).toEqual({ ok: false, problems: { variants: 'variants_needed' } });
    expect(parseListing({})).toEqual({ ok: false, problems: { variants: 'variants_needed' } });
    const twice = bodyA();
    twice.variants.push({ ...twice.variants[0]! });
    expect(parseListing(twice)).toEqual({ ok: false, problems: { 'variants.1.sku': 'sku_repeated' } });
    expect(parseListing({ ...bodyA(), price: 1 })).toMatchObject({
      ok: false,
      problems: { _: 'unknown_field' },
    });
  });

  it('words every problem in Vietnamese and English', () => {
    for (const code of LISTING_PROBLEMS) {
      expect(listingProblemStrings('vi')(code)).toMatch(/\S/);
      expect(listingProblemStrings('en')(code)).toMatch(/\S/);
      expect(listingProblemStrings('vi')(code)).not.toBe(listingProblemStrings('en')(code));
    }
    expect(problemMessages({ 'variants.0.price': 'price_positive' }, 'vi')).toEqual({
      'variants.0.price': 'Giá phải lớn hơn 0 ₫.',
    });
  });
});
