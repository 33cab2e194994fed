/**
 * Planning the sample's certificates round by round: regional rounds (even years), national
 * rounds (odd years) drawn mostly from the previous regional round, then the province, district
 * and commune certificates around them.
 */
import { FIRST_ROUND_YEAR } from '~/catalogue/programme';
import { CertificateIssuer } from './certificate-issuer';
import type { PlannedEntry } from './plan';
import type { Rng } from './prng';

/** Regional rounds (even years) and national rounds (odd years), at the default scale. */
const REGIONAL_ROUNDS: Record<number, number> = {
  2012: 140,
  2014: 185,
  2016: 205,
  2018: 235,
  2020: 225,
  2022: 250,
  2024: 270,
};
const NATIONAL_ROUNDS: Record<number, number> = { 2015: 70, 2017: 90, 2019: 110, 2021: 200, 2023: 173 };

const PROVINCE_YEARS = [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
/** Later province rounds certify more. */
const PROVINCE_WEIGHTS = PROVINCE_YEARS.map((y) => 1 + (y - 2012) * 0.25);

/** Products not yet picked for a round, in a shuffled order; undefined once all have been. */
type Fresh = () => number | undefined;

/** Adds every planned product's certificates (progress at 0.4 and 0.5). */
export function planCertificates(
  rng: Rng,
  planned: readonly PlannedEntry[],
  products: number,
  progress: (fraction: number, stage: string) => void,
): void {
  const issuer = new CertificateIssuer(rng, planned);
  const order = rng.shuffle(planned.map((_, i) => i));
  let cursor = 0;
  const fresh: Fresh = () => (cursor < order.length ? order[cursor++] : undefined);

  const regionalHolders = regionalRounds(rng, issuer, fresh, products);
  nationalRounds(rng, issuer, planned, fresh, regionalHolders, products);
  progress(0.4, 'certificates');
  localCertificates(rng, issuer, planned);
  progress(0.5, 'certificates');
}

function scaleQuota(quota: number, products: number): number {
  return Math.round((quota * products) / 3000);
}

/** Each regional round's certificates; returns the products certified in each round year. */
function regionalRounds(
  rng: Rng,
  issuer: CertificateIssuer,
  fresh: Fresh,
  products: number,
): Map<number, number[]> {
  const holders = new Map<number, number[]>();
  const lastRegional = new Map<number, number>();
  for (const [yearText, quota] of Object.entries(REGIONAL_ROUNDS)) {
    const year = Number(yearText);
    const round: number[] = [];
    const n = scaleQuota(quota, products);
    // About 8% are re-certifications of products whose regional certificate has run out.
    const again = rng.shuffle([...lastRegional.entries()].filter(([, y]) => y <= year - 4).map(([pi]) => pi));
    for (let k = 0; k < n; k++) {
      let pi: number | undefined;
      if (again.length > 0 && rng.chance(0.08)) pi = again.pop();
      else pi = fresh();
      if (pi === undefined) break;
      issuer.issue(pi, 'regional', year);
      lastRegional.set(pi, year);
      round.push(pi);
    }
    holders.set(year, round);
  }
  return holders;
}

/** Each national round: mostly the previous regional round's products, some earlier ones or new ones. */
function nationalRounds(
  rng: Rng,
  issuer: CertificateIssuer,
  planned: readonly PlannedEntry[],
  fresh: Fresh,
  regionalHolders: ReadonlyMap<number, number[]>,
  products: number,
): void {
  for (const [yearText, quota] of Object.entries(NATIONAL_ROUNDS)) {
    const year = Number(yearText);
    const n = scaleQuota(quota, products);
    const pool = rng.shuffle([...(regionalHolders.get(year - 1) ?? [])]);
    const earlier = rng.shuffle(
      [...regionalHolders.entries()].filter(([y]) => y < year - 1).flatMap(([, list]) => list),
    );
    for (let k = 0; k < n; k++) {
      let pi: number | undefined;
      if (rng.chance(0.82) && pool.length > 0) pi = pool.pop();
      else pi = earlier.length > 0 && rng.chance(0.5) ? earlier.pop() : fresh();
      if (pi === undefined) break;
      if (planned[pi]!.product.certs.some((c) => c.level === 'national' && c.year === year)) continue;
      issuer.issue(pi, 'national', year);
    }
  }
}

/**
 * Province level: before a regional certificate for many, the only level for the rest (a few
 * renewed); a few products have only a district or commune certificate, and some a district one
 * before their first.
 */
function localCertificates(rng: Rng, issuer: CertificateIssuer, planned: readonly PlannedEntry[]): void {
  planned.forEach(({ product }, pi) => {
    const firstHigh = product.certs.reduce((min, c) => Math.min(min, c.year), Infinity);
    if (issuer.hasRegionalOrNational(pi)) {
      if (firstHigh > FIRST_ROUND_YEAR && rng.chance(0.45)) issuer.issue(pi, 'province', firstHigh - 1);
    } else if (rng.chance(0.05)) {
      // District or commune level only.
      if (rng.chance(0.3)) issuer.issue(pi, 'commune', 2025);
      else issuer.issue(pi, 'district', rng.int(2012, 2024));
    } else {
      const year = rng.weighted(PROVINCE_YEARS, PROVINCE_WEIGHTS);
      issuer.issue(pi, 'province', year);
      if (year <= 2020 && rng.chance(0.2)) issuer.issue(pi, 'province', rng.int(year + 4, 2025));
    }
    const first = product.certs.reduce((min, c) => Math.min(min, c.year), Infinity);
    if (
      first > 2013 &&
      first < 2025 &&
      rng.chance(0.08) &&
      !product.certs.some((c) => c.level === 'district')
    ) {
      issuer.issue(pi, 'district', rng.int(Math.max(FIRST_ROUND_YEAR, first - 3), first - 1));
    }
  });
}
