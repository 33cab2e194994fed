import { describe, expect, it } from 'vitest';
import { parseAnswerForm } from '~/sourcing/answer-form';

const form = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.set(k, v);
  return f;
};

describe('facility answer form', () => {
  it('reads prices as people type them and skips items left blank', () => {
    const result = parseAnswerForm(
      form({
        action: 'answer',
        'price-7': '95.000',
        'quantity-7': '1 000',
        'lead-7': '0',
        'price-8': '',
        'quantity-8': '',
        'lead-8': '',
        message: ' Giao nhanh ',
      }),
      [7, 8],
    );
    expect(result).toEqual({
      ok: true,
      answer: {
        kind: 'answer',
        message: 'Giao nhanh',
        items: new Map([[7, { unitPrice: 95_000, quantity: 1000, leadTimeDays: 0 }]]),
      },
    });
  });

  it('names each half-filled or invalid field', () => {
    const result = parseAnswerForm(
      form({ action: 'answer', 'price-7': '-5', 'quantity-7': '0', 'lead-7': '400' }),
      [7],
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      'price-7': 'errorWholeNumber',
      'quantity-7': 'errorOfferedQuantity',
      'lead-7': 'errorWholeNumber',
    });
    expect(result.values['price-7']).toBe('-5');
  });

  it('needs at least one quoted item to answer, but nothing to decline', () => {
    const empty = parseAnswerForm(form({ action: 'answer' }), [7]);
    expect(empty.ok === false && empty.errors).toEqual({ form: 'errorAnswerNeedsItem' });
    expect(parseAnswerForm(form({ action: 'decline', message: 'Hết hàng' }), [7])).toEqual({
      ok: true,
      answer: { kind: 'decline', message: 'Hết hàng' },
    });
  });
});
