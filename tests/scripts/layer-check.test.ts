/**
 * The layer rules hold on the tree as it is, and each rule catches a violation planted in a
 * copy of src/ (TypeScript and Astro files alike), so a rule that stops matching fails here.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroImports, climbingImports, cruiseLayers, type LayerViolation } from '~scripts/lib/layer-check';

const repo = process.cwd();

const planted: Record<string, string> = {
  'src/http/planted.ts':
    "import { kickDelivery } from '~/notifications/astro';\nexport const a = kickDelivery;\n",
  'src/search/planted.ts':
    "import { foldForMatch } from '~/catalogue/provinces';\nexport const b = foldForMatch;\n",
  'src/site/planted.ts': "import { ALL_TABLES } from '~/server/tables';\nexport const c = ALL_TABLES;\n",
  'src/search/client/planted-db.ts': "import { database } from '~/db/client';\nexport const d = database;\n",
  'src/search/client/planted-value.ts': "import { LEVELS } from '~/catalogue';\nexport const e = LEVELS;\n",
  'src/search/planted-node.ts': "import { tmpdir } from 'node:os';\nexport const i = tmpdir;\n",
  'src/search/client/planted-reach.ts': "import { i } from '~/search/planted-node';\nexport const j = i;\n",
  'src/sourcing/index.ts': "export { i } from '~/search/planted-node';\n",
  'src/search/planted-barrel.ts': "import { LEVELS } from '~/catalogue';\nexport const k = LEVELS;\n",
  'src/search/client/planted-barrel-user.ts':
    "import { k } from '~/search/planted-barrel';\nexport const l = k;\n",
  'src/text/planted-a.ts': "import { g } from './planted-b';\nexport const f = () => g;\n",
  'src/text/planted-b.ts': "import { f } from './planted-a';\nexport const g = () => f;\n",
  'src/ui/Planted.astro':
    "---\nimport SearchBox from '~/search/components/SearchBox.astro';\n---\n<SearchBox />\n",
  // Spelled so that this file itself does not climb.
  'src/site/components/planted-climb.ts': `import { LEVELS } from '${'../'.repeat(2)}catalogue';\nexport const h = LEVELS;\n`,
};

describe('layer check', () => {
  let root: string;
  let found: LayerViolation[];

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'layer-rules-'));
    cpSync(path.join(repo, 'src'), path.join(root, 'src'), { recursive: true });
    cpSync(path.join(repo, 'tsconfig.json'), path.join(root, 'tsconfig.json'));
    symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    for (const [file, text] of Object.entries(planted)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    found = [...cruiseLayers(root, repo), ...climbingImports(root, ['src'])];
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds nothing in the tree as it is', () => {
    expect([...cruiseLayers(repo), ...climbingImports(repo)]).toEqual([]);
  }, 120_000);

  it.each([
    ['shared-layer-imports-capability', 'src/http/planted.ts', 'src/notifications/astro.ts'],
    ['capability-reaches-past-public-entry', 'src/search/planted.ts', 'src/catalogue/provinces.ts'],
    ['capability-imports-composition-root', 'src/site/planted.ts', 'src/server/tables.ts'],
    ['browser-code-imports-server-code', 'src/search/client/planted-db.ts', 'src/db/client.ts'],
    [
      'browser-code-imports-values-across-capabilities',
      'src/search/client/planted-value.ts',
      'src/catalogue/index.ts',
    ],
    ['browser-code-reaches-server-modules', 'src/search/client/planted-reach.ts', 'os'],
    ['index-entry-not-browser-safe', 'src/sourcing/index.ts', 'os'],
    ['browser-code-reaches-an-entry', 'src/search/client/planted-barrel-user.ts', 'src/catalogue/index.ts'],
    ['no-circular', 'src/text/planted-a.ts', 'src/text/planted-b.ts'],
    ['shared-layer-imports-capability', 'src/ui/Planted.astro', 'src/search/components/SearchBox.astro'],
    ['import-root', 'src/site/components/planted-climb.ts', '../../catalogue'],
  ])('%s: %s → %s', (rule, from, to) => {
    expect(found).toContainEqual({ rule, from, to });
  });

  it('reads an Astro file through the imports of its frontmatter and scripts', () => {
    const source = [
      '---',
      "import A from './A.astro';",
      "import type { B } from '~/b';",
      "import {\n  c,\n  d,\n} from '~/cd';",
      '---',
      '<A />',
      "<script>\n  import '~/client/e';\n</script>",
      "<script is:inline>\n  import 'not-bundled';\n</script>",
    ].join('\n');
    expect(astroImports(source)).toEqual([
      "import './A.astro';",
      "import type {} from '~/b';",
      "import '~/cd';",
      "import '~/client/e';",
    ]);
  });
});
