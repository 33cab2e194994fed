/** Amounts and dates as Vietnamese bank statements write them. */
import { describe, expect, it } from 'vitest';
import { parseAmount, parseStatementDate } from '~/commerce/payments/statement-values';

describe('statement amounts', () => {
  it.each([
    ['1.250.000', 1_250_000],
    ['1,250,000', 1_250_000],
    ['1250000', 1_250_000],
    ['1 250 000', 1_250_000],
    ['+1.250.000', 1_250_000],
    ['1.250.000 VND', 1_250_000],
    ['1.250.000đ', 1_250_000],
    ['1.250.000,00', 1_250_000],
    ['1,250,000.00', 1_250_000],
    ['1250000.00', 1_250_000],
    ['1.250', 1_250],
    ['-200.000', -200_000],
    ['(200,000)', -200_000],
    ['0', 0],
  ])('%s is %d đồng', (text, amount) => {
    expect(parseAmount(text)).toBe(amount);
  });

  it.each(['', 'abc', '1.250.0OO', '1.25.000', '1,250.000,00', '1250000.5', '12,5'])(
    '%s is not an amount of whole đồng',
    (text) => {
      expect(parseAmount(text)).toBeNull();
    },
  );
});

describe('statement dates', () => {
  it.each([
    ['12/04/2025', '2025-04-12'],
    ['2/4/2025', '2025-04-02'],
    ['12-04-2025', '2025-04-12'],
    ['12.04.25', '2025-04-12'],
    ['12/04/2025 08:15:23', '2025-04-12'],
    ['2025-04-12', '2025-04-12'],
    ['45759', '2025-04-12'],
  ])('%s is %s', (text, iso) => {
    expect(parseStatementDate(text)).toBe(iso);
  });

  it.each(['', '31/02/2025', '12/13/2025', 'Tổng số', '04/2025', '123'])('%s is no date', (text) => {
    expect(parseStatementDate(text)).toBeNull();
  });
});
