/**
 * `npm start`: builds when the build is missing or older than its inputs, then serves on
 * PORT (default 4321) and HOST. SIGTERM/SIGINT shut down gracefully (in-flight requests
 * finish, the database closes and its lock is released) and exit 0 (src/server/run-server.ts).
 */
import { spawnSync } from 'node:child_process';
import { runServer } from '~/server/run-server';
import { serve } from '~/server/serve';
import { buildIsFresh } from './lib/build-freshness';

if (!buildIsFresh()) {
  console.log('Building the site (inputs changed or no build yet)…');
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const server = await runServer(() => serve());
console.log(`Chợ CNNT is serving at ${server.url}/`);
