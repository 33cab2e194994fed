/** Human-readable labels of an offer's terms, shared by the pages, the islands and the exports. */
import type { Availability, WholesaleTier } from '~/catalogue';
import { formatNumber, formatVnd } from '~/i18n/format';
import type { Locale } from '~/i18n/locales';
import type { OfferCertificate } from './offers';
import { sourcingStrings } from './strings';

export function availabilityLabel(
  offer: { availability: Availability; leadTimeDays?: number | undefined },
  locale: Locale,
): string {
  const t = sourcingStrings(locale);
  if (offer.availability === 'in_stock') return t('inStock');
  if (offer.availability === 'made_to_order') return t('madeToOrder', { days: offer.leadTimeDays ?? '?' });
  return t('notSoldOnline');
}

/** "Từ 100: 95.000 ₫" for each tier, lowest quantity first. */
export function tierLabels(tiers: readonly WholesaleTier[], locale: Locale): string[] {
  const t = sourcingStrings(locale);
  return tiers.map((tier) =>
    t('tierLine', { min: formatNumber(tier.minQuantity, locale), price: formatVnd(tier.unitPrice, locale) }),
  );
}

/** The certificate's public anchor: its printed number, else the recognition decision, else its id. */
export function certificateReference(
  certificate: Pick<OfferCertificate, 'id' | 'number' | 'decision'>,
): string {
  return certificate.number ?? certificate.decision ?? certificate.id;
}
