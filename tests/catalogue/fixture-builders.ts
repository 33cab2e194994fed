/**
 * Builders for hand-made test catalogues: each fills the fields a test does not care about with
 * valid defaults, so a fixture line says only what matters to it.
 */
import { Catalogue, type CatalogueData } from '~/catalogue/catalogue';
import type { Certificate, Facility, Product } from '~/catalogue/schemas';

export const facility = (
  id: string,
  name: string,
  province: string,
  extra: Partial<Facility> = {},
): Facility => ({
  id,
  name,
  type: 'company',
  province,
  provinceAsListed: province,
  photos: [],
  ...extra,
});

export const product = (id: string, name: string, facilityId: string, group: Product['group']): Product => ({
  id,
  name,
  group,
  facilityId,
  isSet: false,
  photos: [],
});

/** Valid for three years after its round; a regional certificate gets the north unless told. */
export const certificate = (
  id: string,
  productId: string,
  facilityId: string,
  level: Certificate['level'],
  year: number,
  extra: Partial<Certificate> = {},
): Certificate => ({
  id,
  productId,
  facilityId,
  level,
  year,
  issuedBy: 'Bộ Công Thương',
  validUntil: `${year + 3}-12-31`,
  provinceAsListed: 'Hà Nội',
  ...(level === 'regional' ? { region: 'north' as const } : {}),
  ...extra,
});

/** A sample-flagged catalogue over the given records. */
export function catalogueOf(parts: Omit<CatalogueData, 'dataset'>): Catalogue {
  return new Catalogue({ dataset: { id: 'dataset', sample: true }, ...parts });
}
