/** Plain-text e-mails of the quote flow, composed from what was stored. */

import { todayInVietnam } from '~/catalogue';
import { formatDate, formatNumber, formatVnd } from '~/i18n/format';
import type { Locale } from '~/i18n/locales';
import type { QuoteRequestItemRow, QuoteRequestRow, QuoteRow } from './db-schema';
import { quoteMailStrings } from './mail-strings';
import { memberMailStrings } from './member-mail-strings';

export interface Mail {
  subject: string;
  text: string;
}

const paragraphs = (...parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join('\n\n');

type RequestedItem = Pick<
  QuoteRequestItemRow,
  'productName' | 'variantName' | 'sku' | 'quantity' | 'indicativeUnitPrice'
>;

/** One line per item asked, as both facility e-mails list them (in Vietnamese). */
function itemLines(items: readonly RequestedItem[]): string[] {
  const t = quoteMailStrings('vi');
  return items.map((i) =>
    t('facilityItem', {
      product: i.productName,
      variant: i.variantName,
      sku: i.sku,
      quantity: formatNumber(i.quantity, 'vi'),
      price: formatVnd(i.indicativeUnitPrice, 'vi'),
    }),
  );
}

/** To a facility: what is asked, by whom, and its signed link to answer. Always in Vietnamese. */
export function facilityRequestMail(
  quote: QuoteRow,
  request: Pick<QuoteRequestRow, 'facilityName' | 'facilityPhone' | 'relayedTo'>,
  items: readonly RequestedItem[],
  link: { url: string; expires: Date },
): Mail {
  const locale: Locale = 'vi';
  const t = quoteMailStrings(locale);
  const lines = itemLines(items);
  return {
    subject: t('facilitySubject', { reference: quote.reference, company: quote.companyName }),
    text: paragraphs(
      request.relayedTo &&
        t('relayNote', { facility: request.facilityName, phone: request.facilityPhone ?? '—' }),
      `${t('facilityIntro', { facility: request.facilityName, company: quote.companyName, taxCode: quote.taxCode })}\n${lines.join('\n')}`,
      t('facilityBuyer', {
        contact: quote.contactName,
        phone: quote.phone,
        email: quote.email,
        province: quote.province,
      }),
      quote.targetDate && t('facilityTarget', { date: formatDate(quote.targetDate, locale) }),
      quote.message && t('facilityMessage', { message: quote.message }),
      t('facilityLink', { url: link.url, expires: formatDate(todayInVietnam(link.expires), locale) }),
      t('signature'),
    ),
  };
}

/**
 * To a member of the facility (a copy, when their inbox preferences ask for it): what is asked
 * and by which company, and the request in the portal's inbox; the buyer's contact details and
 * the answer form are behind sign-in, never a signed link. Always in Vietnamese.
 */
export function memberRequestMail(
  quote: Pick<QuoteRow, 'reference' | 'companyName' | 'targetDate'>,
  request: Pick<QuoteRequestRow, 'facilityName'>,
  items: readonly RequestedItem[],
  inboxUrl: string,
): Mail {
  const locale: Locale = 'vi';
  const t = quoteMailStrings(locale);
  const m = memberMailStrings(locale);
  const vars = { reference: quote.reference, company: quote.companyName, facility: request.facilityName };
  const lines = itemLines(items);
  return {
    subject: m('subject', vars),
    text: paragraphs(
      `${m('intro', vars)}\n${lines.join('\n')}`,
      quote.targetDate && t('facilityTarget', { date: formatDate(quote.targetDate, locale) }),
      m('inboxAction', { url: inboxUrl }),
      m('why', vars),
      t('signature'),
    ),
  };
}

/** To the buyer: the reference, who was asked, and the status page. */
export function buyerConfirmationMail(
  quote: QuoteRow,
  requests: readonly (Pick<
    QuoteRequestRow,
    'facilityName' | 'facilityEmail' | 'facilityPhone' | 'relayedTo'
  > & { itemCount: number })[],
  statusUrl: string,
): Mail {
  const t = quoteMailStrings(quote.locale);
  const lines = requests.map((r) => {
    const vars = { facility: r.facilityName, items: r.itemCount, phone: r.facilityPhone ?? '—' };
    if (r.facilityEmail) return t('buyerFacility', vars);
    return t(r.relayedTo ? 'buyerRelayed' : 'buyerNoEmail', vars);
  });
  return {
    subject: t('buyerSubject', { reference: quote.reference }),
    text: paragraphs(
      `${t('buyerIntro', { contact: quote.contactName, reference: quote.reference, company: quote.companyName, count: requests.length })}\n${lines.join('\n')}`,
      t('buyerStatus', { url: statusUrl }),
      t('signature'),
    ),
  };
}

/** To the buyer: one facility's answer or refusal. */
export function buyerAnswerMail(
  quote: QuoteRow,
  request: Pick<QuoteRequestRow, 'facilityName' | 'status' | 'facilityMessage'> &
    Partial<Pick<QuoteRequestRow, 'validUntil'>>,
  items: readonly Pick<
    QuoteRequestItemRow,
    'productName' | 'variantName' | 'offeredUnitPrice' | 'offeredQuantity' | 'leadTimeDays'
  >[],
  statusUrl: string,
): Mail {
  const locale = quote.locale;
  const t = quoteMailStrings(locale);
  const vars = { facility: request.facilityName, reference: quote.reference, contact: quote.contactName };
  const declined = request.status === 'declined';
  const lines = items.map((i) =>
    i.offeredUnitPrice !== null && i.offeredQuantity !== null
      ? t('answerItem', {
          product: i.productName,
          variant: i.variantName,
          price: formatVnd(i.offeredUnitPrice, locale),
          quantity: formatNumber(i.offeredQuantity, locale),
          days: i.leadTimeDays ?? 0,
        })
      : t('answerItemNotOffered', { product: i.productName, variant: i.variantName }),
  );
  return {
    subject: t(declined ? 'declineSubject' : 'answerSubject', vars),
    text: paragraphs(
      t(declined ? 'declineIntro' : 'answerIntro', vars),
      !declined && lines.join('\n'),
      !declined &&
        request.validUntil &&
        t('answerValidUntil', { date: formatDate(request.validUntil, locale) }),
      request.facilityMessage && t('answerMessage', { message: request.facilityMessage }),
      t('buyerStatus', { url: statusUrl }),
      t('signature'),
    ),
  };
}
