/**
 * The search engine of the server process: created on the first search, then shared by the
 * API route and the results page. The only search module that reads astro:content.
 */
import { getCatalogue } from '~/catalogue/astro';
import { env } from '~/config/env';
import { createSearchEngine } from './engine';
import type { SearchEngine } from './types';

let engine: Promise<SearchEngine> | undefined;

export function searchEngine(): Promise<SearchEngine> {
  engine ??= createSearchEngine(env(), getCatalogue).catch((error: unknown) => {
    engine = undefined; // let the next request try again
    throw error;
  });
  return engine;
}
