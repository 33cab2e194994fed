/**
 * Build step: hashes every distinct inline script Astro wrote into the built pages and saves
 * them to dist/csp-hashes.json, which the server puts in its Content-Security-Policy.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inlineScripts, scriptHash } from '~/server/csp';

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(full);
    else if (entry.name.endsWith('.html')) yield full;
  }
}

const outDir = path.resolve(process.argv[2] ?? 'dist');
const hashes = new Set<string>();
let pages = 0;
for (const file of htmlFiles(path.join(outDir, 'client'))) {
  pages += 1;
  for (const body of inlineScripts(readFileSync(file, 'utf8'))) hashes.add(scriptHash(body));
}
writeFileSync(path.join(outDir, 'csp-hashes.json'), `${JSON.stringify([...hashes].sort(), null, 2)}\n`);
console.log(`CSP: ${hashes.size} inline script hash(es) from ${pages} pages`);
