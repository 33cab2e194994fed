/**
 * `npm test`: the house rules (`npm run lint`: Biome and the layer check), type check, unit and
 * integration tests (vitest), then end-to-end tests
 * (Playwright in Debian's Chromium against the built site). Ends with one summary line
 * "N passed, N failed, N skipped" and a non-zero exit status when anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { buildIsFresh } from './lib/build-freshness';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const failedSteps: string[] = [];

function run(name: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  if (!ok) failedSteps.push(name);
  return ok;
}

function readJson(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

function tallyVitest(file: string): void {
  const report = readJson(file) as
    | { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }
    | undefined;
  if (!report) return;
  total.passed += report.numPassedTests;
  total.failed += report.numFailedTests;
  total.skipped += report.numPendingTests + report.numTodoTests;
}

function tallyPlaywright(file: string): void {
  const report = readJson(file) as
    | { stats?: { expected: number; unexpected: number; skipped: number; flaky: number } }
    | undefined;
  if (!report?.stats) return;
  total.passed += report.stats.expected + report.stats.flaky;
  total.failed += report.stats.unexpected;
  total.skipped += report.stats.skipped;
}

const only = process.argv[2]; // "unit" or "e2e" to run one part
rmSync('test-results', { recursive: true, force: true });

if (!only || only === 'unit') {
  run('lint', 'npm', ['run', 'lint']);
  run('type check', 'npx', ['astro', 'check']);
  run('unit and integration tests', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-results/unit.json',
  ]);
  tallyVitest('test-results/unit.json');
}

if (!only || only === 'e2e') {
  // The journeys start from an empty database, and the build reads the photos facilities
  // uploaded from the database it is pointed at (scripts/lib/build-uploaded-photos.ts): point it
  // at the journeys' folder once emptied, so it finds none rather than a developer's own.
  rmSync('.e2e-data', { recursive: true, force: true });
  if (!buildIsFresh() && !run('build', 'npm', ['run', 'build'], { DATA_DIR: '.e2e-data' })) {
    console.log('The build failed; end-to-end tests cannot run.');
  } else {
    run('end-to-end tests', 'npx', ['playwright', 'test']);
    tallyPlaywright('test-results/e2e.json');
  }
}

console.log(`\nSteps failed: ${failedSteps.length ? failedSteps.join(', ') : 'none'}`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedSteps.length > 0 || total.failed > 0 ? 1 : 0);
