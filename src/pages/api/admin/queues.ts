/** GET /api/admin/queues: the dashboard's counts as JSON (operators; the middleware's guard checks). */
import type { APIRoute } from 'astro';
import { queueCounts } from '~/backoffice/astro';
import { database } from '~/db/client';
import { json } from '~/http/json';

export const prerender = false;

export const GET: APIRoute = async () => {
  const { db } = await database();
  return json(await queueCounts(db));
};
