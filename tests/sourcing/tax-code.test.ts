import { describe, expect, it } from 'vitest';
import { checkTaxCode, taxCodeCheckDigit } from '~/sourcing/tax-code';

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/** The rule written out independently of the implementation. */
function expectedCheck(nine: string): number | null {
  const sum = [...nine].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i]!, 0);
  const check = 10 - (sum % 11);
  return check === 10 ? null : check;
}

describe('tax code check digit', () => {
  it('accepts published enterprise codes', () => {
    // Viettel (0100109106) and Vinamilk (0300588569): weighted sums 114 and 232.
    expect(checkTaxCode('0100109106')).toEqual({ ok: true, kind: 'enterprise', normalized: '0100109106' });
    expect(checkTaxCode('0300588569')).toEqual({ ok: true, kind: 'enterprise', normalized: '0300588569' });
  });

  it('matches the rule for a spread of prefixes and rejects every other last digit', () => {
    let checked = 0;
    for (let n = 100_000_000; n < 1_000_000_000; n += 7_919_113) {
      const nine = String(n).padStart(9, '0');
      const check = expectedCheck(nine);
      expect(taxCodeCheckDigit(nine)).toBe(check);
      for (let d = 0; d <= 9; d++) {
        const result = checkTaxCode(`${nine}${d}`);
        if (d === check) expect(result).toEqual({ ok: true, kind: 'enterprise', normalized: `${nine}${d}` });
        else expect(result).toEqual({ ok: false, reason: 'check_digit' });
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('has no valid code when 10 − (sum mod 11) is 10', () => {
    // 000000000 sums to 0: 10 − 0 = 10, so no tenth digit makes it valid.
    expect(taxCodeCheckDigit('000000000')).toBeNull();
    for (let d = 0; d <= 9; d++)
      expect(checkTaxCode(`000000000${d}`)).toEqual({ ok: false, reason: 'check_digit' });
    // sum mod 11 = 10 gives check digit 0, which is valid.
    const nine = Array.from({ length: 2000 }, (_, i) => String(100_000_000 + i * 37)).find(
      (s) => expectedCheck(s) === 0,
    )!;
    expect(checkTaxCode(`${nine}0`).ok).toBe(true);
  });

  it('rejects the example format 0101234567 whose check digit is 5, not 7', () => {
    expect(taxCodeCheckDigit('010123456')).toBe(5);
    expect(checkTaxCode('0101234567')).toEqual({ ok: false, reason: 'check_digit' });
    expect(checkTaxCode('0101234565').ok).toBe(true);
  });
});

describe('branch codes and personal numbers', () => {
  it('accepts a valid enterprise code with a branch number, with or without the hyphen', () => {
    expect(checkTaxCode('0100109106-001')).toEqual({
      ok: true,
      kind: 'branch',
      normalized: '0100109106-001',
    });
    expect(checkTaxCode('0100109106001')).toEqual({ ok: true, kind: 'branch', normalized: '0100109106-001' });
    expect(checkTaxCode(' 0300588569-999 ')).toEqual({
      ok: true,
      kind: 'branch',
      normalized: '0300588569-999',
    });
  });

  it('rejects a branch of an invalid enterprise code and branch number 000', () => {
    expect(checkTaxCode('0100109107-001')).toEqual({ ok: false, reason: 'check_digit' });
    expect(checkTaxCode('0100109106-000')).toEqual({ ok: false, reason: 'branch_number' });
  });

  it('accepts a 12-digit personal identification number', () => {
    expect(checkTaxCode('001203004567')).toEqual({ ok: true, kind: 'personal', normalized: '001203004567' });
    expect(checkTaxCode('001 203 004 567')).toEqual({
      ok: true,
      kind: 'personal',
      normalized: '001203004567',
    });
  });

  it('rejects other lengths and characters', () => {
    for (const bad of [
      '',
      '010010910',
      '01001091061',
      '0100109106-01',
      '0100109106-0011',
      '01001O9106',
      'abc',
      '0100109106/001',
      '1234567890123',
    ]) {
      const result = checkTaxCode(bad);
      expect(result.ok, bad).toBe(false);
    }
    expect(checkTaxCode('01001091061')).toEqual({ ok: false, reason: 'format' });
    expect(checkTaxCode('1234567890123')).toEqual({ ok: false, reason: 'check_digit' });
  });
});
