import { defineStrings } from '~/i18n/strings';

/** Texts of "Are you this facility?": the facility page's teaser, the claim form, the refusal e-mail. */
export const claimStrings = defineStrings({
  vi: {
    teaserTitle: 'Bạn là cơ sở này?',
    teaserText:
      'Cơ sở có thể tự quản lý giá, tồn kho, ảnh sản phẩm và đơn hàng trên Chợ CNNT. Hãy gửi yêu cầu kèm số giấy chứng nhận của cơ sở; chúng tôi sẽ kiểm tra và gửi thư mời qua e-mail.',
    teaserLink: 'Gửi yêu cầu quản lý {facility}',
    title: 'Bạn là {facility}?',
    intro:
      'Nhập e-mail của bạn và số in trên một giấy chứng nhận OCOP của {facility}. Nhân viên Chợ CNNT sẽ đối chiếu rồi gửi thư mời đăng nhập đến e-mail này.',
    email: 'E-mail',
    certificate: 'Số giấy chứng nhận',
    certificateHint:
      'Như in trên giấy, ví dụ “12/GCN-UBND”. Không phân biệt hoa thường, dấu cách và dấu câu.',
    name: 'Họ và tên (không bắt buộc)',
    phone: 'Số điện thoại (không bắt buộc)',
    submit: 'Gửi yêu cầu',
    errors: 'Chưa gửi được yêu cầu. Hãy sửa:',
    errEmail: 'Hãy nhập một địa chỉ e-mail hợp lệ.',
    errCertificate: 'Hãy nhập số giấy chứng nhận (tối đa 100 ký tự).',
    errName: 'Tên dài quá 200 ký tự.',
    errPhone: 'Số điện thoại chỉ gồm chữ số (6 đến 40 ký tự), có thể bắt đầu bằng “+”.',
    errUnknown:
      'Không có giấy chứng nhận nào mang số “{number}” trong danh sách. Hãy kiểm tra lại số in trên giấy.',
    errOtherFacility:
      'Giấy chứng nhận số “{number}” không phải của {facility}. Hãy nhập số của một giấy chứng nhận của cơ sở này.',
    errRateLimited: 'Bạn đã gửi quá nhiều yêu cầu. Hãy thử lại sau ít phút.',
    errTooLarge: 'Yêu cầu quá lớn; không có gì được lưu.',
    sentTitle: 'Đã nhận yêu cầu',
    sent: 'Cảm ơn bạn. Nếu thông tin khớp với danh sách, nhân viên Chợ CNNT sẽ xem xét và trả lời qua e-mail trong vài ngày làm việc. Nếu bạn đã gửi yêu cầu cho cơ sở này, chúng tôi giữ yêu cầu trước.',
    back: 'Về trang của {facility}',
    mailSubject: 'Yêu cầu quản lý {facility} trên Chợ CNNT chưa được chấp nhận',
    mailBody:
      'Chào bạn,\n\nYêu cầu quản lý {facility} trên Chợ CNNT của bạn chưa được chấp nhận.\n\nLý do: {reason}\n\nBạn có thể gửi lại yêu cầu từ trang của cơ sở khi đã có thông tin đúng.',
  },
  en: {
    teaserTitle: 'Are you this facility?',
    teaserText:
      'Facilities can manage their own prices, stock, product photos and orders on Chợ CNNT. Send a request with one of the facility’s certificate numbers; we check it and send an invitation by e-mail.',
    teaserLink: 'Ask to manage {facility}',
    title: 'Are you {facility}?',
    intro:
      'Enter your e-mail address and the number printed on one of {facility}’s OCOP certificates. Chợ CNNT staff check it, then send a sign-in invitation to this address.',
    email: 'E-mail',
    certificate: 'Certificate number',
    certificateHint: 'As printed, e.g. “12/GCN-UBND”. Case, spaces and punctuation do not matter.',
    name: 'Name (optional)',
    phone: 'Phone (optional)',
    submit: 'Send the request',
    errors: 'The request was not sent. Please correct:',
    errEmail: 'Enter a valid e-mail address.',
    errCertificate: 'Enter the certificate number (at most 100 characters).',
    errName: 'The name is longer than 200 characters.',
    errPhone: 'A phone number has only digits (6 to 40 characters) and may start with “+”.',
    errUnknown:
      'No certificate numbered “{number}” is in the registry. Check the number printed on the certificate.',
    errOtherFacility:
      'Certificate “{number}” is not one of {facility}’s. Enter the number of one of this facility’s certificates.',
    errRateLimited: 'Too many requests from your address. Please try again in a few minutes.',
    errTooLarge: 'The request is too large; nothing was saved.',
    sentTitle: 'Request received',
    sent: 'Thank you. If the details match the registry, Chợ CNNT staff review the request and answer by e-mail within a few working days. If you had already asked for this facility, we keep the earlier request.',
    back: 'Back to {facility}',
    mailSubject: 'Your request to manage {facility} on Chợ CNNT was not accepted',
    mailBody:
      'Hello,\n\nYour request to manage {facility} on Chợ CNNT was not accepted.\n\nReason: {reason}\n\nYou can send a new request from the facility’s page once you have the right details.',
  },
});
