import { defineStrings } from '~/i18n/strings';

/**
 * Texts of the copy of a facility's quote request sent to its portal members (./quote-mail.ts,
 * memberRequestMail). Facilities read Vietnamese, as with the facility's own message.
 */
export const memberMailStrings = defineStrings({
  vi: {
    subject: '[Cổng cơ sở] Yêu cầu báo giá {reference} từ {company}',
    intro: '{company} gửi {facility} yêu cầu báo giá {reference} trên Chợ CNNT:',
    inboxAction: 'Xem người mua, báo giá hoặc từ chối trong hộp thư của cơ sở (cần đăng nhập): {url}',
    why: 'Bạn nhận thư này vì là thành viên của {facility} trên Cổng cơ sở. Tắt loại thư này tại mục “Thông báo qua e-mail” của hộp thư.',
  },
  en: {
    subject: '[Facility portal] Quote request {reference} from {company}',
    intro: '{company} sent {facility} the quote request {reference} on Chợ CNNT:',
    inboxAction: 'See the buyer, quote or decline in the facility’s inbox (sign-in needed): {url}',
    why: 'You receive this as a member of {facility} in the facility portal. Turn these e-mails off under “E-mail notifications” in the inbox.',
  },
});
