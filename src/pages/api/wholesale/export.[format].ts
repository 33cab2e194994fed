/** GET /api/wholesale/export.csv and .xlsx: sourcing results or the quote basket. */
import type { APIRoute } from 'astro';
import { serverOffers } from '../../../sourcing/astro';
import { handleExport } from '../../../sourcing/export-api';

export const prerender = false;

export const GET: APIRoute = async ({ params, url }) => {
  const { offers, bySku } = await serverOffers();
  return handleExport(params.format, url, offers, bySku);
};
