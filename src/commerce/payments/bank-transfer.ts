/**
 * Bank transfer: the account buyers pay into and a VietQR for the amount. Offered only when
 * BANK_BIN, BANK_ACCOUNT and BANK_ACCOUNT_NAME are set; on a developer machine running the
 * sample data (never with NODE_ENV=production) a sample account stands in, marked as such so
 * the order page can say nobody should pay into it.
 */
import QRCode from 'qrcode';
import { env } from '~/config/env';
import { vietQrPayload } from './vietqr';

export interface BankAccount {
  bankBin: string;
  accountNumber: string;
  accountName: string;
  /** The development stand-in, not a real account. */
  sample: boolean;
}

export const SAMPLE_BANK_ACCOUNT: BankAccount = {
  bankBin: '970436',
  accountNumber: '0011004299999',
  accountName: 'CHO CNNT',
  sample: true,
};

/** The account bank transfers go to, or undefined when bank transfer is not offered. */
export function bankAccount(sampleData: boolean): BankAccount | undefined {
  const { BANK_BIN, BANK_ACCOUNT, BANK_ACCOUNT_NAME, NODE_ENV } = env();
  if (BANK_BIN && BANK_ACCOUNT && BANK_ACCOUNT_NAME)
    return { bankBin: BANK_BIN, accountNumber: BANK_ACCOUNT, accountName: BANK_ACCOUNT_NAME, sample: false };
  if (sampleData && NODE_ENV !== 'production') return SAMPLE_BANK_ACCOUNT;
  return undefined;
}

export interface BankTransferDetails {
  bankBin: string;
  accountNumber: string;
  accountName: string;
  /** True for the development sample account: nobody must pay into it. */
  sampleAccount: boolean;
  amount: number;
  /** What to write as the transfer description: the order number. */
  purpose: string;
  qrPayload: string;
}

/** What buyers are asked to write as the transfer's description: the order number, nothing else. */
export function transferPurpose(orderNumber: string): string {
  return orderNumber;
}

export function bankTransferDetails(
  account: BankAccount,
  orderNumber: string,
  amount: number,
): BankTransferDetails {
  const purpose = transferPurpose(orderNumber);
  return {
    bankBin: account.bankBin,
    accountNumber: account.accountNumber,
    accountName: account.accountName,
    sampleAccount: account.sample,
    amount,
    purpose,
    qrPayload: vietQrPayload({
      bankBin: account.bankBin,
      accountNumber: account.accountNumber,
      amount,
      purpose,
    }),
  };
}

/** The QR code as inline SVG (no script, no external request), with an accessible title. */
export async function qrSvg(payload: string, title: string): Promise<string> {
  const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const escaped = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return svg.replace('<svg ', `<svg role="img" aria-label="${escaped}" `);
}
