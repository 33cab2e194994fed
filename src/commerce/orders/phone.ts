/**
 * Vietnamese mobile numbers: 0 or +84 (84), then 3, 5, 7, 8 or 9, then 8 digits. Spaces,
 * dots, hyphens and brackets people type are ignored. Stored and compared in the national
 * form "0912345678", so "+84 912 345 678" finds an order placed with "0912.345.678".
 */
const MOBILE = /^(?:\+?84|0)([35789]\d{8})$/;

/** The national form, or null when the text is not a Vietnamese mobile number. */
export function normaliseMobile(input: string): string | null {
  const compact = input.replace(/[\s.\-()]/g, '');
  const match = MOBILE.exec(compact);
  return match ? `0${match[1]}` : null;
}
