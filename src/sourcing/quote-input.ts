/**
 * The body of POST /api/quotes (docs/http-api.md): `{ items: [{ sku, quantity }], company: { name,
 * taxCode, contactName, phone, email, province }, targetDate?, message? }`, plus an optional
 * `locale` for the buyer's e-mails and the honeypot field `homepage` that people never see.
 * Shape and format only; SKUs and minimum quantities are checked against the catalogue by
 * planQuote.
 */
import { z } from 'zod';
import { findProvince, isoDate } from '~/catalogue';
import { LOCALES } from '~/i18n/locales';
import { MAX_BASKET_LINES, MAX_QUANTITY } from './basket-items';
import { checkTaxCode } from './tax-code';

export const HONEYPOT_FIELD = 'homepage';

/** Format only; whether the SKU exists is checked against the catalogue. */
const skuSchema = z.string().trim().min(1, 'required').max(60, 'too long');
const quantitySchema = z.number().int('a whole number').min(1, 'at least 1').max(MAX_QUANTITY, 'too large');

const TAX_CODE_MESSAGES = {
  format:
    'a tax code has 10 digits, 13 digits for a branch (0100109106-001) or 12 digits for a personal identification number',
  check_digit: 'the check digit does not match: this is not a valid tax code',
  branch_number: 'the branch number must be 001 to 999',
} as const;

const taxCode = z.string().transform((value, ctx) => {
  const check = checkTaxCode(value);
  if (check.ok) return check.normalized;
  ctx.addIssue({ code: z.ZodIssueCode.custom, message: TAX_CODE_MESSAGES[check.reason] });
  return z.NEVER;
});

/** One of the 34 current provinces, any spelling; stored under its official name. */
const province = z.string().transform((value, ctx) => {
  const match = findProvince(value);
  if (match && !match.isFormer) return match.current.name;
  ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'not one of the 34 provinces and cities' });
  return z.NEVER;
});

const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ().-]{8,20}$/, 'not a phone number')
  .refine((p) => p.replace(/\D/g, '').length >= 9, 'a phone number has at least 9 digits');

export function quoteRequestSchema(today: string) {
  return z.object({
    items: z
      .array(z.object({ sku: skuSchema, quantity: quantitySchema }))
      .min(1, 'add at least one product')
      .max(MAX_BASKET_LINES, `at most ${MAX_BASKET_LINES} products per request`)
      .superRefine((items, ctx) => {
        const seen = new Set<string>();
        items.forEach((item, i) => {
          if (seen.has(item.sku))
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              path: [i, 'sku'],
              message: 'this SKU is listed twice',
            });
          seen.add(item.sku);
        });
      }),
    company: z.object({
      name: z.string().trim().min(2, 'at least 2 characters').max(200),
      taxCode,
      contactName: z.string().trim().min(2, 'at least 2 characters').max(120),
      phone,
      email: z.string().trim().toLowerCase().email('not an e-mail address').max(200),
      province,
    }),
    targetDate: isoDate.refine((d) => d >= today, 'the target date is in the past').optional(),
    message: z.string().trim().max(2000, 'at most 2000 characters').optional(),
    locale: z.enum(LOCALES).optional(),
    [HONEYPOT_FIELD]: z.string().max(500).optional(),
  });
}

export type QuoteRequestInput = z.infer<ReturnType<typeof quoteRequestSchema>>;
