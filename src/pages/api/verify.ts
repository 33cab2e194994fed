/** GET /api/verify?code=: see src/verification/verify-api.ts (PRODUCT.md "HTTP API"). */
import type { APIRoute } from 'astro';
import { verifyDeps } from '~/verification/server';
import { handleVerify } from '~/verification/verify-api';

export const prerender = false;

export const GET: APIRoute = ({ request }) => handleVerify(request, verifyDeps);
