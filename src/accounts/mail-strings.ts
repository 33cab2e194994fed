import { defineStrings } from '~/i18n/strings';

/**
 * Texts of the messages accounts send. The address's language is not known before its first
 * sign-in, so each message carries Vietnamese first, then English.
 */
export const accountMailStrings = defineStrings({
  vi: {
    codeSubject: 'Chợ CNNT: mã đăng nhập {code}',
    codeBody:
      'Mã đăng nhập vào khu vực quản trị Chợ CNNT của bạn là {code}. Mã có hiệu lực {minutes} phút và chỉ dùng được một lần. Nếu bạn không yêu cầu mã này, hãy bỏ qua thư.',
    inviteSubject: 'Chợ CNNT: lời mời tham gia khu vực quản trị',
    inviteBody:
      '{inviter} mời bạn tham gia Chợ CNNT với vai trò {role}. Đăng nhập trước {expires} tại: {url} (mã đăng nhập sẽ được gửi đến địa chỉ này).',
    role_admin: 'quản trị viên',
    role_operator: 'cán bộ vận hành',
    role_facility: 'thành viên cơ sở {facility}',
  },
  en: {
    codeSubject: 'Chợ CNNT: sign-in code {code}',
    codeBody:
      'Your code to sign in to the Chợ CNNT back office is {code}. It is valid for {minutes} minutes and works once. If you did not ask for it, ignore this message.',
    inviteSubject: 'Chợ CNNT: invitation to the back office',
    inviteBody:
      '{inviter} invites you to Chợ CNNT as {role}. Sign in before {expires} at: {url} (a sign-in code will be sent to this address).',
    role_admin: 'an administrator',
    role_operator: 'an operator',
    role_facility: 'a member of the facility {facility}',
  },
});
