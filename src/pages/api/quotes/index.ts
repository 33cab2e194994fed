/** POST /api/quotes: a retailer's quote request (docs/http-api.md). Logic in src/sourcing/quote-api.ts. */
import type { APIRoute } from 'astro';
import { clientAddress } from '~/security/client-address';
import { quoteApiDeps } from '~/sourcing/astro';
import { handleCreateQuote } from '~/sourcing/quote-api';

export const prerender = false;

export const POST: APIRoute = async ({ request, clientAddress: address }) =>
  handleCreateQuote(request, clientAddress(request, address), await quoteApiDeps());
