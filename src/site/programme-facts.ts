/**
 * Official figures of the programme as published (docs/programme.md). They are facts
 * about the whole programme, not computed from this site's data, and are shown as such.
 * Every number is written once here; the summary figures below point at the rounds and totals.
 */
import type { ProductGroup, Region } from '~/catalogue';

/** Where a round's figure was announced: a recognition decision, or only a results announcement. */
export type RoundSource = { decision: string; decidedOn?: string } | { announcement: true };

/** One recognition round as published: national rounds are odd years, regional ones even. */
export interface OfficialRound {
  /** Stable id, e.g. "national-2023", "regional-2024-north" (used as the row id on the page). */
  id: string;
  level: 'national' | 'regional';
  year: number;
  /** Regional rounds: one region, or 'all' for the three regions together. */
  region?: Region | 'all';
  /**
   * Products certified. Undefined when the total is not yet published: the page says so and
   * never shows 0 for it.
   */
  certified?: number;
  /** Set when `certified` is not published itself but follows from published figures. */
  derived?: { total: number; minus: readonly number[] };
  applications?: number;
  /** Provinces that applied, and provinces with at least one winner. */
  provinces?: { applied: number; won: number };
  /** Number of the round among the national rounds, when the announcement gives it. */
  ordinal?: number;
  byGroup?: Readonly<Record<ProductGroup, number>>;
  source: RoundSource;
}

/** A published total over several rounds of one level (years inclusive). */
export interface OfficialTotal {
  id: string;
  level: 'national' | 'regional';
  from: number;
  to: number;
  certified: number;
  rounds?: number;
}

const ANNOUNCEMENT: RoundSource = { announcement: true };

const REGIONAL_2024 = { all: 439, applications: 889, north: 126, south: 189 } as const;

export const OFFICIAL_ROUNDS: readonly OfficialRound[] = [
  {
    id: 'national-2015',
    level: 'national',
    year: 2015,
    certified: 100,
    byGroup: { handicraft: 25, food: 40, machinery: 25, other: 10 },
    source: ANNOUNCEMENT,
  },
  { id: 'national-2017', level: 'national', year: 2017, certified: 102, source: ANNOUNCEMENT },
  {
    id: 'national-2019',
    level: 'national',
    year: 2019,
    certified: 110,
    applications: 226,
    source: ANNOUNCEMENT,
  },
  {
    id: 'national-2021',
    level: 'national',
    year: 2021,
    certified: 200,
    source: { decision: '1997/QĐ-BCT', decidedOn: '2021-08-23' },
  },
  {
    id: 'national-2023',
    level: 'national',
    year: 2023,
    certified: 173,
    applications: 441,
    provinces: { applied: 59, won: 54 },
    source: { decision: '3116/QĐ-BCT' },
  },
  // The sixth national round: the decision is public, the total is not yet.
  { id: 'national-2025', level: 'national', year: 2025, ordinal: 6, source: { decision: '2568/QĐ-BCT' } },
  {
    id: 'regional-2020-north',
    level: 'regional',
    year: 2020,
    region: 'north',
    certified: 110,
    applications: 194,
    source: ANNOUNCEMENT,
  },
  {
    id: 'regional-2022-north',
    level: 'regional',
    year: 2022,
    region: 'north',
    certified: 141,
    source: { decision: '76/QĐ-CTĐP' },
  },
  {
    id: 'regional-2022-south',
    level: 'regional',
    year: 2022,
    region: 'south',
    certified: 200,
    applications: 364,
    source: { decision: '83/QĐ-CTĐP' },
  },
  {
    id: 'regional-2024',
    level: 'regional',
    year: 2024,
    region: 'all',
    certified: REGIONAL_2024.all,
    applications: REGIONAL_2024.applications,
    source: ANNOUNCEMENT,
  },
  {
    id: 'regional-2024-north',
    level: 'regional',
    year: 2024,
    region: 'north',
    certified: REGIONAL_2024.north,
    source: { decision: '44/QĐ-CTĐP' },
  },
  // Not published separately: the three regions' total less North and South, shown as derived.
  {
    id: 'regional-2024-central',
    level: 'regional',
    year: 2024,
    region: 'central',
    certified: REGIONAL_2024.all - REGIONAL_2024.north - REGIONAL_2024.south,
    derived: { total: REGIONAL_2024.all, minus: [REGIONAL_2024.north, REGIONAL_2024.south] },
    source: ANNOUNCEMENT,
  },
  {
    id: 'regional-2024-south',
    level: 'regional',
    year: 2024,
    region: 'south',
    certified: REGIONAL_2024.south,
    source: ANNOUNCEMENT,
  },
];

export const OFFICIAL_TOTALS: readonly OfficialTotal[] = [
  { id: 'national-2014-2020', level: 'national', from: 2014, to: 2020, certified: 312 },
  { id: 'regional-2014-2020', level: 'regional', from: 2014, to: 2020, certified: 880 },
  { id: 'national-2012-2022', level: 'national', from: 2012, to: 2022, certified: 512, rounds: 4 },
  { id: 'regional-2012-2022', level: 'regional', from: 2012, to: 2022, certified: 1632, rounds: 6 },
];

function certifiedIn(id: string): number {
  const found = OFFICIAL_ROUNDS.find((r) => r.id === id) ?? OFFICIAL_TOTALS.find((t) => t.id === id);
  if (found?.certified === undefined) throw new Error(`No published figure "${id}"`);
  return found.certified;
}

export interface OfficialFigure {
  value: number;
  /** Key of the label in siteStrings. */
  label:
    | 'factRegional2012'
    | 'factNational2012'
    | 'factProvince2022'
    | 'factDistrict2022'
    | 'factTargetRegional'
    | 'factTargetNational'
    | 'factNational2021'
    | 'factNational2023';
}

export const OFFICIAL_FIGURES: readonly OfficialFigure[] = [
  { value: certifiedIn('national-2012-2022'), label: 'factNational2012' },
  { value: certifiedIn('regional-2012-2022'), label: 'factRegional2012' },
  { value: 5486, label: 'factProvince2022' },
  { value: 2934, label: 'factDistrict2022' },
  { value: 700, label: 'factTargetNational' },
  { value: 1300, label: 'factTargetRegional' },
  { value: certifiedIn('national-2021'), label: 'factNational2021' },
  { value: certifiedIn('national-2023'), label: 'factNational2023' },
];

/** Applications to the 2023 national round (173 of them were certified). */
export const NATIONAL_2023_APPLICATIONS = OFFICIAL_ROUNDS.find((r) => r.id === 'national-2023')!
  .applications!;
export const PASS_MARK = 70;
export const MAX_SCORE = 100;
