/**
 * Serves a build as `npm start` does (src/server/run-server.ts), but never builds: the fault
 * benches restart the server many times, and scripts/start.ts would rebuild the site whenever
 * a source file changed meanwhile, emptying dist/ mid-run. ASTRO_OUT_DIR names the build.
 */
import { runServer } from '~/server/run-server';
import { serve } from '~/server/serve';

const server = await runServer(() => serve());
console.log(`serving ${process.env.ASTRO_OUT_DIR ?? 'dist'} at ${server.url}/`);
