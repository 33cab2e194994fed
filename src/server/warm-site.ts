/**
 * Before a server switches to a newly published build it sends itself a few real requests
 * through that build (routed to it by a per-process secret header), so the first visitors after
 * the switch do not wait for the catalogue to load or the search index to be built, and a build
 * that cannot answer is never switched to.
 */
import { request } from 'node:http';

export const WARM_HEADER = 'x-cnnt-warm-build';

/** Paths that load what a cold build loads lazily: pages, catalogue, search index, database. */
const WARM_PATHS = [
  { path: '/', mustBe: 200 },
  { path: '/api/search?q=che', mustBe: 200 },
  { path: '/api/verify?code=warm-up', mustBe: 404 },
  // 503 is an answer too: a database being down must not block a switch of static content.
  { path: '/readyz', mustBe: [200, 503] },
] as const;

function get(base: string, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { headers, timeout: 60_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy(new Error(`${path}: no answer in 60 s`)));
    req.on('error', reject);
    req.end();
  });
}

export async function warmSite(base: string, token: string, build: string): Promise<void> {
  const headers = { [WARM_HEADER]: `${token}:${build}` };
  for (const { path, mustBe } of WARM_PATHS) {
    const status = await get(base, path, headers);
    const expected: readonly number[] = typeof mustBe === 'number' ? [mustBe] : mustBe;
    if (!expected.includes(status))
      throw new Error(`build ${build} answered ${path} with ${status} (expected ${expected.join(' or ')})`);
  }
}
