/** A moment as the console shows it: date and time in Vietnam, in the page's language. */
import { LOCALE_TAGS, type Locale } from '~/i18n/locales';

const FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  vi: new Intl.DateTimeFormat(LOCALE_TAGS.vi, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }),
  en: new Intl.DateTimeFormat(LOCALE_TAGS.en, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }),
};

export function formatDateTime(at: Date, locale: Locale): string {
  return FORMATS[locale].format(at);
}
