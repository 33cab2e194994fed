import { describe, expect, it } from 'vitest';
import {
  nextPageQuery,
  parseOrderSearch,
  readOrderQuery,
  vietnamDayBounds,
} from '~/commerce/orders/order-search';

const parse = (query: string) => parseOrderSearch(new URLSearchParams(query));

describe('the search box', () => {
  it.each([
    ['CNNT-250412-7KQ4X', { by: 'orderNumber', value: 'CNNT-250412-7KQ4X' }],
    ['  cnnt 250412 7kq4x ', { by: 'orderNumber', value: 'CNNT-250412-7KQ4X' }],
    ['cnnt2504127kq4x', { by: 'orderNumber', value: 'CNNT-250412-7KQ4X' }],
    ['0912 345 678', { by: 'phone', value: '0912345678' }],
    ['+84912345678', { by: 'phone', value: '0912345678' }],
    ['+84 912.345.678', { by: 'phone', value: '0912345678' }],
    ['84-912-345-678', { by: 'phone', value: '0912345678' }],
    ['(0387) 654 321', { by: 'phone', value: '0387654321' }],
    [' Lan@Example.VN ', { by: 'email', value: 'lan@example.vn' }],
  ])('reads %j', (text, query) => {
    expect(readOrderQuery(text)).toEqual(query);
  });

  it.each([
    'CNNT-250412-0OIL1', // look-alike characters never appear in an order number
    '0212345678', // a landline, not a mobile
    '091234567', // one digit short
    'lan@', // not an address
    'Nguyễn Thị Lan',
  ])('refuses %j', (text) => {
    expect(readOrderQuery(text)).toBeNull();
  });
});

describe('parseOrderSearch', () => {
  it('reads every filter', () => {
    const { search, problems } = parse(
      'q=0912+345+678&facility=HTX-Gom&status=placed&method=cod&payment=pending&from=2026-03-01&to=2026-03-31&queue=card_stuck&after=CNNT-260301-ABCDE',
    );
    expect(problems).toEqual([]);
    expect(search).toEqual({
      query: { by: 'phone', value: '0912345678' },
      facilityId: 'htx-gom',
      status: 'placed',
      paymentMethod: 'cod',
      paymentStatus: 'pending',
      from: '2026-03-01',
      to: '2026-03-31',
      queue: 'card_stuck',
      after: 'CNNT-260301-ABCDE',
    });
  });

  it('searches everything when nothing is given, and ignores unknown choices', () => {
    expect(parse('')).toMatchObject({ search: {}, problems: [] });
    expect(parse('status=lost&method=cheque&payment=maybe&queue=other&after=42')).toMatchObject({
      search: {},
      problems: [],
    });
  });

  it('names what it could not read and keeps it in the form', () => {
    const parsed = parse('q=not+a+number&facility=Cơ+sở+A&status=cancelled');
    expect(parsed.problems).toEqual(['query', 'facility']);
    expect(parsed.search).toEqual({ status: 'cancelled' });
    expect(parsed.form).toMatchObject({ q: 'not a number', facility: 'Cơ sở A', status: 'cancelled' });
  });

  it('refuses days that do not exist and a range that ends before it starts', () => {
    expect(parse('from=2026-02-30').problems).toEqual(['dates']);
    expect(parse('from=01/03/2026').problems).toEqual(['dates']);
    expect(parse('from=2026-03-02&to=2026-03-01')).toMatchObject({ search: {}, problems: ['dates'] });
    expect(parse('from=2026-03-01&to=2026-03-01')).toMatchObject({
      search: { from: '2026-03-01', to: '2026-03-01' },
      problems: [],
    });
  });

  it('links the next page with the same filters, after the last order shown', () => {
    const { form } = parse('q=lan%40example.vn&status=placed&after=CNNT-260301-AAAAA');
    const next = new URLSearchParams(nextPageQuery(form, 'CNNT-260301-BBBBB').slice(1));
    expect(Object.fromEntries(next)).toEqual({
      q: 'lan@example.vn',
      status: 'placed',
      after: 'CNNT-260301-BBBBB',
    });
  });

  it('takes days in Vietnam time', () => {
    expect(vietnamDayBounds('2026-03-01')).toEqual({
      start: new Date('2026-02-28T17:00:00Z'),
      end: new Date('2026-03-01T17:00:00Z'),
    });
  });
});
