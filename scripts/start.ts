/**
 * `npm start`: serves on PORT (default 4321) and HOST. With a published build (`npm run publish`
 * wrote builds/live.json) it serves that one and follows later publishes without a restart;
 * otherwise it serves dist/, building first when dist/ is missing or older than its inputs.
 * SIGTERM/SIGINT shut down gracefully (in-flight requests finish, the database closes and its
 * lock is released) and exit 0 (src/server/run-server.ts).
 */
import { spawnSync } from 'node:child_process';
import { initialBuild } from '~/publishing/astro';
import { runServer } from '~/server/run-server';
import { serve } from '~/server/serve';
import { buildIsFresh } from './lib/build-freshness';

const published = process.env.ASTRO_OUT_DIR ? null : (await initialBuild()).id;
if (published) {
  console.log(
    `Serving the published build ${published} (builds/live.json); \`npm run publish\` publishes newer changes.`,
  );
} else if (!buildIsFresh()) {
  console.log('Building the site (inputs changed or no build yet)…');
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const server = await runServer(() => serve());
console.log(`Chợ CNNT is serving at ${server.url}/`);
