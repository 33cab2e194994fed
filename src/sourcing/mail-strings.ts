import { defineStrings } from '~/i18n/strings';

/**
 * E-mail texts of quote requests. Facilities are written to in Vietnamese; the buyer in the
 * language they used on the site.
 */
export const quoteMailStrings = defineStrings({
  vi: {
    facilitySubject: 'Yêu cầu báo giá {reference} từ {company}',
    relayNote:
      'Gửi ban điều hành: {facility} chưa có e-mail. Vui lòng gọi {phone} để chuyển yêu cầu dưới đây; câu trả lời có thể nhập thay cơ sở qua liên kết ở cuối thư.',
    facilityIntro:
      'Kính gửi {facility},\n\n{company} (mã số thuế {taxCode}) đề nghị cơ sở báo giá các sản phẩm sau qua Chợ CNNT:',
    facilityItem:
      '- {product} ({variant}, mã {sku}): {quantity} sản phẩm (giá sỉ tham khảo {price}/sản phẩm)',
    facilityBuyer: 'Người liên hệ: {contact}, điện thoại {phone}, e-mail {email}. Giao hàng tại {province}.',
    facilityTarget: 'Ngày cần hàng: {date}.',
    facilityMessage: 'Lời nhắn của người mua:\n{message}',
    facilityLink:
      'Trả lời (đơn giá, số lượng cung cấp được, thời gian giao) hoặc từ chối tại liên kết riêng của cơ sở, có hiệu lực đến {expires}:\n{url}',
    signature: 'Chợ CNNT: sản phẩm công nghiệp nông thôn tiêu biểu',
    buyerSubject: 'Đã gửi yêu cầu báo giá {reference}',
    buyerIntro: 'Chào {contact},\n\nYêu cầu báo giá {reference} của {company} đã được gửi đến {count} cơ sở:',
    buyerFacility: '- {facility}: {items} sản phẩm',
    buyerNoEmail: '- {facility}: cơ sở chưa có e-mail, vui lòng gọi {phone}',
    buyerRelayed:
      '- {facility}: {items} sản phẩm (cơ sở chưa có e-mail; ban điều hành chuyển yêu cầu qua điện thoại {phone})',
    buyerStatus: 'Xem câu trả lời của các cơ sở tại:\n{url}',
    answerSubject: '{facility} đã trả lời yêu cầu báo giá {reference}',
    declineSubject: '{facility} từ chối yêu cầu báo giá {reference}',
    answerIntro: 'Chào {contact},\n\n{facility} đã trả lời yêu cầu báo giá {reference}.',
    declineIntro: 'Chào {contact},\n\n{facility} không cung cấp được theo yêu cầu báo giá {reference}.',
    answerItem: '- {product} ({variant}): {price}/sản phẩm, cung cấp được {quantity}, giao trong {days} ngày',
    answerItemNotOffered: '- {product} ({variant}): cơ sở không báo giá sản phẩm này',
    answerMessage: 'Lời nhắn của cơ sở:\n{message}',
    answerValidUntil: 'Báo giá có hiệu lực đến {date}.',
  },
  en: {
    facilitySubject: 'Quote request {reference} from {company}',
    relayNote:
      'To the operators: {facility} has no e-mail address. Please call {phone} to pass on the request below; you may enter its answer through the link at the end.',
    facilityIntro:
      'Dear {facility},\n\n{company} (tax code {taxCode}) asks for a quote for the following products through Chợ CNNT:',
    facilityItem:
      '- {product} ({variant}, SKU {sku}): {quantity} units (indicative wholesale price {price}/unit)',
    facilityBuyer: 'Contact: {contact}, phone {phone}, e-mail {email}. Delivery to {province}.',
    facilityTarget: 'Needed by: {date}.',
    facilityMessage: 'Message from the buyer:\n{message}',
    facilityLink:
      'Answer (unit price, quantity you can supply, lead time) or decline through your own link, valid until {expires}:\n{url}',
    signature: 'Chợ CNNT: typical rural industrial products of Vietnam',
    buyerSubject: 'Quote request {reference} sent',
    buyerIntro:
      'Hello {contact},\n\nQuote request {reference} from {company} was sent to {count} facilities:',
    buyerFacility: '- {facility}: {items} products',
    buyerNoEmail: '- {facility}: the facility has no e-mail address, please call {phone}',
    buyerRelayed:
      '- {facility}: {items} products (no e-mail address; the programme’s operators pass it on by phone, {phone})',
    buyerStatus: 'See the facilities’ answers at:\n{url}',
    answerSubject: '{facility} answered quote request {reference}',
    declineSubject: '{facility} declined quote request {reference}',
    answerIntro: 'Hello {contact},\n\n{facility} answered quote request {reference}.',
    declineIntro: 'Hello {contact},\n\n{facility} cannot supply quote request {reference}.',
    answerItem: '- {product} ({variant}): {price}/unit, can supply {quantity}, ships in {days} days',
    answerItemNotOffered: '- {product} ({variant}): not quoted by the facility',
    answerMessage: 'Message from the facility:\n{message}',
    answerValidUntil: 'These prices are valid until {date}.',
  },
});
