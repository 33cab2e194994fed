import { defineStrings } from '~/i18n/strings';

/**
 * Texts of the copies of a facility's order messages sent to its portal members
 * (./member-copies.ts). Facilities read Vietnamese, as with the facility's own messages.
 */
export const memberMailStrings = defineStrings({
  vi: {
    newOrderSubject: '[Cổng cơ sở] Đơn hàng mới {orderNumber} cho {facility}',
    newOrderIntro: 'Cơ sở {facility} có đơn hàng mới {orderNumber} trên Chợ CNNT.',
    paidSubject: '[Cổng cơ sở] Đơn hàng {orderNumber} đã được thanh toán: {facility} có thể gửi hàng',
    paidIntro:
      'Chợ CNNT đã nhận tiền chuyển khoản cho đơn hàng {orderNumber}. {facility} có thể gửi phần hàng của mình ({total}).',
    inboxAction:
      'Xem người mua và địa chỉ giao hàng, xác nhận, báo đã gửi hàng hoặc hủy trong hộp thư của cơ sở (cần đăng nhập): {url}',
    why: 'Bạn nhận thư này vì là thành viên của {facility} trên Cổng cơ sở. Tắt loại thư này tại mục “Thông báo qua e-mail” của hộp thư.',
  },
  en: {
    newOrderSubject: '[Facility portal] New order {orderNumber} for {facility}',
    newOrderIntro: '{facility} has a new order {orderNumber} on Chợ CNNT.',
    paidSubject: '[Facility portal] Order {orderNumber} is paid: {facility} may ship',
    paidIntro:
      'Chợ CNNT has received the bank transfer for order {orderNumber}. {facility} may ship its part ({total}).',
    inboxAction:
      'See the buyer and the delivery address, confirm, mark as shipped or cancel in the facility’s inbox (sign-in needed): {url}',
    why: 'You receive this as a member of {facility} in the facility portal. Turn these e-mails off under “E-mail notifications” in the inbox.',
  },
});
