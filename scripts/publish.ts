/**
 * `npm run publish [-- --rollback] [-- --from DIR] [-- --requested-by WHO]`
 *
 * Builds the site into a new folder under BUILDS_DIR (default ./builds) while the running
 * server(s) keep serving the live one, checks it (every sitemap page, CSP hashes, build stamp),
 * then switches every server on this machine to it with no failed request; keeps the last three
 * builds. `--rollback` switches back to the build before the live one. `--from DIR` publishes a
 * finished build made elsewhere instead of building. One publish at a time. Recorded in the
 * audit log. Exit status: 0 done, 1 failed or refused, 2 usage.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CONTENT_FILES, contentDir } from '~/catalogue/content-files';
import { PublishBusyError, PublishError, publish, rollback } from '~/publishing/astro';
import { runAdminCommandFromCli } from '~/server/admin-cli';

const USAGE = 'usage: npm run publish [-- --rollback] [-- --from BUILD_DIR] [-- --requested-by WHO]';

function fail(message: string, status: number): never {
  console.error(`publish: ${message}`);
  if (status === 2) console.error(USAGE);
  process.exit(status);
}

let values: { rollback?: boolean; from?: string; 'requested-by'?: string };
try {
  const parsed = parseArgs({
    allowPositionals: false,
    options: {
      rollback: { type: 'boolean' },
      from: { type: 'string' },
      'requested-by': { type: 'string' },
    },
  });
  values = parsed.values;
} catch (error) {
  fail((error as Error).message, 2);
}
if (values.rollback && values.from) fail('--rollback and --from cannot be combined', 2);

// Without --requested-by the person is whoever ran the command: named as the command itself.
/**
 * With Meilisearch the index lives outside the build: it is rebuilt from the catalogue and
 * swapped in (`npm run search:sync`) once the servers have loaded the build, just before they
 * switch to it, so pages and search change within the same second. On rollback the catalogue
 * files are those of today, so the index stays as it is.
 */
async function syncSearch(): Promise<void> {
  const { spawnSync } = await import('node:child_process');
  const result = spawnSync('npm', ['run', '--silent', 'search:sync'], { stdio: 'inherit' });
  if (result.status !== 0)
    throw new PublishError(`npm run search:sync failed (exit ${result.status}); nothing was switched`);
}

const requestedBy =
  values['requested-by']?.trim() || `npm run publish${values.rollback ? ' -- --rollback' : ''}`;
const started = Date.now();
const progress = (line: string) => console.log(`publish: ${line}`);
try {
  if (values.rollback) {
    const result = await rollback({ requestedBy, onProgress: progress });
    await record('site.rollback', { ...result, requestedBy });
    console.log(
      `Rolled back to ${result.build} (was ${result.previous ?? 'none'}): ${result.instances} server(s) switched in ${result.switchMs} ms.`,
    );
  } else {
    const dir = contentDir();
    const result = await publish({
      requestedBy,
      from: values.from,
      contentFiles: Object.values(CONTENT_FILES).map((f) => path.join(dir, f)),
      onProgress: progress,
      ...(process.env.MEILISEARCH_URL && { beforeSwitch: syncSearch }),
    });
    await record('site.publish', { ...result, requestedBy });
    console.log(
      `Published ${result.build} (${result.pages} pages, built in ${result.buildSeconds.toFixed(1)} s): ${result.instances} server(s) switched in ${result.switchMs} ms after ${result.prepareMs} ms loading; ${Math.round((Date.now() - started) / 1000)} s in all.`,
    );
    if (result.removed.length > 0) console.log(`Removed old builds: ${result.removed.join(', ')}`);
  }
} catch (error) {
  if (error instanceof PublishBusyError || error instanceof PublishError) fail(error.message, 1);
  throw error;
}

/** The audit log entry (through the running server's admin socket with the embedded database). */
async function record(
  command: 'site.publish' | 'site.rollback',
  details: Record<string, unknown>,
): Promise<void> {
  try {
    await runAdminCommandFromCli(command, details);
  } catch (error) {
    // The switch happened; say loudly that the log misses it rather than pretend it failed.
    console.error(
      `publish: the switch is done but could not be written to the audit log: ${(error as Error).message}`,
    );
    process.exit(1);
  }
}
