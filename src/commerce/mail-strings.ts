import { defineStrings } from '~/i18n/strings';

/** Texts of the messages orders send (src/commerce/orders/order-messages.ts). */
export const mailStrings = defineStrings({
  vi: {
    confirmationSubject: 'Chợ CNNT: đã nhận đơn hàng {orderNumber}',
    paidSubject: 'Chợ CNNT: đơn hàng {orderNumber} đã được thanh toán',
    greeting: 'Chào {name},',
    received:
      'Chợ CNNT đã nhận đơn hàng {orderNumber} của bạn. Mỗi cơ sở sẽ xác nhận và gửi phần hàng của mình.',
    paidReceived:
      'Chợ CNNT đã nhận thanh toán bằng thẻ cho đơn hàng {orderNumber}. Mỗi cơ sở sẽ xác nhận và gửi phần hàng của mình.',
    facility: 'Cơ sở: {name}',
    shippingFee: 'Phí vận chuyển: {amount}',
    free: 'miễn phí',
    total: 'Tổng cộng: {amount}',
    payment: 'Thanh toán: {method}',
    bankInstructions:
      'Vui lòng chuyển khoản {amount} đến tài khoản {accountNumber} ({accountName}, mã ngân hàng {bankBin}) với nội dung: {purpose}. Mã VietQR có trên trang đơn hàng.',
    deliverTo: 'Giao đến: {address}, {province}',
    statusLink: 'Xem trạng thái đơn hàng: {url}',
    signature: 'Chợ CNNT – sản phẩm công nghiệp nông thôn tiêu biểu',
    facilitySubject: 'Đơn hàng mới {orderNumber} cho {facility}',
    facilityIntro: 'Cơ sở {facility} có đơn hàng mới {orderNumber} trên Chợ CNNT.',
    relaySubjectPrefix: '[Chuyển cho cơ sở] ',
    relayIntro:
      'Cơ sở {facility} chưa có e-mail: hãy gọi điện báo đơn này cho cơ sở (số điện thoại tại {url}) và thao tác giúp qua đường dẫn bên dưới.',
    facilityBuyer: 'Người mua: {name}, điện thoại {phone}{email}',
    facilityAddress: 'Địa chỉ giao hàng: {address}, {province}',
    facilityNotes: 'Ghi chú của người mua: {notes}',
    facilityPaymentCod: 'Thanh toán khi nhận hàng: thu {amount} (gồm phí vận chuyển).',
    facilityPaymentBank:
      'Người mua chuyển khoản cho Chợ CNNT; chờ Chợ CNNT báo đã nhận tiền trước khi gửi hàng.',
    facilityPaymentCard: 'Người mua đã thanh toán bằng thẻ.',
    facilityAction: 'Xác nhận, báo đã gửi hàng (kèm mã vận đơn) hoặc hủy tại: {url}',
    facilityLinkExpiry: 'Đường dẫn dành riêng cho cơ sở, có hiệu lực 60 ngày; không chuyển cho người khác.',
    leadTime: 'làm theo đơn, khoảng {days} ngày',
    updateSubject: 'Chợ CNNT: cập nhật đơn hàng {orderNumber}',
    updateConfirmed: '{facility} đã xác nhận phần hàng của mình trong đơn {orderNumber}.',
    updateShipped: '{facility} đã gửi phần hàng của mình trong đơn {orderNumber}. Mã vận đơn: {tracking}.',
    updateCancelled: '{facility} đã hủy phần hàng của mình trong đơn {orderNumber}. Lý do: {reason}.',
    methodCard: 'thẻ (Stripe)',
    methodBank: 'chuyển khoản ngân hàng (VietQR)',
    methodCod: 'thanh toán khi nhận hàng',
    bankSampleAccount: 'Lưu ý: đây là tài khoản mẫu của bản chạy thử, đừng chuyển tiền vào tài khoản này.',
    expiredSubject: 'Chợ CNNT: đơn hàng {orderNumber} đã bị hủy',
    expiredText:
      'Đơn hàng {orderNumber} đã bị hủy vì thanh toán bằng thẻ không hoàn tất kịp thời. Bạn chưa bị trừ tiền; nếu vẫn muốn mua, hãy đặt lại đơn.',
    refundSubject: '[Cần hoàn tiền] Đơn hàng {orderNumber}',
    refundPaidAfterCancellation:
      'Đơn hàng {orderNumber} đã bị hủy nhưng thanh toán thẻ {amount} vẫn được ghi nhận sau đó. Hãy hoàn tiền cho người mua qua Stripe.',
    refundShipmentCancelled:
      '{facility} đã hủy phần hàng của mình ({amount}) trong đơn {orderNumber} đã thanh toán bằng thẻ. Lý do: {reason}. Hãy hoàn số tiền này cho người mua qua Stripe.',
    refundBuyer: 'Người mua: {name}, điện thoại {phone}{email}',
  },
  en: {
    confirmationSubject: 'Chợ CNNT: order {orderNumber} received',
    paidSubject: 'Chợ CNNT: order {orderNumber} is paid',
    greeting: 'Hello {name},',
    received: 'Chợ CNNT has received your order {orderNumber}. Each facility will confirm and send its part.',
    paidReceived:
      'Chợ CNNT has received your card payment for order {orderNumber}. Each facility will confirm and send its part.',
    facility: 'Facility: {name}',
    shippingFee: 'Shipping: {amount}',
    free: 'free',
    total: 'Total: {amount}',
    payment: 'Payment: {method}',
    bankInstructions:
      'Please transfer {amount} to account {accountNumber} ({accountName}, bank code {bankBin}) with the description: {purpose}. The VietQR code is on the order page.',
    deliverTo: 'Deliver to: {address}, {province}',
    statusLink: 'Order status: {url}',
    signature: 'Chợ CNNT – typical rural industrial products of Vietnam',
    facilitySubject: 'New order {orderNumber} for {facility}',
    facilityIntro: '{facility} has a new order {orderNumber} on Chợ CNNT.',
    relaySubjectPrefix: '[Pass on to the facility] ',
    relayIntro:
      '{facility} has no e-mail: phone the facility about this order (number at {url}) and act for it through the link below.',
    facilityBuyer: 'Buyer: {name}, phone {phone}{email}',
    facilityAddress: 'Delivery address: {address}, {province}',
    facilityNotes: "Buyer's notes: {notes}",
    facilityPaymentCod: 'Cash on delivery: collect {amount} (shipping included).',
    facilityPaymentBank:
      'The buyer pays Chợ CNNT by bank transfer; wait for Chợ CNNT to confirm the money before shipping.',
    facilityPaymentCard: 'The buyer has paid by card.',
    facilityAction: 'Confirm, mark shipped (with a tracking number) or cancel at: {url}',
    facilityLinkExpiry: 'This link is for your facility only and works for 60 days; do not pass it on.',
    leadTime: 'made to order, about {days} days',
    updateSubject: 'Chợ CNNT: update on order {orderNumber}',
    updateConfirmed: '{facility} has confirmed its part of order {orderNumber}.',
    updateShipped: '{facility} has shipped its part of order {orderNumber}. Tracking number: {tracking}.',
    updateCancelled: '{facility} has cancelled its part of order {orderNumber}. Reason: {reason}.',
    methodCard: 'card (Stripe)',
    methodBank: 'bank transfer (VietQR)',
    methodCod: 'cash on delivery',
    bankSampleAccount: 'Note: this is a sample account of a trial run; do not transfer money to it.',
    expiredSubject: 'Chợ CNNT: order {orderNumber} was cancelled',
    expiredText:
      'Order {orderNumber} was cancelled because its card payment was not completed in time. Nothing was charged; if you still want the goods, please order again.',
    refundSubject: '[Refund due] Order {orderNumber}',
    refundPaidAfterCancellation:
      'Order {orderNumber} was cancelled, but a card payment of {amount} arrived afterwards. Refund the buyer through Stripe.',
    refundShipmentCancelled:
      '{facility} cancelled its part ({amount}) of order {orderNumber}, which was paid by card. Reason: {reason}. Refund this amount to the buyer through Stripe.',
    refundBuyer: 'Buyer: {name}, phone {phone}{email}',
  },
});
