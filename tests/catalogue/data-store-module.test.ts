import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import { dataStoreAsJson } from '~/catalogue/data-store-module';

type Setup = NonNullable<AstroIntegration['hooks']['astro:config:setup']>;
interface LoadHook {
  order: string;
  handler: (id: string) => { code: string } | null;
}

const cacheDir = mkdtempSync(path.join(tmpdir(), 'data-store-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** The Vite plugins the integration adds for `command`. */
function pluginsFor(command: 'build' | 'dev'): { name: string; enforce: string; load: LoadHook }[] {
  const plugins: { name: string; enforce: string; load: LoadHook }[] = [];
  const setup = dataStoreAsJson().hooks['astro:config:setup'] as Setup;
  void setup({
    command,
    config: { cacheDir: pathToFileURL(`${cacheDir}/`) },
    updateConfig: (update: { vite: { plugins: never[] } }) => plugins.push(...update.vite.plugins),
  } as never);
  return plugins;
}

describe('the content store as a JSON string in the server bundle', () => {
  // devalue's flat form, as Astro writes data-store.json: text with quotes, accents and escapes.
  const store = [['Map', 1, 2], 'products', { name: 'Nước mắm "Phú Quốc"\n\u2028', price: 120000 }];
  writeFileSync(path.join(cacheDir, 'data-store.json'), JSON.stringify(store));

  it('exports the same value Astro would, from a module that is one JSON.parse call', async () => {
    const [plugin] = pluginsFor('build');
    expect(plugin!.enforce).toBe('pre');
    // Runs before Astro's own load hook for the same id, which is also in the 'pre' group.
    expect(plugin!.load.order).toBe('pre');
    const loaded = plugin!.load.handler('\0astro:data-layer-content');
    expect(loaded!.code).toMatch(/^export default JSON\.parse\("/);
    const mod = (await import(`data:text/javascript,${encodeURIComponent(loaded!.code)}`)) as {
      default: unknown;
    };
    expect(mod.default).toEqual(store);
  });

  it('leaves every other module and the dev server alone', () => {
    const [plugin] = pluginsFor('build');
    expect(plugin!.load.handler('\0astro:content')).toBeNull();
    expect(plugin!.load.handler('/src/pages/index.astro')).toBeNull();
    expect(pluginsFor('dev')).toEqual([]);
  });
});
