/**
 * `npm start`: builds when the build is missing or older than its inputs, then serves on
 * PORT (default 4321) and HOST.
 */
import { spawnSync } from 'node:child_process';
import { serve } from '~/server/serve';
import { buildIsFresh } from './lib/build-freshness';

if (!buildIsFresh()) {
  console.log('Building the site (inputs changed or no build yet)…');
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const server = await serve();
console.log(`Chợ CNNT is serving at ${server.url}/`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
