import { describe, expect, it } from 'vitest';
import {
  newOrderNumber,
  ORDER_ALPHABET,
  ORDER_NUMBER_PATTERN,
  parseOrderNumber,
} from '~/commerce/orders/order-number';
import { normaliseMobile } from '~/commerce/orders/phone';

describe('order numbers', () => {
  it('dates the number in Vietnam time (UTC+7)', () => {
    // 18:30 UTC on 11 April is 01:30 on 12 April in Hà Nội.
    const n = newOrderNumber(new Date('2025-04-11T18:30:00Z'), () => 0);
    expect(n).toBe('CNNT-250412-22222');
  });

  it('uses only unambiguous characters', () => {
    expect(ORDER_ALPHABET).not.toMatch(/[01ILOUV]/);
    for (let i = 0; i < 200; i++) expect(newOrderNumber()).toMatch(ORDER_NUMBER_PATTERN);
  });

  it('reads what a buyer types back into the canonical form', () => {
    expect(parseOrderNumber(' cnnt 250412 7kq4x ')).toBe('CNNT-250412-7KQ4X');
    expect(parseOrderNumber('CNNT2504127KQ4X')).toBe('CNNT-250412-7KQ4X');
    expect(parseOrderNumber('CNNT-250412-7KQ4O')).toBeNull();
    expect(parseOrderNumber('../../etc')).toBeNull();
  });
});

describe('Vietnamese mobile numbers', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['(+84) 38-123-4567', '0381234567'],
    ['0561234567', '0561234567'],
    ['0791234567', '0791234567'],
    ['0861234567', '0861234567'],
  ])('accepts %s', (input, expected) => expect(normaliseMobile(input)).toBe(expected));

  it.each(['0212345678', '0112345678', '091234567', '09123456789', '+85 912345678', '0912a45678', ''])(
    'rejects %s',
    (input) => expect(normaliseMobile(input)).toBeNull(),
  );
});
