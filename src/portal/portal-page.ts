/**
 * /facility/ and /facility/products/: the facility portal's read-only pages. Which facility a
 * page shows comes from ?facility=ID, and the guard's "facility" rule only says the person is
 * signed in with a facility role or stronger: the membership check is HERE, so a member of
 * facility A asking for ?facility=B gets 403, whatever B is (not even whether B exists).
 * Operators and admins may view any facility. Everything is read from a Catalogue passed in
 * (the page hands it the registry files as they are now), so this is pure and unit-tested.
 */
import type { Principal } from '~/accounts/astro';
import {
  type Availability,
  badgeKitPath,
  type Catalogue,
  type CertificateStatus,
  type Facility,
  facilityPath,
  id as idSchema,
  type Level,
  productPath,
  verifyPath,
} from '~/catalogue';
import { formatDate, formatNumber, formatVnd } from '~/i18n/format';
import { type Locale, pickText } from '~/i18n/locales';
import { portalStrings } from './portal-strings';

export type PortalPrincipal = Principal & { kind: 'account' };

/** One entry of the facility switcher: only the person's own facilities. */
export interface FacilityChoice {
  id: string;
  /** The registry's name; null when the facility is no longer in the registry. */
  name: string | null;
  current: boolean;
}

export type PortalContext =
  /** Signed in, but no facility to show (a member of none, or staff who has not picked one). */
  | { kind: 'no_facility'; staff: boolean; choices: FacilityChoice[] }
  | { kind: 'forbidden'; facilityId: string; staff: false; choices: FacilityChoice[] }
  | { kind: 'unknown'; facilityId: string; staff: boolean; choices: FacilityChoice[] }
  | { kind: 'facility'; facility: Facility; staff: boolean; choices: FacilityChoice[]; query: string };

/** The HTTP status each kind of context is answered with. */
export function portalStatus(context: PortalContext): number {
  return context.kind === 'forbidden' ? 403 : context.kind === 'unknown' ? 404 : 200;
}

const isStaff = (principal: PortalPrincipal) => principal.role === 'operator' || principal.role === 'admin';

/** The person's facilities in a stable order: by registry name, then id (gone ones last). */
function ownChoices(principal: PortalPrincipal, catalogue: Catalogue, currentId?: string): FacilityChoice[] {
  return [...new Set(principal.facilityIds)]
    .map((id) => ({ id, name: catalogue.facilityById.get(id)?.name ?? null, current: id === currentId }))
    .sort(
      (a, b) =>
        Number(a.name === null) - Number(b.name === null) ||
        (a.name ?? '').localeCompare(b.name ?? '', 'vi') ||
        a.id.localeCompare(b.id),
    );
}

/**
 * Which facility this request is about. Members: ?facility= must be one of their facilities
 * (else forbidden); without it, the first of their facilities the registry still has.
 * Staff: any facility of the registry by ?facility=; without it, their own first, if any.
 */
export function portalContext(principal: PortalPrincipal, url: URL, catalogue: Catalogue): PortalContext {
  const staff = isStaff(principal);
  const asked = url.searchParams.get('facility')?.trim() ?? '';
  const mine = ownChoices(principal, catalogue);
  if (asked === '') {
    const first = mine.find((c) => c.name !== null);
    if (!first) {
      const gone = mine[0];
      return gone
        ? { kind: 'unknown', facilityId: gone.id, staff, choices: mine }
        : { kind: 'no_facility', staff, choices: mine };
    }
    return facilityContext(principal, catalogue, first.id, staff);
  }
  const own = principal.facilityIds.includes(asked);
  if (!own && !staff) return { kind: 'forbidden', facilityId: asked, staff: false, choices: mine };
  if (!idSchema.safeParse(asked).success || !catalogue.facilityById.has(asked))
    return { kind: 'unknown', facilityId: asked, staff, choices: ownChoices(principal, catalogue, asked) };
  return facilityContext(principal, catalogue, asked, staff);
}

function facilityContext(
  principal: PortalPrincipal,
  catalogue: Catalogue,
  facilityId: string,
  staff: boolean,
): PortalContext {
  const choices = ownChoices(principal, catalogue, facilityId);
  // Links between the portal's pages keep the facility when the address alone would not
  // (several facilities, or staff viewing someone else's).
  const query = staff || choices.length > 1 ? `?facility=${encodeURIComponent(facilityId)}` : '';
  return { kind: 'facility', facility: catalogue.facilityById.get(facilityId)!, staff, choices, query };
}

export interface CertificateRow {
  id: string;
  number: string;
  level: Level;
  year: number;
  issuedBy: string;
  validUntil: string;
  status: CertificateStatus;
  /** The reason the status gives, formatted: revocation date and reason, or the replacement. */
  statusDetail?: string;
  verifyPath: string;
  badgeKitPath: string;
}

export interface CertifiedProduct {
  id: string;
  name: string;
  isSet: boolean;
  publicPath: string;
  certificates: CertificateRow[];
}

export interface OverviewState {
  facility: Facility;
  publicPath: string;
  products: CertifiedProduct[];
}

/** The facility's registry details and its certified products with their certificates' status on `today`. */
export function overviewState(
  catalogue: Catalogue,
  facility: Facility,
  today: string,
  locale: Locale,
): OverviewState {
  const t = portalStrings(locale);
  const products = catalogue
    .productsOf(facility.id)
    .map((p) => ({
      id: p.id,
      name: p.name,
      isSet: p.isSet,
      publicPath: productPath(p.id),
      certificates: catalogue.certificatesOf(p.id).map((c): CertificateRow => {
        const verdict = catalogue.statusOf(c, today);
        const replacement = verdict.supersededBy
          ? catalogue.certificateById.get(verdict.supersededBy)
          : undefined;
        const statusDetail =
          verdict.status === 'revoked' && c.revocation
            ? t('revokedOn', { date: formatDate(c.revocation.date, locale), reason: c.revocation.reason })
            : verdict.status === 'superseded' && verdict.supersededBy
              ? t('supersededBy', { number: replacement?.number ?? verdict.supersededBy })
              : undefined;
        return {
          id: c.id,
          number: c.number ?? c.id,
          level: c.level,
          year: c.year,
          issuedBy: c.issuedBy,
          validUntil: c.validUntil,
          status: verdict.status,
          ...(statusDetail ? { statusDetail } : {}),
          verifyPath: verifyPath(c.id),
          badgeKitPath: badgeKitPath(c.id),
        };
      }),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.id.localeCompare(b.id));
  return { facility, publicPath: facilityPath(facility.id), products };
}

export interface VariantRow {
  sku: string;
  name: string;
  packSize: string;
  /** Formatted in the page's language: VND, whole đồng. */
  price: string;
  tiers: { minQuantity: string; unitPrice: string }[];
  minOrderQuantity: string;
  availability: Availability;
  leadTimeDays?: number;
  stock: string | null;
  weightGrams: string;
}

export interface ProductListing {
  id: string;
  name: string;
  publicPath: string;
  /** The portal's listing editor of the product, and its photos page (without the locale prefix). */
  editPath: string;
  photosPath: string;
  /** Null: no listing, so the storefront says "not sold online". */
  listing: { variants: VariantRow[]; photos: number } | null;
}

/**
 * The facility's products with what their listings show now: pass the catalogue with the saved
 * listings (editableCatalogue), and the units left per tracked SKU, shown in place of the
 * figure last saved (orders take from it).
 */
export function productsState(
  catalogue: Catalogue,
  facility: Facility,
  locale: Locale,
  unitsLeft: ReadonlyMap<string, number> = new Map(),
): ProductListing[] {
  return catalogue
    .productsOf(facility.id)
    .map((p) => {
      const listing = catalogue.listingByProduct.get(p.id);
      return {
        id: p.id,
        name: p.name,
        publicPath: productPath(p.id),
        editPath: `/facility/products/${p.id}/`,
        photosPath: `/facility/products/${p.id}/photos/`,
        listing: listing
          ? {
              photos: listing.photos.length,
              variants: listing.variants.map(
                (v): VariantRow => ({
                  sku: v.sku,
                  name: pickText(v.name, locale) ?? v.sku,
                  packSize: v.packSize,
                  price: formatVnd(v.price, locale),
                  tiers: v.wholesaleTiers.map((t) => ({
                    minQuantity: formatNumber(t.minQuantity, locale),
                    unitPrice: formatVnd(t.unitPrice, locale),
                  })),
                  minOrderQuantity: formatNumber(v.minOrderQuantity, locale),
                  availability: v.availability,
                  ...(v.leadTimeDays !== undefined ? { leadTimeDays: v.leadTimeDays } : {}),
                  stock: v.stock === undefined ? null : formatNumber(unitsLeft.get(v.sku) ?? v.stock, locale),
                  weightGrams: formatNumber(v.weightGrams, locale),
                }),
              ),
            }
          : null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.id.localeCompare(b.id));
}
