/**
 * Which backend serves: Meilisearch when MEILISEARCH_URL is set, otherwise the embedded
 * engine built from the catalogue. Pure: the caller passes how to get the catalogue
 * (getCatalogue() in the server, loadCatalogue() in scripts and tests).
 */
import type { Catalogue } from '~/catalogue';
import { todayInVietnam } from '~/catalogue';
import type { Env } from '~/config/env';
import { buildSearchDocuments } from './documents';
import { EmbeddedSearchEngine } from './embedded';
import { MeilisearchEngine, meilisearchClient } from './meilisearch';
import type { SearchEngine } from './types';

export type SearchConfig = Pick<Env, 'MEILISEARCH_URL' | 'MEILISEARCH_API_KEY' | 'MEILISEARCH_INDEX'>;

export async function createSearchEngine(
  config: SearchConfig,
  catalogue: () => Promise<Catalogue>,
): Promise<SearchEngine> {
  if (config.MEILISEARCH_URL) {
    const client = meilisearchClient({
      url: config.MEILISEARCH_URL,
      ...(config.MEILISEARCH_API_KEY ? { apiKey: config.MEILISEARCH_API_KEY } : {}),
    });
    return new MeilisearchEngine(client, config.MEILISEARCH_INDEX);
  }
  return new EmbeddedSearchEngine(buildSearchDocuments(await catalogue(), todayInVietnam()));
}
