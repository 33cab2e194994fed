/**
 * The planned catalogue: what the generator decides (facilities, their products and each
 * product's certificates) before the registry exists, and the helpers the planning steps share.
 */
import type { FacilityType, Level, ProductGroup, Region } from '~/catalogue/programme';
import { KINDS } from './kinds';
import { TEMPLATES, type Template } from './templates';

/** The day the 63 provinces became 34: lists dated from then name the new province. */
export const MERGER_DAY = '2025-07-01';

export interface PlannedCert {
  level: Level;
  year: number;
  issuedOn?: string;
  decision: string;
  number?: string;
  score?: number;
  /** The province as the issuing list names it (former or current). */
  asListed: string;
}

export interface PlannedProduct {
  name: string;
  en: string;
  template: Template;
  place: string;
  certs: PlannedCert[];
}

export interface PlannedFacility {
  name: string;
  type: FacilityType;
  former: string;
  current: string;
  region: Region;
  district: string;
  commune: string;
  /** The template and place of its main product, which also name the facility. */
  primary: { key: string; place: string };
  products: PlannedProduct[];
  phone?: string;
  email?: string;
  website?: string;
  /** The start of its address (house and street, or hamlet). */
  lead: string;
}

/** One product with the facility that makes it; certificates refer to products by index in a list of these. */
export interface PlannedEntry {
  facility: PlannedFacility;
  product: PlannedProduct;
}

export const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** A date; days past the 28th become the 28th so every month has them. */
export const dateOf = (year: number, month: number, day: number) =>
  `${year}-${pad(month)}-${pad(Math.min(day, 28))}`;

/** Templates usable anywhere for a group in a region, as [key, template]. */
export function genericTemplates(group: ProductGroup, region: Region): [string, Template][] {
  return Object.entries(TEMPLATES).filter(
    ([, t]) =>
      t.generic !== undefined && KINDS[t.kind].group === group && (!t.regions || t.regions.includes(region)),
  );
}
