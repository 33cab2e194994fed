/**
 * The listing editor's form: what a post becomes (the PUT body's shape, then parseListing),
 * prices typed the Vietnamese way, the spare tier rows, adding and removing variants, the
 * "not sold online" switch and the SKUs made for new variants.
 */
import { describe, expect, it } from 'vitest';
import { parseListing, SKU_SHAPE } from '~/listings';
import {
  draftOf,
  listingFromForm,
  makeSku,
  parseWholeNumber,
  readListingForm,
  stockShown,
  valuesOf,
  withNewVariant,
  withoutVariant,
} from '~/portal/listing-form';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

const variant = (i: number, extra: Record<string, string> = {}) => ({
  [`variants.${i}.sku`]: `CHE-A-${i + 1}`,
  [`variants.${i}.name.vi`]: `Chè A – loại ${i + 1}`,
  [`variants.${i}.name.en`]: '',
  [`variants.${i}.packSize`]: 'Hộp 200 g',
  [`variants.${i}.price`]: '125.000',
  [`variants.${i}.minOrderQuantity`]: '10',
  [`variants.${i}.stock`]: '',
  [`variants.${i}.availability`]: 'in_stock',
  [`variants.${i}.leadTimeDays`]: '',
  [`variants.${i}.weightGrams`]: '250',
  [`variants.${i}.wholesaleTiers.0.minQuantity`]: '',
  [`variants.${i}.wholesaleTiers.0.unitPrice`]: '',
  ...extra,
});

describe('parseWholeNumber', () => {
  it('reads đồng typed with or without thousands separators', () => {
    expect(parseWholeNumber('125.000')).toBe(125000);
    expect(parseWholeNumber('125000')).toBe(125000);
    expect(parseWholeNumber('1.250.000 ₫')).toBe(1250000);
    expect(parseWholeNumber('125 000')).toBe(125000);
    expect(parseWholeNumber('125,000')).toBe(125000);
    expect(parseWholeNumber(' 90000đ ')).toBe(90000);
  });

  it('keeps fractions, negatives and words for the listing rules to refuse', () => {
    expect(parseWholeNumber('12,5')).toBe(12.5);
    expect(parseWholeNumber('-3')).toBe(-3);
    expect(parseWholeNumber('mười')).toBe('mười');
    expect(parseWholeNumber('1.2.3')).toBe('1.2.3');
    expect(parseWholeNumber('   ')).toBeUndefined();
  });
});

describe('listingFromForm', () => {
  it('turns the form into the PUT body, "125.000" into 125000, and parseListing accepts it', () => {
    const body = listingFromForm(
      form({
        revision: '3',
        'description.vi': '  Chè búp Shan tuyết  ',
        'description.en': '',
        ...variant(0, {
          'variants.0.name.en': 'Tea A – box',
          'variants.0.stock': '1.500',
          'variants.0.wholesaleTiers.0.minQuantity': '20',
          'variants.0.wholesaleTiers.0.unitPrice': '110000',
        }),
      }),
    );
    expect(body).toEqual({
      description: { vi: 'Chè búp Shan tuyết' },
      variants: [
        {
          sku: 'CHE-A-1',
          name: { vi: 'Chè A – loại 1', en: 'Tea A – box' },
          packSize: 'Hộp 200 g',
          price: 125000,
          wholesaleTiers: [{ minQuantity: 20, unitPrice: 110000 }],
          minOrderQuantity: 10,
          availability: 'in_stock',
          weightGrams: 250,
          stock: 1500,
        },
      ],
    });
    expect(parseListing(body).ok).toBe(true);
  });

  it('ignores empty tier rows, keeps half-filled ones (so they are refused), and packs them in order', () => {
    const body = listingFromForm(
      form({
        ...variant(0, {
          'variants.0.wholesaleTiers.0.minQuantity': '',
          'variants.0.wholesaleTiers.0.unitPrice': '',
          'variants.0.wholesaleTiers.1.minQuantity': '50',
          'variants.0.wholesaleTiers.1.unitPrice': '100.000',
          'variants.0.wholesaleTiers.2.minQuantity': ' ',
          'variants.0.wholesaleTiers.2.unitPrice': '',
          'variants.0.wholesaleTiers.3.minQuantity': '100',
          'variants.0.wholesaleTiers.3.unitPrice': '',
        }),
      }),
    ) as { variants: { wholesaleTiers: unknown[] }[] };
    expect(body.variants[0]!.wholesaleTiers).toEqual([
      { minQuantity: 50, unitPrice: 100000 },
      { minQuantity: 100 },
    ]);
    const parsed = parseListing(body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toEqual({ 'variants.0.wholesaleTiers.1.unitPrice': 'required' });
  });

  it('leaves out blank optional fields (stock not tracked, no lead time, MOQ default 1)', () => {
    const body = listingFromForm(form(variant(0, { 'variants.0.minOrderQuantity': '' }))) as {
      description?: unknown;
      variants: Record<string, unknown>[];
    };
    expect(body.description).toBeUndefined();
    expect(body.variants[0]).not.toHaveProperty('stock');
    expect(body.variants[0]).not.toHaveProperty('leadTimeDays');
    expect(body.variants[0]).not.toHaveProperty('minOrderQuantity');
    const parsed = parseListing(body);
    expect(parsed.ok && parsed.listing.variants[0]!.minOrderQuantity).toBe(1);
  });

  it('refuses a price of 0 and a tier below the MOQ by the listing rules', () => {
    const parsed = parseListing(
      listingFromForm(
        form(
          variant(0, {
            'variants.0.price': '0',
            'variants.0.wholesaleTiers.0.minQuantity': '5',
            'variants.0.wholesaleTiers.0.unitPrice': '1',
          }),
        ),
      ),
    );
    expect(parsed).toEqual({
      ok: false,
      problems: {
        'variants.0.price': 'price_positive',
        'variants.0.wholesaleTiers.0.minQuantity': 'tier_below_moq',
      },
    });
  });

  it('"not sold online" for the whole listing makes every variant not_sold_online', () => {
    const body = listingFromForm(
      form({
        notSoldOnline: '1',
        ...variant(0),
        ...variant(1, { 'variants.1.availability': 'made_to_order', 'variants.1.leadTimeDays': '7' }),
      }),
    ) as { variants: { availability: string }[] };
    expect(body.variants.map((v) => v.availability)).toEqual(['not_sold_online', 'not_sold_online']);
  });

  it('keeps variants in the order of their numbers, even with gaps', () => {
    const body = listingFromForm(form({ ...variant(4), ...variant(1) })) as { variants: { sku: string }[] };
    expect(body.variants.map((v) => v.sku)).toEqual(['CHE-A-2', 'CHE-A-5']);
  });
});

describe('readListingForm', () => {
  it('reads the action, the revision and the stock the form showed per SKU', () => {
    const post = readListingForm(
      form({
        action: 'remove_variant:1',
        revision: '7',
        'stockSeen.CHE-A-1': '10',
        'stockSeen.not a sku': '3',
        'stockSeen.CHE-A-2': 'many',
        ...variant(0),
      }),
    );
    expect(post.action).toEqual({ kind: 'remove_variant', index: 1 });
    expect(post.revision).toBe(7);
    expect(post.stockSeen).toEqual({ 'CHE-A-1': 10 });
    expect(readListingForm(form({ action: 'add_variant' })).action).toEqual({ kind: 'add_variant' });
    expect(readListingForm(form({})).action).toEqual({ kind: 'save' });
    expect(readListingForm(form({ action: 'drop_table' })).action).toEqual({ kind: 'unknown' });
    expect(readListingForm(form({ revision: 'x' })).revision).toBeUndefined();
  });
});

describe('adding and removing variants', () => {
  const values = readListingForm(form({ ...variant(0), ...variant(1) })).values;

  it('adds a variant with a new SKU after the others, and removes the one asked for', () => {
    const added = withNewVariant(values, 'che-a');
    expect(added.variants).toHaveLength(3);
    expect(added.variants[2]).toMatchObject({
      sku: 'CHE-A-3',
      isNew: true,
      availability: 'in_stock',
      price: '',
    });
    const removed = withoutVariant(added, 0);
    expect(removed.variants.map((v) => v.sku)).toEqual(['CHE-A-2', 'CHE-A-3']);
    // What the form posts after a removal reads back the same.
    expect(draftOf(removed)).toMatchObject({ variants: [{ sku: 'CHE-A-2' }, { sku: 'CHE-A-3' }] });
  });

  it('stops at the most variants a listing may have', () => {
    let many = values;
    for (let i = 0; i < 30; i++) many = withNewVariant(many, 'che-a');
    expect(many.variants).toHaveLength(20);
    expect(new Set(many.variants.map((v) => v.sku)).size).toBe(20);
  });
});

describe('makeSku', () => {
  it('follows the product’s SKUs, skipping numbers in use here or taken elsewhere', () => {
    expect(makeSku('bach-tra', ['BTSTB-000J-1', 'BTSTB-000J-2'])).toBe('BTSTB-000J-3');
    expect(makeSku('bach-tra', ['BTSTB-000J-1', 'BTSTB-000J-3'])).toBe('BTSTB-000J-2');
    expect(makeSku('bach-tra', ['BTSTB-000J-1'], (sku) => sku === 'BTSTB-000J-2')).toBe('BTSTB-000J-3');
  });

  it('makes one from the product id when the product has none, always in the SKU shape', () => {
    const made = makeSku('bach-tra-shan-tuyet-bat-xat', []);
    expect(made).toMatch(SKU_SHAPE);
    expect(made).toMatch(/^BTSTBX-[A-Z0-9]{4}-1$/);
    // Same initials, different products: different SKUs.
    expect(makeSku('bach-tra-shan-tuyet-bat-xat', [])).not.toBe(makeSku('banh-trang-so-tay-ba-xuyen', []));
    const long = makeSku(`${'rat-dai-'.repeat(20)}x`, []);
    expect(long).toMatch(SKU_SHAPE);
    expect(makeSku('đặc-sản', [])).toMatch(SKU_SHAPE);
  });
});

describe('valuesOf', () => {
  it('shows a saved listing, with units left now in place of the figure last saved', () => {
    const values = valuesOf(
      {
        variants: [
          {
            sku: 'CHE-A-1',
            name: { vi: 'Hộp' },
            packSize: 'Hộp 200 g',
            price: 125000,
            wholesaleTiers: [{ minQuantity: 20, unitPrice: 110000 }],
            minOrderQuantity: 10,
            availability: 'not_sold_online',
            weightGrams: 250,
            stock: 10,
          },
        ],
      },
      new Map([['CHE-A-1', 7]]),
    );
    expect(values.notSoldOnline).toBe(true);
    expect(values.variants[0]).toMatchObject({ price: '125000', stock: '7', tiers: [{ minQuantity: '20' }] });
    expect(stockShown(values)).toEqual({ 'CHE-A-1': 7 });
    expect(valuesOf(null).variants).toEqual([]);
  });
});
