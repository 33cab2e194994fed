/**
 * The facility's answer form (a plain HTML POST, no JavaScript): per item `price-{id}`,
 * `quantity-{id}` and `lead-{id}`, a `message`, an optional `validUntil` (the last day the
 * prices stand: from today to a year ahead), and `action` = "answer" or "decline". An item
 * left entirely blank is not offered; a half-filled one is an error; an answer must offer at
 * least one item (else the error is on `form`).
 */
import { todayInVietnam } from '~/i18n/today';
import type { FacilityAnswer, OfferedItem } from './quote-service';
import type { SourcingStringKey } from './strings';

export const MAX_MESSAGE = 2000;
/** A quote standing longer than a year is not a price anyone can hold. */
export const MAX_VALID_DAYS = 366;

export type AnswerFormResult =
  | { ok: true; answer: FacilityAnswer }
  | {
      ok: false /** Field name → message key. */;
      errors: Record<string, SourcingStringKey>;
      values: Record<string, string>;
    };

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v.trim() : '';
};

/** Whole numbers as people type them: "120.000", "120 000" and "120,000" are 120000. */
function wholeNumber(text: string, min: number): number | undefined {
  const digits = text.replace(/[.,\s]/g, '');
  if (!/^\d{1,12}$/.test(digits)) return undefined;
  const n = Number(digits);
  return n >= min && Number.isSafeInteger(n) ? n : undefined;
}

/** A real day written yyyy-mm-dd (what a date input sends), from `today` to MAX_VALID_DAYS after it. */
function validDay(text: string, today: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (new Date(day).toISOString().slice(0, 10) !== text) return false;
  const from = Date.parse(`${today}T00:00:00Z`);
  return day >= from && day <= from + MAX_VALID_DAYS * 86_400_000;
}

/** `today`: the Vietnam day the answer is given on (yyyy-mm-dd), the first day it may stand until. */
export function parseAnswerForm(
  form: FormData,
  itemIds: readonly number[],
  today?: string,
): AnswerFormResult {
  const values: Record<string, string> = {};
  const errors: Record<string, SourcingStringKey> = {};
  const message = field(form, 'message').slice(0, MAX_MESSAGE) || undefined;
  values.message = message ?? '';
  if (field(form, 'action') === 'decline') return { ok: true, answer: { kind: 'decline', message } };
  const validUntil = field(form, 'validUntil').slice(0, 20);
  values.validUntil = validUntil;
  if (validUntil && !validDay(validUntil, today ?? todayInVietnam())) errors.validUntil = 'errorValidUntil';

  const items = new Map<number, OfferedItem>();
  for (const id of itemIds) {
    const names = { price: `price-${id}`, quantity: `quantity-${id}`, lead: `lead-${id}` };
    const raw = {
      price: field(form, names.price),
      quantity: field(form, names.quantity),
      lead: field(form, names.lead),
    };
    for (const [k, name] of Object.entries(names)) values[name] = raw[k as keyof typeof raw];
    if (!raw.price && !raw.quantity && !raw.lead) continue;
    const unitPrice = wholeNumber(raw.price, 1);
    const quantity = wholeNumber(raw.quantity, 1);
    const leadTimeDays = wholeNumber(raw.lead, 0);
    if (unitPrice === undefined) errors[names.price] = 'errorWholeNumber';
    if (quantity === undefined) errors[names.quantity] = 'errorOfferedQuantity';
    if (leadTimeDays === undefined || leadTimeDays > 365) errors[names.lead] = 'errorWholeNumber';
    if (
      unitPrice !== undefined &&
      quantity !== undefined &&
      leadTimeDays !== undefined &&
      leadTimeDays <= 365
    ) {
      items.set(id, { unitPrice, quantity, leadTimeDays });
    }
  }
  if (items.size === 0 && Object.keys(errors).length === 0) errors.form = 'errorAnswerNeedsItem';
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, answer: { kind: 'answer', message, items, ...(validUntil ? { validUntil } : {}) } };
}
