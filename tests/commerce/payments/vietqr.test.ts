import { describe, expect, it } from 'vitest';
import { crc16CcittFalse, tlv, vietQrPayload } from '~/commerce/payments/vietqr';

/**
 * Published payloads, reproduced byte for byte:
 * - ChainPlatform/vietnam-qr-pay README.md (a port of xuannghia/vietnam-qr-pay): a static
 *   and a dynamic VietQR for BIN 970416, account 257678859.
 * - A PayOS create-payment-link response (qrCode field) quoted in a public repository: a real
 *   dynamic VietQR for BIN 970422, account VQRQABRLS0448, 2,000 ₫.
 */
const PUBLISHED = [
  {
    input: { bankBin: '970416', accountNumber: '257678859' },
    payload: '00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F',
  },
  {
    input: { bankBin: '970416', accountNumber: '257678859', amount: 10000, purpose: 'Chuyen tien' },
    payload:
      '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN62150811Chuyen tien630453E6',
  },
  {
    input: {
      bankBin: '970422',
      accountNumber: 'VQRQABRLS0448',
      amount: 2000,
      purpose: '18f8746b181045f0a2ce',
    },
    payload:
      '00020101021238570010A000000727012700069704220113VQRQABRLS04480208QRIBFTTA5303704540420005802VN6224082018f8746b181045f0a2ce63040FC0',
  },
];

describe('VietQR payload', () => {
  it.each(PUBLISHED)('reproduces the published payload ending $payload', ({ input, payload }) => {
    expect(vietQrPayload(input)).toBe(payload);
  });

  it('computes CRC-16/CCITT-FALSE (check value of "123456789" is 29B1)', () => {
    expect(crc16CcittFalse('123456789')).toBe('29B1');
  });

  it('puts the amount in whole đồng and the order number as purpose', () => {
    const payload = vietQrPayload({
      bankBin: '970436',
      accountNumber: '0011004299999',
      amount: 1_250_000,
      purpose: 'CNNT-250412-7KQ4X',
    });
    expect(payload).toContain('54071250000');
    expect(payload).toContain('62210817CNNT-250412-7KQ4X');
    expect(payload.slice(-4)).toBe(crc16CcittFalse(payload.slice(0, -4)));
  });

  it('rejects values the format cannot carry', () => {
    expect(() => vietQrPayload({ bankBin: '97043', accountNumber: '1' })).toThrow(/bankBin/);
    expect(() => vietQrPayload({ bankBin: '970436', accountNumber: '1', amount: 1.5 })).toThrow(/whole/);
    expect(() => vietQrPayload({ bankBin: '970436', accountNumber: '1', purpose: 'Thanh toán' })).toThrow(
      /ASCII/,
    );
    expect(() => tlv('1', 'x')).toThrow(/two digits/);
    expect(() => tlv('01', 'x'.repeat(100))).toThrow(/1–99/);
  });
});
