/**
 * How one planned certificate reads on its list: the issuing body and its decision (one per body
 * and round), the province as the list names it, the certificate's number in its series, and a
 * score.
 */
import type { Level } from '~/catalogue/programme';
import { FORMER_PROVINCES } from '~/catalogue/provinces';
import { foldForMatch } from '~/text/vietnamese';
import { dateOf, MERGER_DAY, type PlannedEntry, type PlannedFacility, pad } from './plan';
import type { Rng } from './prng';

interface Decision {
  decision: string;
  date: string;
}

/** Who issues a certificate. */
interface Body {
  body: string;
  /** For bodies created by the merger: the first day they can decide on (its month is used). */
  earliest?: string;
}

export class CertificateIssuer {
  private readonly codes = provinceCodes();
  private readonly decisions = new Map<string, Decision>();
  private readonly serials = new Map<string, number>();
  private readonly regionalOrNational = new Set<number>();

  constructor(
    private readonly rng: Rng,
    private readonly planned: readonly PlannedEntry[],
  ) {}

  /** Adds a certificate of the level and round year to the product at `index` of the planned list. */
  issue(index: number, level: Level, year: number): void {
    const { facility, product } = this.planned[index]!;
    const { body, earliest } = issuingBody(this.rng, facility, level, year);
    const { decision, date } = this.decisionFor(body, year, earliest);
    const asListed = asListedOn(facility.former, facility.current, date);
    const number = this.numberFor(facility, level, year, asListed);
    const score = this.scoreFor(level);
    product.certs.push({
      level,
      year,
      // Some early lists give no issue date.
      ...(!(year <= 2016 && this.rng.chance(0.15)) && { issuedOn: date }),
      decision,
      ...(number && { number }),
      ...(score !== undefined && { score }),
      asListed,
    });
    if (level === 'regional' || level === 'national') this.regionalOrNational.add(index);
  }

  /** Whether the product at `index` has a regional or national certificate. */
  hasRegionalOrNational(index: number): boolean {
    return this.regionalOrNational.has(index);
  }

  /** The decision of a body's round: drawn the first time, the same for every later certificate. */
  private decisionFor(body: string, year: number, earliest?: string): Decision {
    const k = `${body}|${year}|${earliest ?? ''}`;
    let d = this.decisions.get(k);
    if (!d) {
      const national = body.startsWith('BCT');
      const month = earliest
        ? this.rng.int(Number(earliest.slice(5, 7)), 11)
        : national
          ? this.rng.int(9, 12)
          : year === 2025
            ? this.rng.int(1, 6)
            : this.rng.int(3, 12);
      const date = dateOf(year, month, this.rng.int(1, 28));
      d = {
        decision: `${this.rng.int(national ? 1000 : 100, national ? 4200 : 3999)}/QĐ-${national ? 'BCT' : 'UBND'}`,
        date,
      };
      this.decisions.set(k, d);
    }
    return d;
  }

  /** Most certificates carry a number in their level's series (fewer in the early rounds). */
  private numberFor(
    facility: PlannedFacility,
    level: Level,
    year: number,
    asListed: string,
  ): string | undefined {
    let number: string | undefined;
    if (level === 'national' && this.rng.chance(year <= 2015 ? 0.6 : 0.92))
      number = `QG${year}-${pad(this.nextSerial(`qg${year}`), 3)}`;
    if (level === 'regional' && this.rng.chance(year <= 2014 ? 0.5 : 0.88)) {
      const r = { north: 'B', central: 'T', south: 'N' }[facility.region];
      number = `KV${year}-${r}${pad(this.nextSerial(`kv${year}${r}`), 3)}`;
    }
    if (level === 'province' && this.rng.chance(0.6)) {
      // A merged province numbers its own series.
      const code = this.codes.get(facility.former)!;
      const c = asListed === facility.former ? code : `${code}M`;
      number = `T${year}-${c}-${pad(this.nextSerial(`t${year}${c}`), 3)}`;
    }
    return number;
  }

  private nextSerial(series: string): number {
    const n = (this.serials.get(series) ?? 0) + 1;
    this.serials.set(series, n);
    return n;
  }

  /** A score for most certificates, higher ranges for higher levels. */
  private scoreFor(level: Level): number | undefined {
    const score = (min: number, max: number, p: number) =>
      this.rng.chance(p) ? this.rng.int(min, max) : undefined;
    return level === 'national'
      ? score(78, 99, 0.85)
      : level === 'regional'
        ? score(72, 97, 0.8)
        : level === 'province'
          ? score(70, 95, 0.7)
          : score(65, 92, 0.45);
  }
}

/**
 * The body that issues a level's certificates to the facility: the ministry (by region for
 * regional rounds), or the province, district or commune people's committee. Communes and half
 * the provinces' 2025 rounds are the merged units, which decide only after the merger.
 */
function issuingBody(rng: Rng, facility: PlannedFacility, level: Level, year: number): Body {
  if (level === 'national') return { body: 'BCT' };
  if (level === 'regional') return { body: `BCT-${facility.region}` };
  if (level === 'commune')
    return { body: `UBND-xa-${facility.commune}-${facility.current}`, earliest: '2025-07-15' };
  if (level === 'district') return { body: `UBND-huyen-${facility.district}-${facility.former}` };
  if (year === 2025 && rng.chance(0.5)) return { body: `UBND-${facility.current}`, earliest: '2025-07-15' };
  return { body: `UBND-${facility.former}` };
}

/** The province as a list dated `date` names it: the merged one from the merger day on. */
function asListedOn(former: string, current: string, date: string): string {
  if (date >= MERGER_DAY) return current;
  // Thừa Thiên Huế became the city of Huế on 1 January 2025, before the merger.
  if (former === 'Thừa Thiên Huế' && date >= '2025-01-01') return 'Huế';
  return former;
}

/** Unique short codes for the former provinces ("Hà Nội" → HN, "Hà Nam" → HNA). */
function provinceCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  const taken = new Set<string>();
  for (const p of FORMER_PROVINCES) {
    const words = foldForMatch(p.name).toUpperCase().split(' ');
    let code = words.map((w) => w[0]).join('');
    for (let extra = 1; taken.has(code); extra++) {
      const last = words[words.length - 1]!;
      code =
        words
          .slice(0, -1)
          .map((w) => w[0])
          .join('') + last.slice(0, 1 + extra);
    }
    taken.add(code);
    codes.set(p.name, code);
  }
  return codes;
}
