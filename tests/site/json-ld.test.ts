import { describe, expect, it } from 'vitest';
import { breadcrumbJsonLd, facilityJsonLd, jsonLdScript, productJsonLd } from '~/site/json-ld';
import { SiteIndex } from '~/site/site-index';
import { AS_OF, fixtureCatalogue } from './fixture';

const index = new SiteIndex(fixtureCatalogue(), AS_OF);

function binhGom(): Record<string, unknown> {
  const listing = index.catalogue.listingByProduct.get('binh-gom')!;
  return productJsonLd({
    url: 'https://cho.example/products/binh-gom/',
    name: 'Bình gốm men lam',
    images: ['https://cho.example/_astro/binh.webp'],
    category: 'Thủ công mỹ nghệ',
    facility: { name: 'Cơ sở gom-bat-trang', url: 'https://cho.example/facilities/gom-bat-trang/' },
    certifications: index.certificatesOf('binh-gom').map(({ certificate, status }) => ({
      certificate,
      status,
      name: `Sản phẩm CNNT tiêu biểu ${certificate.level} ${certificate.year}`,
      url: `https://cho.example/verify/${certificate.id}/`,
    })),
    variants: listing.variants.map((variant) => ({ variant, name: variant.name.vi })),
  });
}

describe('productJsonLd', () => {
  it('describes offers in whole đồng with availability and wholesale tiers', () => {
    const ld = binhGom();
    expect(ld['@type']).toBe('Product');
    const offers = ld.offers as Record<string, unknown>[];
    expect(offers.map((o) => [o.sku, o.price, o.priceCurrency, o.availability])).toEqual([
      ['BG-01', 450000, 'VND', 'https://schema.org/InStock'],
      ['BG-02', 1250000, 'VND', 'https://schema.org/MadeToOrder'],
    ]);
    expect(offers[0]!.priceSpecification).toEqual([
      {
        '@type': 'UnitPriceSpecification',
        price: 400000,
        priceCurrency: 'VND',
        eligibleQuantity: { '@type': 'QuantitativeValue', minValue: 10 },
      },
    ]);
  });

  it('names each certificate with its status, identification, issuer and score', () => {
    const certs = binhGom().hasCertification as Record<string, unknown>[];
    expect(certs[0]).toMatchObject({
      '@type': 'Certification',
      certificationIdentification: '3116/QĐ-BCT',
      certificationStatus: 'https://schema.org/CertificationActive',
      issuedBy: { '@type': 'Organization', name: 'Bộ Công Thương' },
      validFrom: '2023-11-20',
      expires: '2026-12-31',
      certificationRating: { '@type': 'Rating', ratingValue: 86, bestRating: 100 },
    });
    expect(certs[1]!.certificationStatus).toBe('https://schema.org/CertificationInactive');
  });

  it('leaves out offers that are not sold online', () => {
    const listing = index.catalogue.listingByProduct.get('may-tuot-lua')!;
    const ld = productJsonLd({
      url: 'u',
      name: 'Máy',
      images: [],
      category: 'c',
      facility: { name: 'f', url: 'f' },
      certifications: [],
      variants: listing.variants.map((variant) => ({ variant, name: 'x' })),
    });
    expect(ld.offers).toBeUndefined();
    expect(ld.image).toBeUndefined();
  });
});

describe('other JSON-LD', () => {
  it('builds an Organization with a Vietnamese postal address', () => {
    const f = index.catalogue.facilityById.get('gom-bat-trang')!;
    expect(
      facilityJsonLd(f, { url: 'https://cho.example/facilities/gom-bat-trang/', provinceName: 'Hà Nội' }),
    ).toMatchObject({
      '@type': 'Organization',
      telephone: '024 3874 0000',
      email: 'gom@example.vn',
      address: { addressRegion: 'Hà Nội', addressCountry: 'VN' },
    });
  });

  it('numbers breadcrumb items from 1', () => {
    const ld = breadcrumbJsonLd([
      { name: 'Trang chủ', url: 'https://x/' },
      { name: 'Sản phẩm', url: 'https://x/products/' },
    ]);
    expect((ld.itemListElement as { position: number }[]).map((i) => i.position)).toEqual([1, 2]);
  });

  it('escapes "<" so data cannot close the script element', () => {
    const text = jsonLdScript({ name: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text).name).toBe('</script><script>alert(1)</script>');
  });
});
