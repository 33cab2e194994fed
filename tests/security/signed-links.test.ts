import { describe, expect, it } from 'vitest';
import { signToken, verifyToken } from '~/security/signed-links';

const key = 'k'.repeat(40);
const exp = Math.floor(Date.UTC(2030, 0, 1) / 1000);
const now = new Date(Date.UTC(2029, 0, 1));

describe('signed links', () => {
  it('verifies a token it signed', () => {
    const token = signToken({ purpose: 'order-shipment', subject: 's1', exp }, key);
    expect(verifyToken(token, { purpose: 'order-shipment', subject: 's1' }, now, key)).toEqual({
      ok: true,
      payload: { purpose: 'order-shipment', subject: 's1', exp },
    });
  });

  it('rejects a tampered payload, a wrong key, another purpose and an expired token', () => {
    const token = signToken({ purpose: 'order-shipment', subject: 's1', exp }, key);
    const [body, sig] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ purpose: 'order-shipment', subject: 's2', exp })).toString(
      'base64url',
    );
    expect(verifyToken(`${forged}.${sig}`, { purpose: 'order-shipment' }, now, key)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifyToken(token, { purpose: 'order-shipment' }, now, 'x'.repeat(40))).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifyToken(token, { purpose: 'quote-answer' }, now, key)).toEqual({
      ok: false,
      reason: 'wrong_purpose',
    });
    expect(verifyToken(token, { purpose: 'order-shipment', subject: 's2' }, now, key)).toEqual({
      ok: false,
      reason: 'wrong_purpose',
    });
    expect(verifyToken(token, { purpose: 'order-shipment' }, new Date(Date.UTC(2031, 0, 1)), key)).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(verifyToken(`${body}`, { purpose: 'order-shipment' }, now, key)).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(verifyToken(`${body}.${sig}.x`, { purpose: 'order-shipment' }, now, key)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });
});
