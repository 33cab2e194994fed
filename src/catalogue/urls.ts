/**
 * Paths of the catalogue pages, without the locale prefix (wrap them in localePath). Other
 * capabilities link to products, facilities and certificates through these helpers.
 */
import { LEVELS, PRODUCT_GROUPS, REGIONS } from './programme';

export const productPath = (productId: string): string => `/products/${productId}/`;
export const facilityPath = (facilityId: string): string => `/facilities/${facilityId}/`;
export const verifyPath = (certificateId: string): string => `/verify/${certificateId}/`;
export const badgeKitPath = (certificateId: string): string => `/verify/${certificateId}/badge/`;
/** Open Graph image of a product (1200×630 JPEG, one per product, shared by both locales). */
export const productOgImagePath = (productId: string): string => `/og/products/${productId}.jpg`;

/** The single-filter browse pages; combining filters is the search page's job. */
export const BROWSE_DIMENSIONS = ['group', 'level', 'region', 'province'] as const;
export type BrowseDimension = (typeof BROWSE_DIMENSIONS)[number];
export type BrowseFilter = { dimension: BrowseDimension; value: string } | null;

/**
 * First path segments under /products/ that belong to browse pages. A product whose id is one
 * of these would be shadowed, so the product pages refuse to build it (see assertProductSlug).
 */
export const RESERVED_PRODUCT_SLUGS: readonly string[] = [...BROWSE_DIMENSIONS, 'page'];

export function assertProductSlug(productId: string): void {
  if (RESERVED_PRODUCT_SLUGS.includes(productId)) {
    throw new Error(
      `Product id "${productId}" is reserved for browse pages under /products/ (${RESERVED_PRODUCT_SLUGS.join(', ')}); rename it in content/registry/products.json`,
    );
  }
}

/** Known values of the fixed dimensions; provinces are checked against the province list. */
export const FIXED_DIMENSION_VALUES: Record<Exclude<BrowseDimension, 'province'>, readonly string[]> = {
  group: PRODUCT_GROUPS,
  level: LEVELS,
  region: REGIONS,
};

/** "/products/", "/products/page/3/", "/products/group/food/", "/products/group/food/page/2/". */
export function browsePath(filter: BrowseFilter, page = 1): string {
  const base = filter ? `/products/${filter.dimension}/${filter.value}/` : '/products/';
  return page > 1 ? `${base}page/${page}/` : base;
}
