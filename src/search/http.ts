/** GET /api/search (docs/http-api.md): validated parameters in, SearchResult out. */

import { log } from '~/config/log';
import { apiError, json, parseQuery } from '~/http/json';
import { joinRepeatedParams, searchParamsSchema, toSearchQuery } from './request';
import type { SearchEngine } from './types';

export async function searchApiResponse(url: URL, engine: () => Promise<SearchEngine>): Promise<Response> {
  const parsed = parseQuery(joinRepeatedParams(url), searchParamsSchema);
  if (!parsed.ok) return parsed.response;
  try {
    return json(await (await engine()).search(toSearchQuery(parsed.data)));
  } catch (error) {
    // A Meilisearch outage or a catalogue that fails to load: say so, don't pretend "no results".
    log().error({ err: error }, 'search failed');
    return apiError(
      503,
      'search_unavailable',
      'Search is unavailable at the moment; please try again shortly.',
    );
  }
}
