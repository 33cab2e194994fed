import { defineStrings } from '~/i18n/strings';

/**
 * Texts of the messages a bank transfer marked paid sends (./transfer-messages.ts): the buyer's
 * receipt names the transfer as it arrived, never the card wording; facilities hear they may ship.
 */
export const transferMailStrings = defineStrings({
  vi: {
    transferReceived:
      'Chợ CNNT đã nhận khoản chuyển khoản {amount} của bạn (mã tham chiếu ngân hàng: {reference}) cho đơn hàng {orderNumber}. Mỗi cơ sở sẽ xác nhận và gửi phần hàng của mình.',
    facilityPaidSubject: 'Đơn hàng {orderNumber} đã được thanh toán: {facility} có thể gửi hàng',
    facilityPaidIntro:
      'Chợ CNNT đã nhận tiền chuyển khoản cho đơn hàng {orderNumber}. {facility} có thể gửi phần hàng của mình ({total}).',
    refundPaidAfterCancellation:
      'Đơn hàng {orderNumber} đã bị hủy nhưng khoản chuyển khoản {amount} (mã tham chiếu: {reference}) vẫn đến sau đó. Hãy chuyển trả lại cho người mua và ghi nhận việc hoàn tiền trong trang quản trị.',
  },
  en: {
    transferReceived:
      'Chợ CNNT has received your bank transfer of {amount} (bank reference: {reference}) for order {orderNumber}. Each facility will confirm and send its part.',
    facilityPaidSubject: 'Order {orderNumber} is paid: {facility} may ship',
    facilityPaidIntro:
      'Chợ CNNT has received the bank transfer for order {orderNumber}. {facility} may ship its part ({total}).',
    refundPaidAfterCancellation:
      'Order {orderNumber} was cancelled, but a bank transfer of {amount} (reference: {reference}) arrived afterwards. Transfer it back to the buyer and record the refund in the console.',
  },
});
