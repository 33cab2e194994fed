/**
 * A private copy of a complete build for benches that start the server many times
 * (scripts/bench/_serve-built.ts serves it through ASTRO_OUT_DIR): another build of dist/
 * during the run then cannot pull the site from under them.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildIsFresh } from './build-freshness';

const STAMP = 'dist/.build-stamp';
const WAIT_MS = 6 * 60_000;

const stampOf = () => (existsSync(STAMP) ? readFileSync(STAMP, 'utf8') : undefined);

/** Copies dist/ once its build is complete (the stamp is written last), waiting for a build under way. */
export async function snapshotBuild(): Promise<{ dir: string; remove(): void }> {
  const start = Date.now();
  while (Date.now() - start < WAIT_MS) {
    const stamp = stampOf();
    if (stamp) {
      const dir = mkdtempSync(path.join(tmpdir(), 'bench-build-'));
      const remove = () => rmSync(dir, { recursive: true, force: true });
      try {
        cpSync('dist', dir, { recursive: true });
        // The server bundle imports packages: let them resolve from the copy as from dist/.
        symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir');
        // Unchanged stamp before and after: no build started while copying.
        if (stampOf() === stamp && existsSync(path.join(dir, 'server', 'entry.mjs'))) {
          if (!buildIsFresh())
            console.warn(`dist/ (built ${stamp}) is older than src/: the bench measures that build`);
          return { dir, remove };
        }
      } catch {
        // A build emptied dist/ while copying: wait for it.
      }
      remove();
    }
    console.log('waiting for a complete build in dist/ (`npm run build`)…');
    await new Promise((r) => setTimeout(r, 10_000));
  }
  throw new Error(`no complete build in dist/ within ${WAIT_MS / 60_000} minutes: run \`npm run build\``);
}
