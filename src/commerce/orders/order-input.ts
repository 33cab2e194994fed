/**
 * What a buyer sends to place an order (POST /api/orders and the checkout form alike).
 * Only SKUs and quantities are taken from the items: prices, names and anything else a client
 * adds are dropped here and recomputed from the listings.
 */
import { z } from 'zod';
import { findProvince } from '~/catalogue';
import { normaliseMobile } from './phone';

/** Most units of one SKU in one retail order. */
export const MAX_LINE_QUANTITY = 1000;
/** Most lines in one order. */
export const MAX_LINES = 50;

export const PAYMENT_METHODS = ['card', 'bank_transfer', 'cod'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Blank optional form fields arrive as "": treat them as absent. */
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

export const mobileSchema = z.string().transform((v, ctx) => {
  const phone = normaliseMobile(v);
  if (phone) return phone;
  ctx.addIssue({
    code: 'custom',
    message: 'not a Vietnamese mobile number (0 or +84, then 3, 5, 7, 8 or 9 and 8 more digits)',
  });
  return z.NEVER;
});

const provinceSchema = z.string().transform((v, ctx) => {
  const match = findProvince(v);
  if (match && !match.isFormer) return match.current.name;
  ctx.addIssue({ code: 'custom', message: 'not one of the 34 current provinces' });
  return z.NEVER;
});

export const orderItemSchema = z.object({
  sku: z.string().trim().min(1).max(60),
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
});

export const orderRequestSchema = z.object({
  items: z.array(orderItemSchema).min(1, 'the order has no items').max(MAX_LINES),
  buyer: z.object({
    name: z.string().trim().min(2).max(120),
    phone: mobileSchema,
    email: optional(z.string().trim().toLowerCase().email().max(200)),
    address: z.string().trim().min(5).max(300),
    province: provinceSchema,
    notes: optional(z.string().trim().max(500)),
  }),
  paymentMethod: z.enum(PAYMENT_METHODS),
  /** Language of the buyer's messages and pages. */
  locale: z.enum(['vi', 'en']).default('vi'),
});

export type OrderRequest = z.infer<typeof orderRequestSchema>;
