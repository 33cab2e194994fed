/**
 * Order numbers people can read out on the phone: CNNT-YYMMDD-XXXXX, the date in Vietnam
 * time and five random characters from an alphabet without look-alikes (no 0/O, 1/I/L, U/V).
 * 29^5 ≈ 20 million per day; the database's unique constraint catches the rare clash and the
 * caller draws again.
 */
import { randomInt } from 'node:crypto';

export const ORDER_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
const RANDOM_LENGTH = 5;
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export const ORDER_NUMBER_PATTERN = new RegExp(`^CNNT-\\d{6}-[${ORDER_ALPHABET}]{${RANDOM_LENGTH}}$`);

export function newOrderNumber(now: Date = new Date(), random: (max: number) => number = randomInt): string {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const yymmdd = local.toISOString().slice(2, 10).replace(/-/g, '');
  let suffix = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) suffix += ORDER_ALPHABET[random(ORDER_ALPHABET.length)];
  return `CNNT-${yymmdd}-${suffix}`;
}

/** Accepts what a buyer types ("cnnt 250412 7kq4x") and returns the canonical number, or null. */
export function parseOrderNumber(input: string): string | null {
  const compact = input
    .trim()
    .toUpperCase()
    .replace(/[\s_]+/g, '-');
  const canonical = /^CNNT-?(\d{6})-?([A-Z0-9]{5})$/.exec(compact);
  if (!canonical) return null;
  const value = `CNNT-${canonical[1]}-${canonical[2]}`;
  return ORDER_NUMBER_PATTERN.test(value) ? value : null;
}
