/** GET /readyz: see src/server/readiness.ts (docs/http-api.md). */
import type { APIRoute } from 'astro';
import { database } from '~/db/client';
import { searchEngine } from '~/search/astro';
import { handleReadiness } from '~/server/readiness';

export const prerender = false;

export const GET: APIRoute = () =>
  handleReadiness({ database: async () => (await database()).db, search: searchEngine });
