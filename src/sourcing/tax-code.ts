/**
 * Vietnamese tax codes (mã số thuế) as a buyer types them on a quote request:
 * - an enterprise code of 10 digits whose last digit is a check digit over the first nine
 *   (weights 31, 29, 23, 19, 17, 13, 7, 5, 3; check = 10 − (sum mod 11), never 10);
 * - a branch code: a valid enterprise code followed by a 3-digit branch number 001–999,
 *   written "0100109106-001" or as 13 digits;
 * - a 12-digit personal identification number (số định danh cá nhân), which individuals and
 *   household businesses use as their tax code since 1 Jul 2025. It has no check digit.
 * Pure logic: shared by the API, the basket island and the tests.
 */

export type TaxCodeKind = 'enterprise' | 'branch' | 'personal';

export type TaxCodeCheck =
  | {
      ok: true;
      kind: TaxCodeKind /** Canonical form: "0100109106", "0100109106-001", "001234567890". */;
      normalized: string;
    }
  | { ok: false; reason: 'format' | 'check_digit' | 'branch_number' };

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** The check digit for nine leading digits, or null when no valid code starts with them. */
export function taxCodeCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) throw new Error('expected nine digits');
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(firstNine[i]), 0);
  const check = 10 - (sum % 11);
  return check === 10 ? null : check;
}

function enterpriseCodeIsValid(code: string): boolean {
  return taxCodeCheckDigit(code.slice(0, 9)) === Number(code[9]);
}

/** Validates a tax code; spaces and dots people type between digit groups are ignored. */
export function checkTaxCode(input: string): TaxCodeCheck {
  const compact = input.trim().replace(/[\s.]/g, '');
  const branch = /^(\d{10})-?(\d{3})$/.exec(compact);
  if (branch) {
    const [, main, number] = branch as unknown as [string, string, string];
    if (!enterpriseCodeIsValid(main)) return { ok: false, reason: 'check_digit' };
    if (number === '000') return { ok: false, reason: 'branch_number' };
    return { ok: true, kind: 'branch', normalized: `${main}-${number}` };
  }
  if (/^\d{10}$/.test(compact)) {
    return enterpriseCodeIsValid(compact)
      ? { ok: true, kind: 'enterprise', normalized: compact }
      : { ok: false, reason: 'check_digit' };
  }
  if (/^\d{12}$/.test(compact)) return { ok: true, kind: 'personal', normalized: compact };
  return { ok: false, reason: 'format' };
}
