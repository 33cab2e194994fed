/**
 * `npm run bench [-- --only NAME]`: runs every benchmark module in scripts/bench/ in name order
 * and prints its numbers. A benchmark, not a test: it measures and reports, it does not pass
 * or fail on its numbers. Results are also written to .bench/results.json.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BenchModule, createBenchContext } from './lib/bench-context';

const args = process.argv.slice(2);
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;

const dir = path.resolve('scripts/bench');
const modules = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .filter((f) => !only || f.replace(/\.ts$/, '').includes(only))
  .sort();

if (modules.length === 0) {
  console.error(only ? `No benchmark matches "${only}".` : 'No benchmarks in scripts/bench/.');
  process.exit(2);
}

const ctx = createBenchContext();
try {
  for (const file of modules) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as BenchModule;
    console.log(`\n=== ${file.replace(/\.ts$/, '')} ===`);
    await mod.run(ctx);
  }
} finally {
  await ctx.cleanup();
}
mkdirSync('.bench', { recursive: true });
writeFileSync('.bench/results.json', `${JSON.stringify(ctx.results, null, 2)}\n`);
console.log('\nResults written to .bench/results.json');
