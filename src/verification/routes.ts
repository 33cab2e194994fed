/** Static paths of the per-certificate pages (verification page and badge kit), in both languages. */
import type { Catalogue } from '~/catalogue';
import { type Locale, type LocaleParam, localeStaticPaths } from '~/i18n/locales';

/** Path segments under /verify/ that belong to other pages: a certificate with such an id would be shadowed. */
export const RESERVED_CERTIFICATE_IDS: readonly string[] = ['check', 'report'];

export function certificateStaticPaths(
  catalogue: Catalogue,
): { params: { locale: LocaleParam; id: string }; props: { locale: Locale; certificateId: string } }[] {
  const reserved = catalogue.data.certificates.find((c) => RESERVED_CERTIFICATE_IDS.includes(c.id));
  if (reserved) {
    throw new Error(
      `Certificate id "${reserved.id}" is reserved for pages under /verify/ (${RESERVED_CERTIFICATE_IDS.join(', ')}); rename it in content/registry/certificates.json`,
    );
  }
  return localeStaticPaths().flatMap(({ params, props }) =>
    catalogue.data.certificates.map((c) => ({
      params: { locale: params.locale, id: c.id },
      props: { locale: props.locale, certificateId: c.id },
    })),
  );
}
