/**
 * Build-time only: hands the content store to the server bundle as one JSON string instead of
 * Astro's JavaScript literal of it. Astro turns `data-store.json` (devalue's flat array, 6 MB
 * at the sample's size, 24 MB at 12,000 products) into an ES module of nested literals, which
 * Rollup must parse into a syntax tree of millions of nodes: at 12,000 products that was the
 * build's memory peak and ~20 s of its time. A string literal is one token to Rollup, and
 * `JSON.parse` at startup yields the same array Astro's module exports.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';

/** Astro's id for the resolved virtual module (astro/dist/content/consts.js). */
const RESOLVED_DATA_STORE_ID = '\0astro:data-layer-content';

export function dataStoreAsJson(): AstroIntegration {
  return {
    name: 'cnnt:data-store-as-json',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        // The dev server reads the store elsewhere (.astro/) and reloads it on change: left alone.
        if (command !== 'build') return;
        const file = new URL('data-store.json', config.cacheDir);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'cnnt:data-store-as-json',
                enforce: 'pre',
                // Astro's own content plugin is also 'pre' and comes first: this hook must run
                // before its load hook, which would otherwise answer for the same id.
                load: {
                  order: 'pre',
                  handler(id) {
                    if (id !== RESOLVED_DATA_STORE_ID || !existsSync(file)) return null;
                    const json = readFileSync(file, 'utf8');
                    return {
                      code: `export default JSON.parse(${JSON.stringify(json)});`,
                      map: { mappings: '' },
                    };
                  },
                },
              },
            ],
          },
        });
      },
    },
  };
}
