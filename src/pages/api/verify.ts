/** GET /api/verify?code=: see src/verification/verify-api.ts (docs/http-api.md). */
import type { APIRoute } from 'astro';
import { verifyDeps } from '~/verification/astro';
import { handleVerify } from '~/verification/verify-api';

export const prerender = false;

export const GET: APIRoute = ({ request }) => handleVerify(request, verifyDeps);
