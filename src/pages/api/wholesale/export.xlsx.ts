/**
 * GET /api/wholesale/export.xlsx: sourcing results or the quote basket (see src/sourcing/export-api.ts).
 * One static file per format: Astro 5 exempts only static file-extension endpoints from trailingSlash.
 */
import type { APIRoute } from 'astro';
import { exportLimitFor, serverOffers } from '~/sourcing/astro';
import { handleExport } from '~/sourcing/export-api';

export const prerender = false;

export const GET: APIRoute = async ({ request, url, clientAddress }) => {
  const { offers, bySku } = await serverOffers();
  return handleExport('xlsx', url, offers, bySku, exportLimitFor(request, clientAddress));
};
