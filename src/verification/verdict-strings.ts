/**
 * The sentences of a verdict. Kept apart from the page strings (strings.ts) because the
 * <live-verdict> island ships them to the browser: this table stays small.
 */
import { defineStrings } from '~/i18n/strings';

export const verdictStrings = defineStrings({
  vi: {
    validHeadline: 'Chứng nhận CÒN HIỆU LỰC',
    validLine: 'Còn hiệu lực đến hết ngày {date}.',
    expiredHeadline: 'Chứng nhận ĐÃ HẾT HIỆU LỰC',
    expiredLine: 'Hết hiệu lực từ ngày {since} (hiệu lực đến hết ngày {validUntil}).',
    revokedHeadline: 'Chứng nhận ĐÃ BỊ THU HỒI',
    revokedLine: 'Thu hồi từ ngày {date}.',
    revokedReason: 'Lý do: {reason}',
    revokedDecision: 'Quyết định thu hồi: {decision}',
    supersededHeadline: 'Chứng nhận ĐÃ ĐƯỢC THAY THẾ',
    supersededLine: 'Từ ngày {since}, sản phẩm này có chứng nhận mới hơn: {level}, năm {year}{number}.',
    supersededNumber: ', số {number}',
    supersededLink: 'Xem chứng nhận mới',
    scheduledRevocation: 'Lưu ý: chứng nhận sẽ bị thu hồi từ ngày {date}. Lý do: {reason}',
    asOfBuild: 'Trạng thái tại ngày {date}, khi trang được tạo.',
    checking: 'Đang kiểm tra trạng thái trực tiếp…',
    live: 'Trạng thái trực tiếp lúc {time} ngày {date}.',
    liveFailed:
      'Không kiểm tra được trạng thái trực tiếp (mất kết nối?). Trạng thái trên là tại ngày {date}.',
    badgeGenuine: 'Mã QR trên tem là thật: chữ ký số của Chương trình hợp lệ.',
    badgeOutdated:
      'Mã QR là thật nhưng thông tin mã QR ghi ({level}, năm {year}, hiệu lực đến {date}) khác với sổ đăng ký hiện nay. Hãy tin thông tin trên trang này.',
    badgeForged: 'CẢNH BÁO: mã QR trên tem không có chữ ký hợp lệ của Chương trình. Có thể là hàng giả.',
    badgeOtherCertificate:
      'CẢNH BÁO: mã QR trên tem thuộc về một chứng nhận khác (số {number}). Tem có thể bị sao chép. Có thể là hàng giả.',
    badgeUnknownCertificate:
      'CẢNH BÁO: mã QR trên tem chỉ đến một chứng nhận không có trong sổ đăng ký. Có thể là hàng giả.',
    reportLink: 'Báo cáo tem nghi giả',
  },
  en: {
    validHeadline: 'Certificate VALID',
    validLine: 'Valid until the end of {date}.',
    expiredHeadline: 'Certificate EXPIRED',
    expiredLine: 'Expired since {since} (it was valid until the end of {validUntil}).',
    revokedHeadline: 'Certificate REVOKED',
    revokedLine: 'Revoked on {date}.',
    revokedReason: 'Reason: {reason}',
    revokedDecision: 'Revocation decision: {decision}',
    supersededHeadline: 'Certificate SUPERSEDED',
    supersededLine: 'Since {since} this product has a newer certificate: {level}, {year}{number}.',
    supersededNumber: ', number {number}',
    supersededLink: 'See the newer certificate',
    scheduledRevocation: 'Note: this certificate will be revoked on {date}. Reason: {reason}',
    asOfBuild: 'Status on {date}, when this page was built.',
    checking: 'Checking the live status…',
    live: 'Live status at {time} on {date}.',
    liveFailed: 'The live status could not be checked (offline?). The status above is as of {date}.',
    badgeGenuine: 'The QR code on the badge is genuine: the programme’s digital signature is valid.',
    badgeOutdated:
      'The QR code is genuine but what it states ({level}, {year}, valid until {date}) differs from the register today. Trust this page.',
    badgeForged:
      'WARNING: the QR code on the badge has no valid programme signature. The product may be counterfeit.',
    badgeOtherCertificate:
      'WARNING: the QR code on the badge belongs to another certificate (number {number}). The badge may have been copied. The product may be counterfeit.',
    badgeUnknownCertificate:
      'WARNING: the QR code on the badge points to a certificate that is not in the register. The product may be counterfeit.',
    reportLink: 'Report a suspected fake badge',
  },
});
