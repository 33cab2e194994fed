/**
 * The search engine of the server process: created on the first search, then shared by the
 * API route and the results page. Built from the build's catalogue (the first search waits
 * for nothing more), then it follows the catalogue the server sells from (verification's
 * liveCatalogue: saved listings and live revocations), so a facility's new price, stock state
 * or listing reaches search within seconds, without a rebuild (./live-search.ts).
 * The only search module that reads astro:content.
 */
import { getCatalogue } from '~/catalogue/astro';
import { env } from '~/config/env';
import { log } from '~/config/log';
import { liveCatalogue } from '~/verification/astro';
import { createSearchEngine } from './engine';
import type { SearchEngine } from './types';

let engine: Promise<SearchEngine> | undefined;

export function searchEngine(): Promise<SearchEngine> {
  engine ??= createSearchEngine(env(), getCatalogue, {
    catalogue: liveCatalogue,
    warn: (message, error) => log().warn({ err: error }, message),
    onUpdate: ({ upserts, removed, ms }) =>
      log().debug({ upserts, removed, ms: Math.round(ms) }, 'search follows the live catalogue'),
  }).catch((error: unknown) => {
    engine = undefined; // let the next request try again
    throw error;
  });
  return engine;
}
