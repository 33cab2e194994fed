/**
 * What a facility may save as a product's listing (PUT /api/facility/listings/{id}, the portal's
 * editor): the listing files' variant fields with the limits a shop needs. Every refusal is a
 * problem code (listing-strings.ts words it in Vietnamese and English), so the API and the
 * editor say the same thing. Pure: no framework or database imports.
 */
import { z } from 'zod';
import { AVAILABILITIES } from '~/catalogue';

export const MAX_VARIANTS = 20;
export const MAX_TIERS = 10;
export const MAX_PRICE = 1_000_000_000;
export const MAX_STOCK = 1_000_000;
export const MAX_QUANTITY = 100_000;
export const MAX_WEIGHT_GRAMS = 1_000_000;
export const MAX_DESCRIPTION = 5_000;
export const SKU_SHAPE = /^[A-Z0-9][A-Z0-9-]{2,40}$/;

export const LISTING_PROBLEMS = [
  'required',
  'wrong_type',
  'too_long',
  'sku_shape',
  'sku_repeated',
  'sku_taken',
  'price_positive',
  'price_too_high',
  'whole_number',
  'quantity_positive',
  'quantity_too_high',
  'tier_below_moq',
  'tier_order',
  'tier_price_above_retail',
  'too_many_tiers',
  'availability',
  'lead_time_needed',
  'lead_time_range',
  'weight_range',
  'stock_range',
  'variants_needed',
  'too_many_variants',
  'unknown_field',
] as const;
export type ListingProblem = (typeof LISTING_PROBLEMS)[number];

const text = (max: number) =>
  z
    .string({ required_error: 'required', invalid_type_error: 'wrong_type' })
    .trim()
    .min(1, 'required')
    .max(max, 'too_long');
const int = (min: number, max: number, small: ListingProblem, big: ListingProblem) =>
  z
    .number({ required_error: 'required', invalid_type_error: 'wrong_type' })
    .int('whole_number')
    .min(min, small)
    .max(max, big);

const localised = (max: number) =>
  z
    .object(
      { vi: text(max), en: text(max).optional() },
      { required_error: 'required', invalid_type_error: 'wrong_type' },
    )
    .strict('unknown_field');

export const tierInput = z
  .object({
    minQuantity: int(1, MAX_QUANTITY, 'quantity_positive', 'quantity_too_high'),
    unitPrice: int(1, MAX_PRICE, 'price_positive', 'price_too_high'),
  })
  .strict('unknown_field');

export const variantInput = z
  .object({
    sku: z
      .string({ required_error: 'required', invalid_type_error: 'wrong_type' })
      .regex(SKU_SHAPE, 'sku_shape'),
    name: localised(160),
    packSize: text(80),
    price: int(1, MAX_PRICE, 'price_positive', 'price_too_high'),
    wholesaleTiers: z
      .array(tierInput, { required_error: 'required', invalid_type_error: 'wrong_type' })
      .max(MAX_TIERS, 'too_many_tiers')
      .default([]),
    minOrderQuantity: int(1, MAX_QUANTITY, 'quantity_positive', 'quantity_too_high').default(1),
    availability: z.enum(AVAILABILITIES, { errorMap: () => ({ message: 'availability' }) }),
    leadTimeDays: int(1, 365, 'lead_time_range', 'lead_time_range').optional(),
    weightGrams: int(1, MAX_WEIGHT_GRAMS, 'weight_range', 'weight_range'),
    /** Units available to sell now; absent: stock is not tracked. */
    stock: int(0, MAX_STOCK, 'stock_range', 'stock_range').optional(),
  })
  .strict('unknown_field')
  .superRefine((v, ctx) => {
    if (v.availability === 'made_to_order' && v.leadTimeDays === undefined)
      ctx.addIssue({ code: 'custom', message: 'lead_time_needed', path: ['leadTimeDays'] });
    v.wholesaleTiers.forEach((tier, i) => {
      const at = (field: string) => ['wholesaleTiers', i, field];
      if (tier.minQuantity < v.minOrderQuantity)
        ctx.addIssue({ code: 'custom', message: 'tier_below_moq', path: at('minQuantity') });
      else if (i > 0 && tier.minQuantity <= v.wholesaleTiers[i - 1]!.minQuantity)
        ctx.addIssue({ code: 'custom', message: 'tier_order', path: at('minQuantity') });
      // Against a retail price that is itself refused, this would only repeat that problem.
      if (v.price > 0 && tier.unitPrice > v.price)
        ctx.addIssue({ code: 'custom', message: 'tier_price_above_retail', path: at('unitPrice') });
    });
  });

export const listingInput = z
  .object({
    description: localised(MAX_DESCRIPTION).optional(),
    variants: z
      .array(variantInput, { required_error: 'variants_needed', invalid_type_error: 'wrong_type' })
      .min(1, 'variants_needed')
      .max(MAX_VARIANTS, 'too_many_variants'),
  })
  .strict('unknown_field')
  .superRefine((l, ctx) => {
    const seen = new Set<string>();
    l.variants.forEach((v, i) => {
      if (seen.has(v.sku))
        ctx.addIssue({ code: 'custom', message: 'sku_repeated', path: ['variants', i, 'sku'] });
      seen.add(v.sku);
    });
  });

/** A listing as saved (and as the listing files hold it, photos apart). */
export type ListingBody = z.output<typeof listingInput>;
export type VariantBody = ListingBody['variants'][number];

/** Field path ("variants.0.price") → problem code; the first problem per field. */
export type ListingProblems = Record<string, ListingProblem>;

const isProblem = (message: string): message is ListingProblem =>
  (LISTING_PROBLEMS as readonly string[]).includes(message);

export type ListingParse = { ok: true; listing: ListingBody } | { ok: false; problems: ListingProblems };

export function parseListing(raw: unknown): ListingParse {
  const parsed = listingInput.safeParse(raw);
  if (parsed.success) return { ok: true, listing: parsed.data };
  const problems: ListingProblems = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.') || '_';
    const code: ListingProblem = isProblem(issue.message)
      ? issue.message
      : issue.code === 'unrecognized_keys'
        ? 'unknown_field'
        : issue.code === 'invalid_type' && issue.received === 'undefined'
          ? 'required'
          : 'wrong_type';
    problems[key] ??= code;
  }
  return { ok: false, problems };
}
