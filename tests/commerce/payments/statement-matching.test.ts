/** Proposing the order each incoming transfer pays, by the order number in its description and the amount. */
import { describe, expect, it } from 'vitest';
import type { StatementLine } from '~/commerce/payments/bank-statement';
import {
  matchStatement,
  type OrderToMatch,
  orderNumbersIn,
  orderNumbersOf,
} from '~/commerce/payments/statement-matching';

describe('order numbers in a transfer description', () => {
  it.each([
    ['CNNT-250412-7KQ4X', ['CNNT-250412-7KQ4X']],
    ['MBVCB.9283746.CNNT-250412-7KQ4X.CT tu 0123456789', ['CNNT-250412-7KQ4X']],
    ['CNNT2504127KQ4X', ['CNNT-250412-7KQ4X']],
    ['cnnt 250412 7kq4x chuyen tien', ['CNNT-250412-7KQ4X']],
    ['IBFT CNNT_250412_7KQ4X', ['CNNT-250412-7KQ4X']],
    ['Thanh toán đơn CNNT-250412-7KQ4X và CNNT-250413-HJ3WP', ['CNNT-250412-7KQ4X', 'CNNT-250413-HJ3WP']],
    ['CNNT-250412-7KQ4X lan 2 CNNT2504127KQ4X', ['CNNT-250412-7KQ4X']],
    // Letters outside the order alphabet (O, I, L, U, V) cannot be an order number.
    ['CNNT-250412-7KQ4O', []],
    ['Chuyen tien mua hang', []],
  ])('%s', (description, numbers) => {
    expect(orderNumbersIn(description)).toEqual(numbers);
  });
});

const line = (row: number, amount: number, description: string): StatementLine => ({
  row,
  date: '2025-04-12',
  amount,
  description,
});

const order = (orderNumber: string, o: Partial<OrderToMatch> = {}): [string, OrderToMatch] => [
  orderNumber,
  {
    orderNumber,
    paymentMethod: 'bank_transfer',
    paymentStatus: 'pending',
    orderStatus: 'placed',
    amount: 1_250_000,
    ...o,
  },
];

describe('matching a statement', () => {
  const orders = new Map([
    order('CNNT-250412-7KQ4X'),
    order('CNNT-250412-8MN3P', { amount: 310_000 }),
    order('CNNT-250412-9XYZA', { paymentStatus: 'paid' }),
    order('CNNT-250412-ABCDE', { orderStatus: 'cancelled' }),
    order('CNNT-250412-CDEFG', { paymentMethod: 'card', orderStatus: 'pending_payment' }),
    order('CNNT-250412-DEFGH', { paymentStatus: 'paid', orderStatus: 'cancelled' }),
  ]);
  const lines = [
    line(2, 1_250_000, 'MBVCB.1.CNNT2504127KQ4X.CT'),
    line(3, 300_000, 'cnnt 250412 8mn3p'),
    line(4, 1_250_000, 'CNNT-250412-9XYZA'),
    line(5, 1_250_000, 'CNNT250412ABCDE'),
    line(6, 1_250_000, 'CNNT250412CDEFG'),
    line(7, 1_250_000, 'CNNT-250412-7KQ4X lan hai'),
    line(8, 500_000, 'CNNT-250412-HJKMN'),
    line(9, 500_000, 'CNNT-250412-7KQ4X CNNT-250412-8MN3P'),
    line(10, 500_000, 'Chuyen tien'),
    line(11, 1_250_000, 'CNNT-250412-DEFGH'),
  ];

  it('proposes only an order awaiting a transfer of that very amount, once', () => {
    expect(
      matchStatement(lines, orders).map((m) => [m.line.row, m.status, m.orderNumber, m.expected]),
    ).toEqual([
      [2, 'proposed', 'CNNT-250412-7KQ4X', 1_250_000],
      [3, 'amount_mismatch', 'CNNT-250412-8MN3P', 310_000],
      [4, 'already_paid', 'CNNT-250412-9XYZA', 1_250_000],
      [5, 'cancelled', 'CNNT-250412-ABCDE', 1_250_000],
      [6, 'not_bank_transfer', 'CNNT-250412-CDEFG', 1_250_000],
      [7, 'duplicate', 'CNNT-250412-7KQ4X', 1_250_000],
      [8, 'unknown_order', 'CNNT-250412-HJKMN', undefined],
      [9, 'several_orders', undefined, undefined],
      [10, 'no_order_number', undefined, undefined],
      [11, 'already_paid', 'CNNT-250412-DEFGH', 1_250_000],
    ]);
  });

  it('lists the order numbers to look up', () => {
    expect(orderNumbersOf(lines)).toEqual([
      'CNNT-250412-7KQ4X',
      'CNNT-250412-8MN3P',
      'CNNT-250412-9XYZA',
      'CNNT-250412-ABCDE',
      'CNNT-250412-CDEFG',
      'CNNT-250412-HJKMN',
      'CNNT-250412-DEFGH',
    ]);
  });
});
