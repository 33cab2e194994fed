/**
 * `npm run lint`: Biome (format and lint rules, biome.jsonc), then the layer check
 * (.dependency-cruiser.cjs, through scripts/lib/layer-check.ts) and the import-root rule.
 * Exit status 1 when any of them finds something; every finding is printed.
 */
import { spawnSync } from 'node:child_process';
import { climbingImports, cruiseLayers } from './lib/layer-check';

const root = process.cwd();
let failed = false;

console.log('▶ biome check');
const biome = spawnSync('npx', ['biome', 'check', '--error-on-warnings', '.'], { stdio: 'inherit' });
if (biome.status !== 0) failed = true;

console.log('▶ layers (dependency-cruiser) and the import root');
const violations = [...cruiseLayers(root), ...climbingImports(root)];
for (const v of violations) console.log(`  ${v.rule}: ${v.from} → ${v.to}`);
if (violations.length > 0) {
  failed = true;
  console.log(
    `${violations.length} layer violation(s); the rules are in .dependency-cruiser.cjs and the README.`,
  );
} else {
  console.log('  no layer violations');
}

process.exit(failed ? 1 : 0);
