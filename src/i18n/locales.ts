/** Locales and locale-aware paths: Vietnamese at the root, English under /en/ with the same paths. */

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';

/** BCP 47 tags used for Intl formatting and `lang` attributes. */
export const LOCALE_TAGS: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

/** The `[...locale]` route parameter: undefined for Vietnamese, "en" for English. */
export type LocaleParam = undefined | 'en';

export function localeParam(locale: Locale): LocaleParam {
  return locale === 'en' ? 'en' : undefined;
}

/** Reads the `[...locale]` parameter; null when it is not a locale (the route should 404). */
export function localeFromParam(param: string | undefined): Locale | null {
  if (param === undefined || param === '') return 'vi';
  return param === 'en' ? 'en' : null;
}

/** getStaticPaths entries for a page that exists once per locale. */
export function localeStaticPaths(): { params: { locale: LocaleParam }; props: { locale: Locale } }[] {
  return LOCALES.map((locale) => ({ params: { locale: localeParam(locale) }, props: { locale } }));
}

/** "/products/x/" → "/en/products/x/" for English; unchanged for Vietnamese. */
export function localePath(locale: Locale, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  return locale === DEFAULT_LOCALE ? clean : `/${locale}${clean}`;
}

/** Removes a locale prefix: "/en/products/x/" → "/products/x/". */
export function stripLocale(pathname: string): string {
  const match = /^\/en(\/.*)?$/.exec(pathname);
  return match ? (match[1] ?? '/') : pathname;
}

export function localeOfPath(pathname: string): Locale {
  return /^\/en(\/|$)/.test(pathname) ? 'en' : 'vi';
}

/** Picks the text for a locale; content falls back to Vietnamese. */
export function pickText(
  text: { vi: string; en?: string | undefined } | undefined,
  locale: Locale,
): string | undefined {
  if (!text) return undefined;
  return locale === 'en' ? (text.en ?? text.vi) : text.vi;
}
