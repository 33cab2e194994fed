/**
 * `npm run search:sync`: rebuilds the Meilisearch index (MEILISEARCH_URL, MEILISEARCH_API_KEY,
 * MEILISEARCH_INDEX) from the catalogue in CONTENT_DIR without downtime: settings first, then
 * the documents in batches, then the new index is swapped in (src/search/meilisearch-sync.ts).
 * The listings are those facilities saved where they did (through the admin command
 * `listings.export`, so the server's embedded database is not opened twice), else the files':
 * a sync must not bring back prices a facility has changed.
 * Options: --batch-size N (default 1000). Exit status: 0 done, 1 failed, 2 usage or configuration.
 */
import { Catalogue } from '~/catalogue/catalogue';
import { todayInVietnam } from '~/catalogue/certificate-status';
import { contentDir, loadCatalogue } from '~/catalogue/content-files';
import { env } from '~/config/env';
import { buildSearchDocuments } from '~/search/documents';
import { meilisearchClient } from '~/search/meilisearch';
import { reindex } from '~/search/meilisearch-sync';

function fail(status: number, message: string): never {
  console.error(`search:sync: ${message}`);
  process.exit(status);
}

const args = process.argv.slice(2);
let batchSize = 1000;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--batch-size' && /^\d+$/.test(args[i + 1] ?? '') && Number(args[i + 1]) > 0)
    batchSize = Number(args[++i]);
  else fail(2, `unknown or incomplete option "${args[i]}" (usage: npm run search:sync -- [--batch-size N])`);
}

let config: ReturnType<typeof env>;
try {
  config = env();
} catch (error) {
  fail(2, (error as Error).message);
}
if (!config.MEILISEARCH_URL)
  fail(2, 'MEILISEARCH_URL is not set; without it the site uses its embedded search and needs no sync.');

try {
  const started = Date.now();
  const files = await loadCatalogue();
  const { runAdminCommandFromCli } = await import('~/server/admin-cli');
  const exported = (await runAdminCommandFromCli('listings.export')) as {
    listings: Catalogue['data']['listings'];
    saved: number;
  };
  const catalogue = new Catalogue({ ...files.data, listings: exported.listings });
  console.log(`${exported.saved} listings as facilities saved them`);
  const documents = buildSearchDocuments(catalogue, todayInVietnam());
  console.log(
    `${documents.length} products from ${contentDir()} → ${config.MEILISEARCH_URL} index "${config.MEILISEARCH_INDEX}"`,
  );
  const client = meilisearchClient({
    url: config.MEILISEARCH_URL,
    ...(config.MEILISEARCH_API_KEY ? { apiKey: config.MEILISEARCH_API_KEY } : {}),
  });
  await reindex(client, config.MEILISEARCH_INDEX, documents, {
    batchSize,
    log: (line) => console.log(`  ${line}`),
  });
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  fail(1, (error as Error).message);
}
