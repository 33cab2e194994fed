/** Bank transfer details for an order: the account from configuration and a VietQR for the amount. */
import QRCode from 'qrcode';
import { env } from '~/config/env';
import { vietQrPayload } from './vietqr';

export interface BankTransferDetails {
  bankBin: string;
  accountNumber: string;
  accountName: string;
  amount: number;
  /** What to write as the transfer description: the order number. */
  purpose: string;
  qrPayload: string;
}

export function bankTransferDetails(orderNumber: string, amount: number): BankTransferDetails {
  const { BANK_BIN, BANK_ACCOUNT, BANK_ACCOUNT_NAME } = env();
  return {
    bankBin: BANK_BIN,
    accountNumber: BANK_ACCOUNT,
    accountName: BANK_ACCOUNT_NAME,
    amount,
    purpose: orderNumber,
    qrPayload: vietQrPayload({
      bankBin: BANK_BIN,
      accountNumber: BANK_ACCOUNT,
      amount,
      purpose: orderNumber,
    }),
  };
}

/** The QR code as inline SVG (no script, no external request), with an accessible title. */
export async function qrSvg(payload: string, title: string): Promise<string> {
  const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const escaped = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return svg.replace('<svg ', `<svg role="img" aria-label="${escaped}" `);
}
