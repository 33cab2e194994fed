/** GET /api/quotes/{reference}?email=: the buyer's quote with every facility's answer. */
import type { APIRoute } from 'astro';
import { clientAddress } from '~/security/client-address';
import { quoteApiDeps } from '~/sourcing/astro';
import { handleGetQuote } from '~/sourcing/quote-api';

export const prerender = false;

export const GET: APIRoute = async ({ request, params, url, clientAddress: address }) =>
  handleGetQuote(params.reference ?? '', url, clientAddress(request, address), await quoteApiDeps());
