/**
 * Checks of the quote basket's company form in the browser, with the same rules the API
 * applies (src/sourcing/quote-input.ts), so a buyer sees a specific, translated message
 * before sending; and the mapping of the API's field errors back onto the form.
 */

import type { SourcingStringKey } from './strings';
import { checkTaxCode } from './tax-code';

export interface CompanyFormValues {
  name: string;
  taxCode: string;
  contactName: string;
  phone: string;
  email: string;
  province: string;
  targetDate: string;
  message: string;
  homepage: string;
}

export type CompanyField = keyof CompanyFormValues;
export type FormErrors = Partial<Record<CompanyField, SourcingStringKey>>;

export const EMPTY_COMPANY_FORM: CompanyFormValues = {
  name: '',
  taxCode: '',
  contactName: '',
  phone: '',
  email: '',
  province: '',
  targetDate: '',
  message: '',
  homepage: '',
};

const TAX_CODE_ERRORS = {
  format: 'errorTaxFormat',
  check_digit: 'errorTaxCheck',
  branch_number: 'errorTaxBranch',
} as const;

export function taxCodeError(value: string): SourcingStringKey | undefined {
  if (!value.trim()) return 'errorRequired';
  const check = checkTaxCode(value);
  return check.ok ? undefined : TAX_CODE_ERRORS[check.reason];
}

export function validateCompanyForm(values: CompanyFormValues, today: string): FormErrors {
  const errors: FormErrors = {};
  for (const field of ['name', 'contactName', 'province'] as const) {
    if (values[field].trim().length < 2) errors[field] = 'errorRequired';
  }
  const tax = taxCodeError(values.taxCode);
  if (tax) errors.taxCode = tax;
  const phoneDigits = values.phone.replace(/\D/g, '');
  if (!values.phone.trim()) errors.phone = 'errorRequired';
  else if (!/^\+?[0-9 ().-]{8,20}$/.test(values.phone.trim()) || phoneDigits.length < 9)
    errors.phone = 'errorPhone';
  if (!values.email.trim()) errors.email = 'errorRequired';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) errors.email = 'errorEmail';
  if (values.targetDate && values.targetDate < today) errors.targetDate = 'errorDate';
  return errors;
}

const SERVER_FIELD_ERRORS: Partial<Record<CompanyField, SourcingStringKey>> = {
  name: 'errorRequired',
  contactName: 'errorRequired',
  phone: 'errorPhone',
  email: 'errorEmail',
  province: 'errorRequired',
  targetDate: 'errorDate',
};

/** The API's `fields` ("company.taxCode", "targetDate", "items.2.quantity") as form errors and line errors. */
export function mapServerFields(
  fields: Record<string, string>,
  values: CompanyFormValues,
): { form: FormErrors; lines: Map<number, { field: string; message: string }>; other: string[] } {
  const form: FormErrors = {};
  const lines = new Map<number, { field: string; message: string }>();
  const other: string[] = [];
  for (const [key, message] of Object.entries(fields)) {
    const line = /^items\.(\d+)\.(\w+)$/.exec(key);
    const field = key.replace(/^company\./, '') as CompanyField;
    if (line) lines.set(Number(line[1]), { field: line[2]!, message });
    else if (field === 'taxCode') form.taxCode = taxCodeError(values.taxCode) ?? 'errorTaxFormat';
    else if (SERVER_FIELD_ERRORS[field]) form[field] = SERVER_FIELD_ERRORS[field];
    else other.push(`${key}: ${message}`);
  }
  return { form, lines, other };
}
