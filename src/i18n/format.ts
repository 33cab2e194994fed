/** vi-VN first formatting of money, numbers and dates. VND is a zero-decimal currency. */
import { LOCALE_TAGS, type Locale } from './locales';

const vndFormatters = new Map<Locale, Intl.NumberFormat>();
const numberFormatters = new Map<Locale, Intl.NumberFormat>();

/** 125000 → "125.000 ₫" (vi) / "₫125,000" (en). Whole đồng only: amounts are never scaled. */
export function formatVnd(amount: number, locale: Locale = 'vi'): string {
  let f = vndFormatters.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE_TAGS[locale], {
      style: 'currency',
      currency: 'VND',
      maximumFractionDigits: 0,
      minimumFractionDigits: 0,
    });
    vndFormatters.set(locale, f);
  }
  // Intl puts a no-break space before ₫ in vi-VN; keep it (it prevents a line break).
  return f.format(amount);
}

export function formatNumber(value: number, locale: Locale = 'vi'): string {
  let f = numberFormatters.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE_TAGS[locale], { maximumFractionDigits: 1 });
    numberFormatters.set(locale, f);
  }
  return f.format(value);
}

/**
 * Created once: every Intl formatter holds tens of kilobytes of native (ICU) memory the garbage
 * collector does not see, so one per call grew a 12,000-product build by gigabytes.
 */
const enDateFormat = new Intl.DateTimeFormat(LOCALE_TAGS.en, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2026-12-31" → "31/12/2026" (vi) / "31 Dec 2026" (en). Dates are calendar dates, no time zone shift. */
export function formatDate(isoDate: string, locale: Locale = 'vi'): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  if (locale === 'vi') return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
  return enDateFormat.format(new Date(Date.UTC(y, m - 1, d)));
}

const DATE_TIME: Record<Locale, Intl.DateTimeFormat> = {
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

/** A moment as the back office and the portal show it: date and time in Vietnam, in the page's language. */
export function formatDateTime(at: Date, locale: Locale): string {
  return DATE_TIME[locale].format(at);
}
