/**
 * The one data model. Used by the content collections (src/content.config.ts), the import
 * and sample CLIs, the API and the tests. Registry (facilities, products, certificates) comes
 * from the operators' lists; listings are commercial data kept apart.
 */
import { z } from 'zod';
import { AVAILABILITIES, FACILITY_TYPES, LEVELS, PRODUCT_GROUPS, REGIONS } from './programme';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as yyyy-mm-dd')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'not a real calendar date',
    },
  );

/** Stable, URL-safe identifier: lower-case ASCII letters, digits and single hyphens. */
export const id = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case ASCII words joined by hyphens');

/** Text in Vietnamese, optionally with an English translation (content falls back to Vietnamese). */
export const localisedText = z.object({ vi: z.string().min(1), en: z.string().min(1).optional() });

const phone = z.string().regex(/^[+0-9 ().-]{8,20}$/, 'not a phone number');

export const facilitySchema = z.object({
  id,
  /** Legal name as on the list, e.g. "Công ty TNHH Gốm Minh Long". */
  name: z.string().min(2).max(200),
  type: z.enum(FACILITY_TYPES),
  address: z.string().max(300).optional(),
  /** Today's province (one of the 34). */
  province: z.string().min(2),
  /** The province as named on the list (may be one of the 63 former provinces). */
  provinceAsListed: z.string().min(2),
  phone: phone.optional(),
  email: z.string().email().optional(),
  website: z.string().url().optional(),
  description: localisedText.optional(),
  /** Paths relative to the JSON file that lists them, e.g. "photos/x.webp" (astro:assets resolves them). */
  photos: z.array(z.string()).default([]),
});

export const productSchema = z.object({
  id,
  name: z.string().min(2).max(200),
  group: z.enum(PRODUCT_GROUPS),
  facilityId: id,
  /** A certified item may be a product set (bộ sản phẩm). */
  isSet: z.boolean().default(false),
  description: localisedText.optional(),
  photos: z.array(z.string()).default([]),
});

export const revocationSchema = z.object({
  date: isoDate,
  reason: z.string().min(3).max(500),
  decision: z.string().max(100).optional(),
});

export const certificateSchema = z
  .object({
    id,
    productId: id,
    facilityId: id,
    /** Number as printed on the certificate, when the list gives one. */
    number: z.string().max(60).optional(),
    /** Recognition decision, the public anchor, e.g. "3116/QĐ-BCT". */
    decision: z.string().max(100).optional(),
    level: z.enum(LEVELS),
    region: z.enum(REGIONS).optional(),
    year: z.number().int().min(2012).max(2100),
    /** Issuing body as named on the day of issue. */
    issuedBy: z.string().min(2).max(200),
    issuedOn: isoDate.optional(),
    validUntil: isoDate,
    score: z.number().min(0).max(100).optional(),
    /** Province as named on the list on the day of issue. */
    provinceAsListed: z.string().min(2),
    revocation: revocationSchema.optional(),
  })
  .refine((c) => c.level !== 'regional' || c.region !== undefined, {
    message: 'a regional certificate needs a region',
    path: ['region'],
  });

export const wholesaleTierSchema = z.object({
  minQuantity: z.number().int().positive(),
  /** VND per unit, whole đồng (zero-decimal currency). */
  unitPrice: z.number().int().positive(),
});

export const variantSchema = z
  .object({
    sku: z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,40}$/, 'SKUs are upper-case letters, digits and hyphens'),
    name: localisedText,
    /** Pack size as sold, e.g. "Chai 500 ml". */
    packSize: z.string().min(1).max(80),
    /** Retail price in VND, whole đồng. */
    price: z.number().int().positive(),
    wholesaleTiers: z.array(wholesaleTierSchema).default([]),
    /** Minimum quantity for a wholesale (quote) order. Retail buyers may buy from 1. */
    minOrderQuantity: z.number().int().positive().default(1),
    availability: z.enum(AVAILABILITIES),
    /** Days to make a made-to-order item. */
    leadTimeDays: z.number().int().positive().max(365).optional(),
    weightGrams: z.number().int().positive(),
    /** Units in stock when the facility tracks stock; absent = not tracked. */
    stock: z.number().int().min(0).optional(),
  })
  .refine((v) => v.availability !== 'made_to_order' || v.leadTimeDays !== undefined, {
    message: 'a made-to-order variant needs leadTimeDays',
    path: ['leadTimeDays'],
  })
  .refine((v) => v.wholesaleTiers.every((t, i, a) => i === 0 || t.minQuantity > a[i - 1]!.minQuantity), {
    message: 'wholesale tiers must be sorted by increasing minQuantity',
    path: ['wholesaleTiers'],
  });

export const listingSchema = z.object({
  /** The certified product this listing sells (one listing per product). */
  id,
  productId: id,
  description: localisedText.optional(),
  photos: z.array(z.string()).default([]),
  variants: z.array(variantSchema).min(1),
});

/** Marks the dataset as generated sample data (the site shows a notice). */
export const datasetSchema = z.object({
  id: z.literal('dataset'),
  sample: z.boolean(),
  generatedBy: z.string().optional(),
  seed: z.number().int().optional(),
  updatedOn: isoDate.optional(),
});

export type Facility = z.infer<typeof facilitySchema>;
export type Product = z.infer<typeof productSchema>;
export type Certificate = z.infer<typeof certificateSchema>;
export type Revocation = z.infer<typeof revocationSchema>;
export type Listing = z.infer<typeof listingSchema>;
export type Variant = z.infer<typeof variantSchema>;
export type WholesaleTier = z.infer<typeof wholesaleTierSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
