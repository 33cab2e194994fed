/**
 * The layer graph, checked by dependency-cruiser (`npm run lint`). README "House rules" draws it.
 *
 *   pages, scripts, tests           may import anything
 *   server (composition root)       capabilities' public entries and shared layers
 *   capabilities                    shared layers, and other capabilities' public entries only
 *   shared layers                   other shared layers; never a capability
 *
 * A capability's public entries: index.ts (framework-free logic and types, safe in the browser),
 * astro.ts (its server-side wiring) and components/*.astro. Astro files are checked through the
 * imports of their frontmatter and scripts (scripts/lib/layer-check.ts shows them to the cruiser
 * as .ts files). The browser rules are in .dependency-cruiser.browser.cjs.
 */
const { SHARED, CAPABILITIES, SERVER_ONLY } = require('./scripts/lib/layers.cjs');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-layer-imports-capability',
      comment:
        'Shared layers (db, http, i18n, text, config, security, ui) serve every capability and know none.',
      severity: 'error',
      from: { path: `^src/${SHARED}/` },
      to: { path: [`^src/${CAPABILITIES}/`, '^src/server/', '^src/pages/'] },
    },
    {
      name: 'capability-reaches-past-public-entry',
      comment:
        'Another capability is used only through its public entry: index.ts, astro.ts or components/*.astro.',
      severity: 'error',
      from: { path: `^src/${CAPABILITIES}/` },
      to: {
        path: `^src/${CAPABILITIES}/`,
        pathNot: [
          '^src/$1/',
          `^src/${CAPABILITIES}/index\\.ts$`,
          `^src/${CAPABILITIES}/astro\\.ts$`,
          `^src/${CAPABILITIES}/components/[^/]+\\.astro(\\.ts)?$`,
          // The programme's vocabularies (levels, regions, groups and their names): tiny and
          // dependency-free, the one catalogue module browser code may take values from.
          '^src/catalogue/programme\\.ts$',
        ],
      },
    },
    {
      name: 'capability-imports-composition-root',
      comment: 'src/server composes the capabilities; they never import it (nor pages).',
      severity: 'error',
      from: { path: `^src/${CAPABILITIES}/` },
      to: { path: ['^src/server/', '^src/pages/'] },
    },
    {
      name: 'browser-code-imports-server-code',
      comment:
        'Browser code (client/, islands/) imports other browser code and pure modules, never the wiring, the database or Node.',
      severity: 'error',
      from: { path: '^src/[^/]+/(client|islands)/' },
      to: { path: ['^src/db/', '^src/[^/]+/astro\\.ts$', '^src/config/', '^src/security/', '^node:'] },
    },
    {
      name: 'browser-code-imports-values-across-capabilities',
      comment:
        "Browser code takes only types from another capability: a value import would pull that capability's entry, and all it imports, into a public page's bundle.",
      severity: 'error',
      from: { path: `^src/${CAPABILITIES}/(client|islands)/` },
      to: {
        path: `^src/${CAPABILITIES}/`,
        pathNot: ['^src/$1/', '^src/catalogue/programme\\.ts$'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'no-circular',
      comment: 'Modules form no import cycles.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules', '\\.d\\.ts$'] },
    // src/ and the server-only modules the browser rules look for (not followed further).
    includeOnly: ['^src/', ...SERVER_ONLY],
    tsPreCompilationDeps: true,
    // node_modules is a symlink in the shadow tree: keep package paths as node_modules/….
    preserveSymlinks: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'],
    },
  },
};
