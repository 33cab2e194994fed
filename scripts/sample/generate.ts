/**
 * The seeded sample catalogue: facilities, certified products, certificates and listings at the
 * programme's real scale by default (about 2,150 regional and national certificates from the
 * 2012–2024 rounds on about 1,700 facilities, plus province, district and commune
 * certificates). Deterministic: the same options give the same data, byte for byte. No
 * Math.random, no clock. The registry goes through the import's merge so the sample follows
 * exactly the identity and id rules an import of the same lists would.
 */
import type { CatalogueData } from '~/catalogue/catalogue';
import { planCertificates } from './certificates';
import { withFacilityExtras, withRevocations } from './extras';
import { facilityCountFor, planFacilities } from './facilities';
import { productsAndListings } from './listings';
import { Rng } from './prng';
import { planProducts } from './products';
import { mergeSampleRegistry, registryRows } from './registry';

export const DEFAULT_PRODUCTS = 3000;
export const DEFAULT_SEED = 2025;

export interface SampleOptions {
  products?: number;
  seed?: number;
  /** Called as work progresses (fraction 0–1). */
  onProgress?: (fraction: number, stage: string) => void;
}

export function generateSample(options: SampleOptions = {}): CatalogueData {
  const productsTarget = Math.max(1, Math.floor(options.products ?? DEFAULT_PRODUCTS));
  const seed = Math.floor(options.seed ?? DEFAULT_SEED);
  const progress = options.onProgress ?? (() => {});
  // Each step draws from its own fork of the seed, taken in this order: how many numbers one
  // step draws does not change what the next ones draw.
  const rng = new Rng(seed);

  const plannedFacilities = planFacilities(rng.fork('facilities'), facilityCountFor(productsTarget));
  progress(0.1, 'facilities');
  const plannedProducts = planProducts(rng.fork('products'), plannedFacilities, productsTarget);
  progress(0.25, 'products');
  // Adds each product's certificates to its plan.
  planCertificates(rng.fork('certificates'), plannedProducts, productsTarget, progress);

  const registry = mergeSampleRegistry(registryRows(plannedFacilities));
  progress(0.65, 'registry');
  const extras = rng.fork('extras');
  const facilities = withFacilityExtras(extras, registry.facilities, plannedFacilities);
  const certificates = withRevocations(extras, registry.certificates);
  progress(0.75, 'registry');

  const { products, listings } = productsAndListings(
    rng.fork('listings'),
    registry,
    facilities,
    plannedProducts,
    progress,
  );
  progress(1, 'done');

  return {
    dataset: { id: 'dataset', sample: true, generatedBy: 'npm run sample', seed },
    facilities,
    products,
    certificates,
    listings,
  };
}
