/**
 * The one document builder both backends index: a certified product flattened with what
 * people filter, sort and search on. Text fields are folded here (tones, marks and đ removed)
 * so the embedded engine and Meilisearch match the same words whatever their own normalisers do.
 */
import type { Catalogue, Certificate, Listing, Product } from '~/catalogue';
import {
  AVAILABILITIES,
  type Availability,
  findProvince,
  LEVEL_RANK,
  type Level,
  type ProductGroup,
  productPath,
  type Region,
} from '~/catalogue';
import { codeKey, commonWords, foldedText, hasMarks, joinedPairs, nameSortKey } from './analysis';
import { groupWordsOf, synonymsOf } from './synonyms';

export interface SearchDocument {
  id: string;
  name: string;
  url: string;
  facility: string;
  facilityId: string;
  /** Today's province. */
  province: string;
  region?: Region;
  /** Highest level among the current certificates (see currentLevel). */
  level: Level;
  levelRank: number;
  group: ProductGroup;
  /** Lowest retail price in VND. */
  price?: number;
  /** The best availability among the variants; "not_sold_online" without a listing. */
  availability: Availability;
  hasListing: boolean;
  certificateNumbers: string[];
  decisions: string[];
  /** Round year of the newest certificate. */
  newestYear: number;
  /** Vietnamese alphabetical order key (analysis.nameSortKey). */
  nameSort: string;

  // Folded text the backends match against.
  nameText: string;
  /**
   * The name's common words that carry marks, as written ("mắm nhĩ"): lets the embedded engine
   * rank a query typed with marks above look-alikes. Proper names are left out (commonWords).
   */
  nameMarked: string;
  joinedText: string;
  synonymsText: string;
  facilityText: string;
  placeText: string;
  /** Words that find every product of its group (synonyms.groupWordsOf). */
  groupText: string;
  /** Words the descriptions add to the fields above. */
  descriptionText: string;
  /** Certificate numbers, decisions and ids as compact keys ("3116qdbct"), for exact lookups. */
  codeKeys: string;
  /** The same codes cut into words ("3116 qd bct"), for engines that tokenise queries themselves. */
  codesText: string;
}

const byRankThenYear = (a: Certificate, b: Certificate) =>
  LEVEL_RANK[b.level] - LEVEL_RANK[a.level] || b.year - a.year;

/**
 * The level shown for a product: the highest among its valid certificates; failing that,
 * among those not revoked (expired or superseded: the product was certified at that level);
 * failing that, its highest certificate.
 */
function currentLevel(
  certificates: readonly Certificate[],
  catalogue: Catalogue,
  asOf: string,
): Level | undefined {
  const sorted = [...certificates].sort(byRankThenYear);
  const status = (c: Certificate) => catalogue.statusOf(c, asOf).status;
  return (
    sorted.find((c) => status(c) === 'valid') ??
    sorted.find((c) => status(c) !== 'revoked') ??
    sorted[0]
  )?.level;
}

function bestAvailability(listing: Listing | undefined): Availability {
  if (!listing) return 'not_sold_online';
  // AVAILABILITIES runs from the most to the least available.
  const index = Math.min(...listing.variants.map((v) => AVAILABILITIES.indexOf(v.availability)));
  return AVAILABILITIES[index]!;
}

/**
 * The words of `text` found in none of `known`, once each. Descriptions mostly restate the
 * name, facility and place; indexing only what they add keeps a common word such as a
 * surname or a province from matching every description, which is noise and costs time.
 */
function newWords(text: string, known: readonly string[]): string {
  const seen = new Set(known.join(' ').split(' '));
  const added = new Set<string>();
  for (const w of text.split(' ')) if (w && !seen.has(w)) added.add(w);
  return [...added].join(' ');
}

function unique(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined && v !== ''))];
}

function buildDocument(product: Product, catalogue: Catalogue, asOf: string): SearchDocument | undefined {
  const facility = catalogue.facilityById.get(product.facilityId);
  const certificates = catalogue.certificatesOf(product.id);
  const level = currentLevel(certificates, catalogue, asOf);
  if (!facility || !level) return undefined; // not a certified product of a known facility
  const listing = catalogue.listingByProduct.get(product.id);
  const prices = listing?.variants.map((v) => v.price) ?? [];
  const numbers = unique(certificates.map((c) => c.number));
  const decisions = unique(certificates.map((c) => c.decision));
  const codes = unique([...numbers, ...decisions, ...certificates.map((c) => c.id)]);
  const nameText = foldedText(product.name);
  const description = [
    product.description?.vi,
    product.description?.en,
    listing?.description?.vi,
    listing?.description?.en,
  ]
    .filter(Boolean)
    .join(' ');
  const places = unique([
    facility.province,
    facility.provinceAsListed,
    facility.address,
    ...certificates.map((c) => c.provinceAsListed),
  ]);
  const facilityText = foldedText(facility.name);
  const placeText = foldedText(places.join(' '));
  const groupText = groupWordsOf(product.group);
  return {
    id: product.id,
    name: product.name,
    url: productPath(product.id),
    facility: facility.name,
    facilityId: facility.id,
    province: facility.province,
    region: findProvince(facility.province)?.current.region,
    level,
    levelRank: LEVEL_RANK[level],
    group: product.group,
    ...(prices.length > 0 ? { price: Math.min(...prices) } : {}),
    availability: bestAvailability(listing),
    hasListing: listing !== undefined,
    certificateNumbers: numbers,
    decisions,
    newestYear: Math.max(...certificates.map((c) => c.year)),
    nameSort: nameSortKey(product.name),
    nameText,
    nameMarked: [...new Set(commonWords(product.name).flat())]
      .filter((w): w is string => w !== undefined && hasMarks(w))
      .join(' '),
    joinedText: joinedPairs(nameText),
    synonymsText: synonymsOf(`${product.name}\n${description}`).join(' '),
    facilityText,
    placeText,
    groupText,
    descriptionText: newWords(foldedText(description), [nameText, facilityText, placeText, groupText]),
    codeKeys: unique(codes.map(codeKey)).join(' '),
    codesText: foldedText(codes.join(' ')),
  };
}

/**
 * One product's document, as buildSearchDocuments makes it; undefined when the catalogue has no
 * such product or it is not a certified product of a known facility (it has no document).
 */
export function searchDocumentOf(
  catalogue: Catalogue,
  productId: string,
  asOf: string,
): SearchDocument | undefined {
  const product = catalogue.productById.get(productId);
  return product ? buildDocument(product, catalogue, asOf) : undefined;
}

/** One document per certified product, statuses as of `asOf` (yyyy-mm-dd). */
export function buildSearchDocuments(catalogue: Catalogue, asOf: string): SearchDocument[] {
  const documents: SearchDocument[] = [];
  for (const product of catalogue.data.products) {
    const document = buildDocument(product, catalogue, asOf);
    if (document) documents.push(document);
  }
  return documents;
}
