/**
 * The official figures of each round (programme-facts.ts) beside what this site's registry
 * holds for the same round, for /programme/. Pure logic, no framework imports.
 *
 * What counts as "in the catalogue" for a round (docs/programme.md, "Official figures by round"):
 * every certificate of the round's level and year (and, for a regional round, the region named on
 * the certificate, which is the round's region, not where the facility is today), whatever its
 * status today: a revoked, superseded or expired certificate was still awarded in that round,
 * and the official figure counts awards. Province, district and commune certificates belong to
 * no published round here.
 */
import type { Catalogue, Level, ProductGroup, Region } from '~/catalogue';
import { formatDate, formatNumber } from '~/i18n/format';
import type { Locale } from '~/i18n/locales';
import { groupName, regionName } from './labels';
import {
  OFFICIAL_ROUNDS,
  OFFICIAL_TOTALS,
  type OfficialRound,
  type OfficialTotal,
  type RoundSource,
} from './programme-facts';
import type { PairedDatum } from './rounds-chart';
import { siteStrings } from './strings';

/** What the comparison needs to know of one certificate. */
export interface CertifiedItem {
  level: Level;
  year: number;
  region?: Region;
  /** The product's group (only the 2015 national round is published by group). */
  group?: ProductGroup;
}

/** Which certificates a published figure is about: a level, a span of round years, a region. */
export interface RoundScope {
  level: 'national' | 'regional';
  from: number;
  to: number;
  /** Undefined or 'all': any region. */
  region?: Region | 'all';
  group?: ProductGroup;
}

/** Every certificate in the registry, whatever its status today (see the module comment). */
export function certifiedItems(catalogue: Catalogue): CertifiedItem[] {
  return catalogue.data.certificates.map((c) => {
    const group = catalogue.productById.get(c.productId)?.group;
    return {
      level: c.level,
      year: c.year,
      ...(c.region ? { region: c.region } : {}),
      ...(group ? { group } : {}),
    };
  });
}

export function inScope(item: CertifiedItem, scope: RoundScope): boolean {
  return (
    item.level === scope.level &&
    item.year >= scope.from &&
    item.year <= scope.to &&
    (scope.region === undefined || scope.region === 'all' || item.region === scope.region) &&
    (scope.group === undefined || item.group === scope.group)
  );
}

export function countInScope(items: readonly CertifiedItem[], scope: RoundScope): number {
  let n = 0;
  for (const item of items) if (inScope(item, scope)) n += 1;
  return n;
}

export interface Comparison {
  /** Undefined: not (yet) published. */
  official: number | undefined;
  catalogue: number;
  /** catalogue / official (1 = the same); undefined without an official figure. May exceed 1. */
  share: number | undefined;
}

export function compare(official: number | undefined, catalogue: number): Comparison {
  return { official, catalogue, share: official ? catalogue / official : undefined };
}

export const roundScope = (r: OfficialRound): RoundScope => ({
  level: r.level,
  from: r.year,
  to: r.year,
  ...(r.region ? { region: r.region } : {}),
});

export interface RoundComparison extends Comparison {
  round: OfficialRound;
  /** Per product group, when the round was published by group. */
  groups: (Comparison & { group: ProductGroup })[];
}

export function compareRounds(
  items: readonly CertifiedItem[],
  rounds: readonly OfficialRound[] = OFFICIAL_ROUNDS,
): RoundComparison[] {
  return rounds.map((round) => {
    const scope = roundScope(round);
    const groups = Object.entries(round.byGroup ?? {}).map(([group, official]) => ({
      group: group as ProductGroup,
      ...compare(official, countInScope(items, { ...scope, group: group as ProductGroup })),
    }));
    return { round, groups, ...compare(round.certified, countInScope(items, scope)) };
  });
}

export interface TotalComparison extends Comparison {
  total: OfficialTotal;
}

export function compareTotals(
  items: readonly CertifiedItem[],
  totals: readonly OfficialTotal[] = OFFICIAL_TOTALS,
): TotalComparison[] {
  return totals.map((total) => ({
    total,
    ...compare(total.certified, countInScope(items, { level: total.level, from: total.from, to: total.to })),
  }));
}

/** "45,5 %" (vi, with a no-break space) / "45.5%" (en); one decimal at most. */
export function formatShare(share: number, locale: Locale): string {
  const n = formatNumber(Math.round(share * 1000) / 10, locale);
  return locale === 'vi' ? `${n}\u00a0%` : `${n}%`;
}

// ---- Texts of the table rows, in the page's language ----

export interface ComparisonCells {
  /** Official figure, "not yet published", or the derived figure. */
  official: string;
  /** "(derived: 439 − 126 − 189)" when the figure is derived. */
  officialNote?: string;
  catalogue: string;
  /** "—" without an official figure. */
  share: string;
  /** The catalogue holds more than the official figure. */
  over: boolean;
}

export interface RoundRowView extends ComparisonCells {
  id: string;
  label: string;
  decision: string;
  notes: string[];
  /** Indented sub-rows (product groups). */
  sub: boolean;
  /** A sub-row's round, read out before its label ("Cấp quốc gia 2015: Thủ công mỹ nghệ"). */
  context?: string;
}

export function comparisonCells(c: Comparison, locale: Locale, round?: OfficialRound): ComparisonCells {
  const t = siteStrings(locale);
  const n = (v: number) => formatNumber(v, locale);
  const derived = round?.derived;
  return {
    official: c.official === undefined ? t('roundNotPublished') : n(c.official),
    ...(derived
      ? { officialNote: t('roundDerived', { expr: [derived.total, ...derived.minus].map(n).join(' − ') }) }
      : {}),
    catalogue: n(c.catalogue),
    share: c.share === undefined ? '—' : formatShare(c.share, locale),
    over: c.official !== undefined && c.catalogue > c.official,
  };
}

/** "khu vực phía Bắc" inside a Vietnamese label; English names stay capitalised. */
function regionInSentence(region: Region, locale: Locale): string {
  const name = regionName(region, locale);
  return locale === 'vi' ? name.charAt(0).toLocaleLowerCase('vi') + name.slice(1) : name;
}

export function roundLabel(round: OfficialRound, locale: Locale): string {
  const t = siteStrings(locale);
  if (round.level === 'national') return t('roundNational', { year: round.year });
  const region =
    round.region === undefined || round.region === 'all'
      ? t('roundAllRegions')
      : regionInSentence(round.region, locale);
  return t('roundRegional', { year: round.year, region });
}

export function totalLabel(total: OfficialTotal, locale: Locale): string {
  const years = `${total.from}–${total.to}`;
  return siteStrings(locale)(total.level === 'national' ? 'roundNational' : 'roundRegionalAll', {
    year: years,
  });
}

export function decisionText(source: RoundSource, locale: Locale): string {
  if ('announcement' in source) return siteStrings(locale)('roundAnnouncement');
  return source.decidedOn ? `${source.decision}, ${formatDate(source.decidedOn, locale)}` : source.decision;
}

export function roundNotes(round: OfficialRound, locale: Locale): string[] {
  const t = siteStrings(locale);
  const n = (v: number) => formatNumber(v, locale);
  const notes: string[] = [];
  if (round.ordinal) notes.push(t('roundOrdinal', { ordinal: round.ordinal }));
  if (round.applications) notes.push(t('roundApplications', { count: n(round.applications) }));
  if (round.provinces)
    notes.push(t('roundProvinces', { applied: n(round.provinces.applied), won: n(round.provinces.won) }));
  return notes;
}

/** The rows of the rounds table: each round, then its product groups when published by group. */
export function roundRowsView(rounds: readonly RoundComparison[], locale: Locale): RoundRowView[] {
  return rounds.flatMap((c) => {
    const label = roundLabel(c.round, locale);
    return [
      {
        id: c.round.id,
        label,
        decision: decisionText(c.round.source, locale),
        notes: roundNotes(c.round, locale),
        sub: false,
        ...comparisonCells(c, locale, c.round),
      },
      ...c.groups.map((g) => ({
        id: `${c.round.id}-${g.group}`,
        label: groupName(g.group, locale),
        decision: '',
        notes: [],
        sub: true,
        context: label,
        ...comparisonCells(g, locale),
      })),
    ];
  });
}

export interface TotalRowView extends ComparisonCells {
  id: string;
  label: string;
  notes: string[];
}

export function totalRowsView(totals: readonly TotalComparison[], locale: Locale): TotalRowView[] {
  const t = siteStrings(locale);
  return totals.map((c) => ({
    id: c.total.id,
    label: totalLabel(c.total, locale),
    notes: c.total.rounds ? [t('roundCount', { count: c.total.rounds })] : [],
    ...comparisonCells(c, locale),
  }));
}

/** One level's rounds as chart data: the catalogue's text carries its share. */
export function roundsChartData(
  rounds: readonly RoundComparison[],
  level: 'national' | 'regional',
  locale: Locale,
): PairedDatum[] {
  const t = siteStrings(locale);
  return rounds
    .filter((c) => c.round.level === level)
    .map((c) => {
      const cells = comparisonCells(c, locale, c.round);
      return {
        label: roundLabel(c.round, locale),
        official: c.official,
        catalogue: c.catalogue,
        officialText: c.round.derived ? t('roundDerivedShort', { value: cells.official }) : cells.official,
        catalogueText: c.share === undefined ? cells.catalogue : `${cells.catalogue} (${cells.share})`,
      };
    });
}

export interface ProgrammeRoundsView {
  rounds: RoundRowView[];
  totals: TotalRowView[];
  national: PairedDatum[];
  regional: PairedDatum[];
  /** The catalogue is generated sample data: say so beside the figures. */
  sample: boolean;
}

/** Everything the rounds section of /programme/ prints, from the registry as built. */
export function programmeRoundsView(catalogue: Catalogue, locale: Locale): ProgrammeRoundsView {
  const items = certifiedItems(catalogue);
  const rounds = compareRounds(items);
  return {
    rounds: roundRowsView(rounds, locale),
    totals: totalRowsView(compareTotals(items), locale),
    national: roundsChartData(rounds, 'national', locale),
    regional: roundsChartData(rounds, 'regional', locale),
    sample: catalogue.isSample,
  };
}
