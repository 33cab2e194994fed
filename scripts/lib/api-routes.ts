/**
 * The API routes as the file system has them (src/pages/api/**): their URL pattern, the HTTP
 * methods each file exports and its [param] segments. Read from the files, not listed by
 * hand, so a route added later is fuzzed by scripts/bench/63-faults-malformed.ts and
 * tests/server/malformed-requests.test.ts without anyone remembering to add it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export interface ApiRoute {
  /** The URL with Astro's segments: "/api/orders/[orderNumber]", "/api/wholesale/export.csv". */
  pattern: string;
  /** The route file, relative to the project root. */
  file: string;
  /** The methods the file exports (Astro answers others itself). */
  methods: string[];
  /** Names of the [param] segments, in order. */
  params: string[];
}

/** "export const POST", "export async function GET", "export { handler as PUT }". */
const EXPORTED_METHOD =
  /export\s+(?:const|let|async\s+function|function)\s+([A-Z]+)\b|export\s*\{[^}]*\bas\s+([A-Z]+)\b/g;

function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(EXPORTED_METHOD)) {
    const name = match[1] ?? match[2] ?? '';
    if (name === 'ALL') for (const m of HTTP_METHODS) found.add(m);
    else if ((HTTP_METHODS as readonly string[]).includes(name)) found.add(name);
  }
  return HTTP_METHODS.filter((m) => found.has(m));
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /\.(ts|js|mjs)$/.test(entry.name) && !entry.name.startsWith('_') ? [full] : [];
  });
}

/** Every API route under `pagesDir/api`, sorted by pattern. */
export function listApiRoutes(root = process.cwd(), pagesDir = 'src/pages'): ApiRoute[] {
  const base = path.join(root, pagesDir);
  return routeFiles(path.join(base, 'api'))
    .map((file) => {
      const relative = path.relative(base, file).split(path.sep).join('/');
      const pattern = `/${relative.replace(/\.(ts|js|mjs)$/, '')}`.replace(/\/index$/, '');
      return {
        pattern,
        file: path.relative(root, file).split(path.sep).join('/'),
        methods: exportedMethods(readFileSync(file, 'utf8')),
        params: [...pattern.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => m[1]!),
      };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}
