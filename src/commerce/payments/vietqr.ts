/**
 * VietQR bank-transfer payloads: EMVCo Merchant-Presented QR with the NAPAS template in ID 38
 * (NAPAS QR Switching specification, "QRIBFTTA" = inter-bank fund transfer to an account),
 * finished with a CRC-16/CCITT-FALSE over everything up to and including "6304".
 */

/** One EMVCo data object: two-digit ID, two-digit length, value. */
export function tlv(id: string, value: string): string {
  if (!/^\d{2}$/.test(id)) throw new Error(`EMVCo ID must be two digits: ${id}`);
  if (value.length < 1 || value.length > 99)
    throw new Error(`EMVCo value for ID ${id} must be 1–99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final XOR), 4 upper-case hex digits. */
export function crc16CcittFalse(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

const NAPAS_GUID = 'A000000727';
const SERVICE_TRANSFER_TO_ACCOUNT = 'QRIBFTTA';

export interface VietQrTransfer {
  /** The receiving bank's 6-digit NAPAS BIN, e.g. "970436" (Vietcombank). */
  bankBin: string;
  accountNumber: string;
  /** Whole đồng. Without an amount the code is static (the payer types the amount). */
  amount?: number;
  /** Transfer description the payer's app pre-fills (up to 25 characters), e.g. the order number. */
  purpose?: string;
}

export function vietQrPayload(t: VietQrTransfer): string {
  if (!/^\d{6}$/.test(t.bankBin)) throw new Error('bankBin must be 6 digits');
  if (!/^[0-9A-Za-z]{1,19}$/.test(t.accountNumber))
    throw new Error('accountNumber must be 1–19 letters or digits');
  if (
    t.amount !== undefined &&
    (!Number.isInteger(t.amount) || t.amount <= 0 || t.amount > 9_999_999_999_999)
  ) {
    throw new Error('amount must be a positive whole number of đồng');
  }
  if (t.purpose !== undefined && !/^[\x20-\x7e]{1,25}$/.test(t.purpose)) {
    throw new Error('purpose must be 1–25 printable ASCII characters (bank apps drop diacritics)');
  }
  const beneficiary = tlv('00', t.bankBin) + tlv('01', t.accountNumber);
  const merchant = tlv('00', NAPAS_GUID) + tlv('01', beneficiary) + tlv('02', SERVICE_TRANSFER_TO_ACCOUNT);
  const body =
    tlv('00', '01') +
    // 11: static, reusable; 12: dynamic, for one payment of a given amount.
    tlv('01', t.amount === undefined ? '11' : '12') +
    tlv('38', merchant) +
    tlv('53', '704') +
    (t.amount === undefined ? '' : tlv('54', String(t.amount))) +
    tlv('58', 'VN') +
    (t.purpose === undefined ? '' : tlv('62', tlv('08', t.purpose))) +
    '6304';
  return body + crc16CcittFalse(body);
}
