/**
 * The planned certificates as the operators' lists would give them, one row per certificate,
 * merged into a registry by the import's own merge, so the sample follows exactly the identity
 * and id rules an import of the same lists would.
 */

import { provinceUnit } from '~/catalogue/import/identity';
import { mergeRegistry, type Registry, type RegistryRow } from '~/catalogue/import/index';
import { findProvince } from '~/catalogue/provinces';
import { KINDS } from './kinds';
import { MERGER_DAY, type PlannedCert, type PlannedFacility, type PlannedProduct } from './plan';

/** Every planned certificate as a list row, by facility, product, then round (rows numbered from 2, as under a header). */
export function registryRows(facilities: readonly PlannedFacility[]): RegistryRow[] {
  const rows: RegistryRow[] = [];
  let rowNumber = 1;
  for (const facility of facilities) {
    for (const product of facility.products) {
      for (const c of inRoundOrder(product)) {
        rowNumber += 1;
        rows.push(registryRow(rowNumber, facility, product, c));
      }
    }
  }
  return rows;
}

/** Merges the rows into an empty registry; a problem is a bug in the generator. */
export function mergeSampleRegistry(rows: readonly RegistryRow[]): Registry {
  const merged = mergeRegistry({ facilities: [], products: [], certificates: [] }, rows);
  if (merged.problems.length > 0) {
    throw new Error(
      `sample: the generated registry does not merge: ${merged.problems
        .slice(0, 3)
        .map((p) => `${p.row} ${p.column} ${p.message}`)
        .join('; ')}`,
    );
  }
  return merged.registry;
}

function inRoundOrder(product: PlannedProduct): PlannedCert[] {
  return [...product.certs].sort(
    (a, b) => a.year - b.year || (a.issuedOn ?? '').localeCompare(b.issuedOn ?? ''),
  );
}

function registryRow(
  row: number,
  facility: PlannedFacility,
  product: PlannedProduct,
  c: PlannedCert,
): RegistryRow {
  const province = findProvince(c.asListed);
  if (!province) throw new Error(`sample: unknown province ${c.asListed}`);
  return {
    row,
    ...(c.number && { number: c.number }),
    decision: c.decision,
    level: c.level,
    ...(c.level === 'regional' && { region: facility.region }),
    year: c.year,
    ...(c.issuedOn && { issuedOn: c.issuedOn }),
    productName: product.name,
    group: KINDS[product.template.kind].group,
    facilityName: facility.name,
    address: addressOn(facility, c),
    province,
    ...(c.score !== undefined && { score: c.score }),
    ...(facility.phone && { phone: facility.phone }),
    ...(facility.email && { email: facility.email }),
  };
}

/**
 * The address as written on a certificate's list: with its district before the 2025 reform
 * (which abolished districts), without it on lists from the merger on or naming a merged province.
 */
function addressOn(facility: PlannedFacility, c: PlannedCert): string {
  const unit = `${provinceUnit(c.asListed)} ${c.asListed}`;
  const afterReform =
    (c.asListed === facility.current && facility.current !== facility.former) ||
    (c.issuedOn ?? '') >= MERGER_DAY;
  return afterReform
    ? `${facility.lead}, xã ${facility.commune}, ${unit}`
    : `${facility.lead}, xã ${facility.commune}, huyện ${facility.district}, ${unit}`;
}
