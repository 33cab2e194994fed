import { defineStrings } from '~/i18n/strings';

/** Texts of the buyer's refund message (./refund-messages.ts), in the language of the order. */
export const refundMailStrings = defineStrings({
  vi: {
    subject: 'Chợ CNNT: đã hoàn tiền cho đơn hàng {orderNumber}',
    intro: 'Chợ CNNT đã hoàn {amount} cho đơn hàng {orderNumber}.',
    whatAll: 'Khoản hoàn này dành cho phần đơn hàng đã bị hủy.',
    whatShipment: 'Khoản hoàn này dành cho phần hàng của {facility} đã bị hủy (gồm phí vận chuyển).',
    card: 'Tiền được hoàn về thẻ bạn đã dùng để thanh toán; ngân hàng có thể cần 5–10 ngày làm việc để hiển thị.',
    bankTransfer: 'Tiền đã được chuyển khoản lại cho bạn, mã giao dịch: {reference}.',
    cod: 'Tiền đã được trả lại cho bạn, mã biên nhận: {reference}.',
  },
  en: {
    subject: 'Chợ CNNT: refund for order {orderNumber}',
    intro: 'Chợ CNNT has refunded {amount} for order {orderNumber}.',
    whatAll: 'This refund is for the part of the order that was cancelled.',
    whatShipment:
      "This refund is for {facility}'s part of the order, which was cancelled (shipping included).",
    card: 'The money goes back to the card you paid with; your bank may take 5–10 working days to show it.',
    bankTransfer: 'The money has been transferred back to you, transaction reference: {reference}.',
    cod: 'The money has been paid back to you, receipt reference: {reference}.',
  },
});
