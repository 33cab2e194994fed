/** The answer form's optional "prices valid until": a real day, from today to a year ahead. */
import { describe, expect, it } from 'vitest';
import { parseAnswerForm } from '~/sourcing/answer-form';

const TODAY = '2025-06-15';
const answer = (validUntil: string) => {
  const form = new FormData();
  for (const [k, v] of Object.entries({
    action: 'answer',
    'price-7': '95000',
    'quantity-7': '10',
    'lead-7': '3',
    validUntil,
  }))
    form.set(k, v);
  return parseAnswerForm(form, [7], TODAY);
};

describe('answer validity', () => {
  it('keeps a day from today to a year ahead, and leaves it out when blank', () => {
    for (const day of ['2025-06-15', '2025-07-31', '2026-06-16']) {
      const result = answer(day);
      expect(result.ok && result.answer.kind === 'answer' && result.answer.validUntil).toBe(day);
    }
    const blank = answer('');
    expect(blank.ok && blank.answer.kind === 'answer' && 'validUntil' in blank.answer).toBe(false);
  });

  it('refuses past days, days over a year ahead and days that do not exist, keeping what was typed', () => {
    for (const day of ['2025-06-14', '2026-06-17', '2025-02-30', '15/07/2025', 'soon']) {
      const result = answer(day);
      expect(result).toMatchObject({ ok: false, errors: { validUntil: 'errorValidUntil' } });
      expect(!result.ok && result.values.validUntil).toBe(day);
    }
  });

  it('is not asked of a refusal', () => {
    const form = new FormData();
    form.set('action', 'decline');
    form.set('validUntil', 'nonsense');
    expect(parseAnswerForm(form, [7], TODAY)).toEqual({
      ok: true,
      answer: { kind: 'decline', message: undefined },
    });
  });
});
