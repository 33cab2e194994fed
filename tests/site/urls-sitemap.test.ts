import { describe, expect, it } from 'vitest';
import { Catalogue } from '~/catalogue/catalogue';
import { assertProductSlug, browsePath, RESERVED_PRODUCT_SLUGS } from '~/catalogue/urls';
import { directoryQueryString, parseDirectoryQuery } from '~/site/directory';
import { browseRoutes, facilityRoutes, productRoutes } from '~/site/routes';
import { SiteIndex } from '~/site/site-index';
import { chunk, sitemapIndexXml, sitemapPaths, sitemapXml } from '~/site/sitemap';
import { AS_OF, fixtureCatalogue } from './fixture';

const index = new SiteIndex(fixtureCatalogue(), AS_OF);

describe('browse URLs', () => {
  it('keeps page 1 at the list URL and later pages under page/N/', () => {
    expect(browsePath(null)).toBe('/products/');
    expect(browsePath(null, 3)).toBe('/products/page/3/');
    expect(browsePath({ dimension: 'group', value: 'food' })).toBe('/products/group/food/');
    expect(browsePath({ dimension: 'province', value: 'ha-noi' }, 2)).toBe(
      '/products/province/ha-noi/page/2/',
    );
  });

  it('refuses product ids that would shadow browse pages', () => {
    for (const slug of RESERVED_PRODUCT_SLUGS) expect(() => assertProductSlug(slug)).toThrow(/reserved/);
    expect(() => assertProductSlug('nuoc-mam')).not.toThrow();
    const { data } = fixtureCatalogue();
    const renamed = {
      ...data,
      products: [{ ...data.products[3]!, id: 'page' }],
      certificates: [],
      listings: [],
    };
    expect(() => productRoutes(new SiteIndex(new Catalogue(renamed), AS_OF))).toThrow(/"page" is reserved/);
  });
});

describe('routes', () => {
  it('builds every page once per locale, with the locale param only for English', () => {
    const products = productRoutes(index);
    expect(products).toHaveLength(8);
    expect(products[0]).toEqual({
      params: { slug: 'binh-gom', locale: undefined },
      props: { productId: 'binh-gom', locale: 'vi' },
    });
    expect(products[4]!.params.locale).toBe('en');
    expect(facilityRoutes(index)).toHaveLength(6);
  });

  it('splits browse pages between the four route files', () => {
    expect(browseRoutes(index, 'all-first')).toEqual([
      { params: { locale: undefined }, props: { filter: null, page: 1, pages: 1, locale: 'vi' } },
      { params: { locale: 'en' }, props: { filter: null, page: 1, pages: 1, locale: 'en' } },
    ]);
    expect(browseRoutes(index, 'dimension-first')).toHaveLength(26);
    expect(browseRoutes(index, 'all-later')).toEqual([]);
    expect(browseRoutes(index, 'dimension-first')[0]!.params).toEqual({
      dimension: 'group',
      value: 'handicraft',
      locale: undefined,
    });
  });
});

describe('sitemap', () => {
  const site = new URL('https://cho.example');

  it('lists top pages, browse pages, products and facilities once each', () => {
    const paths = sitemapPaths(index);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain('/products/binh-gom/');
    expect(paths).toContain('/facilities/co-khi-hue/');
    expect(paths).toContain('/products/level/national/');
    expect(paths).toContain('/programme/');
  });

  it('writes both locales with hreflang alternates', () => {
    const xml = sitemapXml(['/products/binh-gom/'], site);
    expect(xml).toContain('<loc>https://cho.example/products/binh-gom/</loc>');
    expect(xml).toContain('<loc>https://cho.example/en/products/binh-gom/</loc>');
    expect(xml.match(/hreflang="en" href="https:\/\/cho.example\/en\/products\/binh-gom\/"/g)).toHaveLength(
      2,
    );
    expect(xml).toContain('hreflang="x-default" href="https://cho.example/products/binh-gom/"');
  });

  it('indexes the sitemap files and escapes XML', () => {
    const xml = sitemapIndexXml(['/sitemaps/0.xml'], site, '2025-01-02');
    expect(xml).toContain(
      '<sitemap><loc>https://cho.example/sitemaps/0.xml</loc><lastmod>2025-01-02</lastmod></sitemap>',
    );
    expect(sitemapXml(['/a&b/'], site)).toContain('/a&amp;b/');
  });

  it('chunks long lists', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});

describe('facility directory query', () => {
  it('keeps known filters, reports unknown ones, defaults the page', () => {
    expect(parseDirectoryQuery(new URLSearchParams('province=ha-noi&group=food&level=xyz&page=0'))).toEqual({
      filter: { province: 'ha-noi', group: 'food' },
      page: 1,
      invalid: ['level'],
    });
    expect(parseDirectoryQuery(new URLSearchParams('page=3&type=household')).page).toBe(3);
  });

  it('writes the query string back, page 1 omitted', () => {
    expect(directoryQueryString({ province: 'ha-noi', level: 'national' }, 2)).toBe(
      '?province=ha-noi&level=national&page=2',
    );
    expect(directoryQueryString({}, 1)).toBe('');
  });
});
