/** The inbox list's address: box, state, text and page read from the query and written back. */
import { describe, expect, it } from 'vitest';
import { inboxQuery, pageCount, parseInboxFilters } from '~/portal/inbox-filters';
import { inboxOrderPath, inboxPath, inboxQuotePath } from '~/portal/inbox-paths';

const parse = (query: string) => parseInboxFilters(new URLSearchParams(query));

describe('inbox filters', () => {
  it('reads the orders box, every state, page 1 by default', () => {
    expect(parse('')).toEqual({ box: 'orders', state: null, q: '', page: 1 });
  });

  it("reads a box's own states only", () => {
    expect(parse('state=to_ship')).toMatchObject({ box: 'orders', state: 'to_ship' });
    expect(parse('box=quotes&state=open')).toMatchObject({ box: 'quotes', state: 'open' });
    // A quote state on the orders box, an order state on the quotes box, nonsense: every state.
    expect(parse('state=open').state).toBeNull();
    expect(parse('box=quotes&state=shipped').state).toBeNull();
    expect(parse('box=letters&state=pending')).toMatchObject({ box: 'orders', state: null });
  });

  it('trims and bounds the text, and reads only plain page numbers', () => {
    expect(parse('q=%20%20Nguy%E1%BB%85n%20%20%20Lan%20').q).toBe('Nguyễn Lan');
    expect(parse(`q=${'x'.repeat(300)}`).q).toHaveLength(100);
    expect(parse('page=3').page).toBe(3);
    for (const page of ['0', '-2', '1.5', 'abc', '1e3', '999999']) expect(parse(`page=${page}`).page).toBe(1);
  });

  it('writes a view back, keeping ?facility= and leaving defaults out', () => {
    expect(inboxQuery('', { box: 'orders', page: 1 })).toBe('');
    expect(inboxQuery('?facility=co-so-a', { box: 'orders' })).toBe('?facility=co-so-a');
    expect(inboxQuery('?facility=co-so-a', { box: 'quotes', state: 'open', q: 'Hà Nội', page: 2 })).toBe(
      '?facility=co-so-a&box=quotes&state=open&q=H%C3%A0+N%E1%BB%99i&page=2',
    );
    const roundTrip = parse(
      inboxQuery('', { box: 'quotes', state: 'declined', q: 'BG-7', page: 4 }).slice(1),
    );
    expect(roundTrip).toEqual({ box: 'quotes', state: 'declined', q: 'BG-7', page: 4 });
  });

  it('counts pages of 50, at least one', () => {
    expect([0, 1, 50, 51, 100, 101].map((n) => pageCount(n, 50))).toEqual([1, 1, 1, 2, 2, 3]);
  });

  it('names the facility in every inbox address (members of several facilities land on the right one)', () => {
    expect(inboxPath('co-so-a')).toBe('/facility/inbox/?facility=co-so-a');
    expect(inboxPath('co-so-a', 'quotes', 'en')).toBe('/en/facility/inbox/?facility=co-so-a&box=quotes');
    expect(inboxOrderPath('co-so-a', 42)).toBe('/facility/inbox/orders/42/?facility=co-so-a');
    expect(inboxQuotePath('co-so-a', 7, 'en')).toBe('/en/facility/inbox/quotes/7/?facility=co-so-a');
  });
});
