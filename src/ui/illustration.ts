/**
 * The words that say a picture is a drawing, not a photograph of the product (the label is
 * ./IllustrationLabel.astro). Pure: pages, the Open Graph image and the live layer share them.
 */
import type { Locale } from '~/i18n/locales';
import { uiStrings } from './strings';

/** The visible label over a drawing: "Ảnh minh họa" / "Illustration". */
export function illustrationLabel(locale: Locale): string {
  return uiStrings(locale)('illustrationLabel');
}

/**
 * A photo's alt text: "Ảnh minh họa: {alt}" for a drawing, `alt` itself for a real photo. A
 * decorative image (alt "") stays decorative: the text next to it names the product.
 */
export function photoAlt(alt: string, illustration: boolean, locale: Locale): string {
  return illustration && alt !== '' ? uiStrings(locale)('illustrationAlt', { name: alt }) : alt;
}
