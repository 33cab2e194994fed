/**
 * schema.org structured data for the catalogue pages: Product with Offers in VND and
 * hasCertification → Certification (with certificationStatus), Organization for facilities,
 * BreadcrumbList. Pure builders; pages serialise them with jsonLdScript().
 */
import type { Availability, Certificate, CertificateStatus, Facility, Variant } from '~/catalogue';

type Json = { [key: string]: unknown };

const SCHEMA = 'https://schema.org';

/** JSON for a <script type="application/ld+json">: "<" escaped so no text can close the tag. */
export function jsonLdScript(data: Json): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

export function breadcrumbJsonLd(items: readonly { name: string; url: string }[]): Json {
  return {
    '@context': SCHEMA,
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: item.name,
      item: item.url,
    })),
  };
}

export function facilityJsonLd(
  facility: Facility,
  input: { url: string; provinceName: string; description?: string },
): Json {
  return {
    '@context': SCHEMA,
    '@type': 'Organization',
    '@id': `${input.url}#organization`,
    name: facility.name,
    url: input.url,
    ...(input.description ? { description: input.description } : {}),
    address: {
      '@type': 'PostalAddress',
      ...(facility.address ? { streetAddress: facility.address } : {}),
      addressRegion: input.provinceName,
      addressCountry: 'VN',
    },
    ...(facility.phone ? { telephone: facility.phone } : {}),
    ...(facility.email ? { email: facility.email } : {}),
    ...(facility.website ? { sameAs: [facility.website] } : {}),
  };
}

const AVAILABILITY: Record<Exclude<Availability, 'not_sold_online'>, string> = {
  in_stock: `${SCHEMA}/InStock`,
  made_to_order: `${SCHEMA}/MadeToOrder`,
};

function offerJsonLd(variant: Variant, name: string, url: string): Json | undefined {
  if (variant.availability === 'not_sold_online') return undefined;
  const availability =
    variant.availability === 'in_stock' && variant.stock === 0
      ? `${SCHEMA}/OutOfStock`
      : AVAILABILITY[variant.availability];
  return {
    '@type': 'Offer',
    sku: variant.sku,
    name,
    url,
    // VND has no minor unit: the price is whole đồng, never scaled.
    price: variant.price,
    priceCurrency: 'VND',
    availability,
    itemCondition: `${SCHEMA}/NewCondition`,
    ...(variant.wholesaleTiers.length > 0
      ? {
          priceSpecification: variant.wholesaleTiers.map((tier) => ({
            '@type': 'UnitPriceSpecification',
            price: tier.unitPrice,
            priceCurrency: 'VND',
            eligibleQuantity: { '@type': 'QuantitativeValue', minValue: tier.minQuantity },
          })),
        }
      : {}),
  };
}

export interface CertificationInput {
  certificate: Certificate;
  status: CertificateStatus;
  /** e.g. "Sản phẩm công nghiệp nông thôn tiêu biểu cấp quốc gia năm 2023". */
  name: string;
  /** Absolute URL of the certificate's verification page. */
  url: string;
}

export function certificationJsonLd({ certificate, status, name, url }: CertificationInput): Json {
  return {
    '@type': 'Certification',
    name,
    url,
    certificationIdentification: certificate.number ?? certificate.decision ?? certificate.id,
    certificationStatus: `${SCHEMA}/${status === 'valid' ? 'CertificationActive' : 'CertificationInactive'}`,
    issuedBy: { '@type': 'Organization', name: certificate.issuedBy },
    ...(certificate.issuedOn ? { validFrom: certificate.issuedOn } : {}),
    expires: certificate.revocation?.date ?? certificate.validUntil,
    ...(certificate.score !== undefined
      ? {
          certificationRating: {
            '@type': 'Rating',
            ratingValue: certificate.score,
            bestRating: 100,
            worstRating: 0,
          },
        }
      : {}),
  };
}

export interface ProductJsonLdInput {
  url: string;
  name: string;
  description?: string;
  images: string[];
  category: string;
  facility: { name: string; url: string };
  certifications: CertificationInput[];
  variants: { variant: Variant; name: string }[];
}

export function productJsonLd(input: ProductJsonLdInput): Json {
  const offers = input.variants
    .map(({ variant, name }) => offerJsonLd(variant, name, input.url))
    .filter((o): o is Json => o !== undefined);
  return {
    '@context': SCHEMA,
    '@type': 'Product',
    '@id': `${input.url}#product`,
    name: input.name,
    url: input.url,
    ...(input.description ? { description: input.description } : {}),
    ...(input.images.length > 0 ? { image: input.images } : {}),
    category: input.category,
    manufacturer: {
      '@type': 'Organization',
      '@id': `${input.facility.url}#organization`,
      name: input.facility.name,
      url: input.facility.url,
    },
    brand: { '@type': 'Brand', name: input.facility.name },
    hasCertification: input.certifications.map(certificationJsonLd),
    ...(offers.length > 0 ? { offers } : {}),
  };
}
