/**
 * What may end up in a browser bundle, checked over runtime imports only (type-only imports are
 * erased when compiling, so they pull nothing into a bundle). Run by scripts/lib/layer-check.ts
 * beside .dependency-cruiser.cjs, whose options it shares.
 */
const base = require('./.dependency-cruiser.cjs');
const { CAPABILITIES, SERVER_ONLY } = require('./scripts/lib/layers.cjs');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'browser-code-reaches-an-entry',
      comment:
        "A capability's entry (index.ts, astro.ts) gathers all its modules; a bundle that reaches one carries them all (zod schemas, province lists), so browser code never does, not even through another module.",
      severity: 'error',
      from: { path: '^src/[^/]+/(client|islands)/' },
      to: { path: `^src/${CAPABILITIES}/(index|astro)\\.ts$`, reachable: true },
    },
    {
      name: 'browser-code-reaches-server-modules',
      comment:
        'Nothing browser code imports, directly or through other modules, needs Node (node:*), Astro server modules (astro:*) or a server-only package.',
      severity: 'error',
      from: { path: '^src/[^/]+/(client|islands)/' },
      to: { path: SERVER_ONLY, reachable: true },
    },
    {
      name: 'index-entry-not-browser-safe',
      comment:
        "A capability's index.ts is its browser-safe entry: nothing it reaches needs Node, Astro's server modules or a server-only package (server-side entries go in astro.ts).",
      severity: 'error',
      from: { path: `^src/${CAPABILITIES}/index\\.ts$` },
      to: { path: SERVER_ONLY, reachable: true },
    },
  ],
  options: { ...base.options, tsPreCompilationDeps: false },
};
