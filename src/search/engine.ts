/**
 * Which backend serves: Meilisearch when MEILISEARCH_URL is set, otherwise the embedded
 * engine built from the catalogue. Pure: the caller passes how to get the catalogue
 * (getCatalogue() in the server, loadCatalogue() in scripts and tests) and, to follow what
 * changes while the server runs (saved listings, revocations), how to get the live one.
 */
import type { Catalogue } from '~/catalogue';
import { todayInVietnam } from '~/catalogue';
import type { Env } from '~/config/env';
import { documentChanges, nextTurn } from './catalogue-changes';
import { buildSearchDocuments } from './documents';
import { EmbeddedSearchEngine } from './embedded';
import { LiveSearch, type LiveSearchOptions } from './live-search';
import { MeilisearchEngine, meilisearchClient } from './meilisearch';
import { pushDocumentChanges } from './meilisearch-push';
import type { SearchEngine } from './types';

export type SearchConfig = Pick<Env, 'MEILISEARCH_URL' | 'MEILISEARCH_API_KEY' | 'MEILISEARCH_INDEX'>;

/** How search follows the live catalogue (see LiveSearch for the rest of the options). */
export type FollowOptions = { catalogue: () => Promise<Catalogue> } & Partial<
  Omit<LiveSearchOptions, 'engine' | 'indexed' | 'catalogue' | 'apply'>
>;

export async function createSearchEngine(
  config: SearchConfig,
  catalogue: () => Promise<Catalogue>,
  follow?: FollowOptions,
): Promise<SearchEngine> {
  const today = follow?.today ?? todayInVietnam;
  if (config.MEILISEARCH_URL) {
    const client = meilisearchClient({
      url: config.MEILISEARCH_URL,
      ...(config.MEILISEARCH_API_KEY ? { apiKey: config.MEILISEARCH_API_KEY } : {}),
    });
    const engine = new MeilisearchEngine(client, config.MEILISEARCH_INDEX);
    if (!follow) return engine;
    return new LiveSearch({
      batchSize: 1000,
      ...follow,
      today,
      engine,
      // What `npm run search:sync` sent: the catalogue as built. Its documents are made in the
      // background, a chunk at a time; searches do not wait for them.
      indexed: async () => {
        const built = await catalogue();
        const asOf = today();
        const all = await documentChanges(new Map(), built, asOf, built.productById.keys());
        return { catalogue: built, asOf, documents: all.upserts };
      },
      apply: (changes) => pushDocumentChanges(client, config.MEILISEARCH_INDEX, changes),
    });
  }
  const built = await catalogue();
  const asOf = today();
  const documents = buildSearchDocuments(built, asOf);
  const engine = new EmbeddedSearchEngine(documents);
  if (!follow) return engine;
  return new LiveSearch({
    ...follow,
    today,
    engine,
    indexed: async () => ({ catalogue: built, asOf, documents }),
    apply: async (changes) => {
      await engine.prepareUpdates(nextTurn);
      engine.update(changes.upserts, changes.removed);
    },
  });
}
