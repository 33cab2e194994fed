/**
 * An indexed, read-only view of the whole catalogue, built from plain arrays so the same code
 * serves Astro pages (from content collections), API routes, CLIs and tests.
 */
import { certificateStatus, type StatusVerdict } from './certificate-status';
import { groupBy } from './group-by';
import type { Certificate, Dataset, Facility, Listing, Product, Variant } from './schemas';

export interface CatalogueData {
  dataset: Dataset;
  facilities: Facility[];
  products: Product[];
  certificates: Certificate[];
  listings: Listing[];
}

export class Catalogue {
  readonly facilityById: ReadonlyMap<string, Facility>;
  readonly productById: ReadonlyMap<string, Product>;
  readonly certificateById: ReadonlyMap<string, Certificate>;
  readonly listingByProduct: ReadonlyMap<string, Listing>;
  readonly variantBySku: ReadonlyMap<string, { variant: Variant; listing: Listing; product: Product }>;
  private readonly productsByFacility: Map<string, Product[]>;
  private readonly certificatesByProduct: Map<string, Certificate[]>;
  /**
   * The catalogue as built from the files, before live overlays (revocations, listings saved by
   * facilities): what is "seeded once" from the files is keyed on it, not on every overlay.
   */
  readonly origin: Catalogue;

  constructor(
    readonly data: CatalogueData,
    origin?: Catalogue,
  ) {
    this.origin = origin ?? this;
    this.facilityById = new Map(data.facilities.map((f) => [f.id, f]));
    this.productById = new Map(data.products.map((p) => [p.id, p]));
    this.certificateById = new Map(data.certificates.map((c) => [c.id, c]));
    this.listingByProduct = new Map(data.listings.map((l) => [l.productId, l]));
    this.productsByFacility = groupBy(data.products, (p) => p.facilityId);
    this.certificatesByProduct = groupBy(data.certificates, (c) => c.productId);
    const skus = new Map<string, { variant: Variant; listing: Listing; product: Product }>();
    for (const listing of data.listings) {
      const product = this.productById.get(listing.productId);
      if (!product) continue;
      for (const variant of listing.variants) skus.set(variant.sku, { variant, listing, product });
    }
    this.variantBySku = skus;
  }

  get isSample(): boolean {
    return this.data.dataset.sample;
  }

  productsOf(facilityId: string): Product[] {
    return this.productsByFacility.get(facilityId) ?? [];
  }

  /** A product's certificates, highest level and newest first. */
  certificatesOf(productId: string): Certificate[] {
    return this.certificatesByProduct.get(productId) ?? [];
  }

  certificatesOfFacility(facilityId: string): Certificate[] {
    return this.productsOf(facilityId).flatMap((p) => this.certificatesOf(p.id));
  }

  statusOf(certificate: Certificate, asOf: string): StatusVerdict {
    return certificateStatus(certificate, this.certificatesOf(certificate.productId), asOf);
  }
}
