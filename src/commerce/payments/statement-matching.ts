/**
 * Proposes which order each incoming transfer of a bank statement pays: the order number in
 * its description (bank apps drop the dashes, add spaces, change the case) and an amount equal
 * to what the order awaits. Only proposals: a person confirms each one. Pure.
 */
import { parseOrderNumber } from '~/commerce/orders/order-number';
import { foldDiacritics } from '~/text/vietnamese';
import type { StatementLine } from './bank-statement';

/** Every distinct order number written in a transfer's description, in canonical form. */
export function orderNumbersIn(description: string): string[] {
  const text = foldDiacritics(description).toUpperCase();
  const found = new Set<string>();
  for (const m of text.matchAll(/CNNT[\s._-]*(\d{6})[\s._-]*([A-Z0-9]{5})/g)) {
    const number = parseOrderNumber(`CNNT-${m[1]}-${m[2]}`);
    if (number) found.add(number);
  }
  return [...found];
}

/** What matching needs to know of an order named in a statement. */
export interface OrderToMatch {
  orderNumber: string;
  paymentMethod: 'card' | 'bank_transfer' | 'cod';
  paymentStatus: 'pending' | 'paid' | 'failed' | 'expired';
  orderStatus: 'pending_payment' | 'placed' | 'cancelled';
  /** What the buyer was asked to pay. */
  amount: number;
}

export type MatchStatus =
  /** An order awaiting this very amount: a person may confirm it. */
  | 'proposed'
  /** A cancelled order awaiting this amount: confirming records a payment to give back. */
  | 'cancelled'
  | 'amount_mismatch'
  | 'already_paid'
  | 'not_bank_transfer'
  /** An earlier line of this statement already pays the same order. */
  | 'duplicate'
  | 'unknown_order'
  | 'several_orders'
  | 'no_order_number';

export interface StatementMatch {
  line: StatementLine;
  status: MatchStatus;
  /** The order named, when exactly one was. */
  orderNumber?: string;
  /** What that order awaits. */
  expected?: number;
}

function classify(line: StatementLine, order: OrderToMatch): MatchStatus {
  if (order.paymentMethod !== 'bank_transfer') return 'not_bank_transfer';
  if (order.paymentStatus === 'paid') return 'already_paid';
  if (order.paymentStatus !== 'pending') return 'not_bank_transfer';
  if (line.amount !== order.amount) return 'amount_mismatch';
  return order.orderStatus === 'cancelled' ? 'cancelled' : 'proposed';
}

/** One verdict per line, in statement order; `orders` holds the orders the descriptions name. */
export function matchStatement(
  lines: readonly StatementLine[],
  orders: ReadonlyMap<string, OrderToMatch>,
): StatementMatch[] {
  const claimed = new Set<string>();
  return lines.map((line): StatementMatch => {
    const numbers = orderNumbersIn(line.description);
    if (numbers.length === 0) return { line, status: 'no_order_number' };
    if (numbers.length > 1) return { line, status: 'several_orders' };
    const orderNumber = numbers[0]!;
    const order = orders.get(orderNumber);
    if (!order) return { line, status: 'unknown_order', orderNumber };
    let status = classify(line, order);
    if (status === 'proposed' || status === 'cancelled') {
      if (claimed.has(orderNumber)) status = 'duplicate';
      claimed.add(orderNumber);
    }
    return { line, status, orderNumber, expected: order.amount };
  });
}

/** The order numbers a statement names, to look them up before matching. */
export function orderNumbersOf(lines: readonly StatementLine[]): string[] {
  return [...new Set(lines.flatMap((l) => orderNumbersIn(l.description)))];
}
