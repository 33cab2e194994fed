/**
 * The same contract against a real Meilisearch, when MEILISEARCH_URL is set (CI or a
 * developer with a server). Each run builds its own index through the production sync code
 * (settings, batches, swap) and deletes it afterwards.
 */
import { afterAll, describe } from 'vitest';
import { MeilisearchEngine, meilisearchClient } from '~/search/meilisearch';
import { reindex } from '~/search/meilisearch-sync';
import { searchContract } from './contract-suite';
import { fixtureDocuments } from './fixture';

const url = process.env.MEILISEARCH_URL;
if (!url)
  console.warn(
    'Skipping the Meilisearch contract run: MEILISEARCH_URL is not set (no Meilisearch server here).',
  );

describe.skipIf(!url)('Meilisearch search engine: contract', () => {
  const uid = `test_products_${process.pid}_${Date.now()}`;
  const client = () =>
    meilisearchClient({
      url: url!,
      ...(process.env.MEILISEARCH_API_KEY ? { apiKey: process.env.MEILISEARCH_API_KEY } : {}),
    });

  searchContract(async () => {
    // Two syncs: the first creates the index by renaming, the second swaps a new one in.
    await reindex(client(), uid, fixtureDocuments.slice(0, 5), { batchSize: 2 });
    await reindex(client(), uid, fixtureDocuments, { batchSize: 10 });
    return new MeilisearchEngine(client(), uid);
  });

  afterAll(async () => {
    await client().deleteIndexIfExists(uid);
  });
});
