/**
 * Verification API benchmark against the built server: GET /api/verify latency (p50/p95/p99)
 * and throughput at 50 concurrent connections (goal: p95 ≤ 20 ms), for certificate ids, for
 * printed numbers typed loosely and for signed badge codes (Ed25519 verification included),
 * each cycling through up to 200 different certificates. The server gets a key generated for
 * the run (BADGE_SIGNING_KEYS), so this process can sign the codes it sends.
 */
import { loadCatalogue } from '~/catalogue/content-files';
import { signBadgeCode } from '~/verification/badge-code';
import { generateSigningKey, parseSigningKeys } from '~/verification/keyring';
import type { BenchContext } from '../lib/bench-context';

const CONNECTIONS = 50;
const DISTINCT = 200;

/** "173/GCN-BCT" → " 173 gcn bct": what a person might type. */
const loosely = (printed: string) => ` ${printed.toLowerCase().replace(/[-/]/g, ' ')} `;

export async function run(ctx: BenchContext): Promise<void> {
  const catalogue = await loadCatalogue();
  const certificates = catalogue.data.certificates.slice(0, DISTINCT);
  // Printed numbers that name one certificate (a shared number answers 409 ambiguous).
  const uses = new Map<string, number>();
  for (const c of catalogue.data.certificates)
    if (c.number) uses.set(c.number, (uses.get(c.number) ?? 0) + 1);
  const numbered = catalogue.data.certificates
    .filter((c) => c.number && uses.get(c.number) === 1)
    .slice(0, DISTINCT);
  const key = generateSigningKey('bench');
  const signer = parseSigningKeys(key)[0]!;
  const server = await ctx.startServer({ DATA_DIR: '.bench/verify-data', BADGE_SIGNING_KEYS: key });
  const cases: [string, string[]][] = [
    ['certificate id', certificates.map((c) => c.id)],
    ['printed number typed loosely', numbered.map((c) => loosely(c.number!))],
    ['signed badge code', certificates.map((c) => signBadgeCode(c, signer))],
  ];
  try {
    for (const [label, codes] of cases) {
      if (codes.length === 0) {
        console.log(`GET /api/verify, ${label}: no such certificates in the catalogue, skipped`);
        continue;
      }
      const requests = codes.map((code) => ({
        method: 'GET' as const,
        path: `/api/verify?code=${encodeURIComponent(code)}`,
      }));
      // Warm up: the first request loads the catalogue and the keys.
      const warm = await fetch(`${server.url}${requests[0]!.path}`);
      if (warm.status !== 200)
        throw new Error(`warm-up for ${label} failed: ${warm.status} ${await warm.text()}`);
      const load = await ctx.load({ url: server.url, requests, connections: CONNECTIONS, duration: 10 });
      ctx.record(`GET /api/verify, ${label}, ${CONNECTIONS} connections`, {
        p50_ms: load.p50,
        p95_ms: load.p95,
        p99_ms: load.p99,
        requests_per_s: load.rps,
        errors: load.errors,
        non2xx: load.non2xx,
        goal_p95_20ms: load.p95 <= 20 ? 'met' : 'missed',
      });
    }
  } finally {
    await server.stop();
  }
}
