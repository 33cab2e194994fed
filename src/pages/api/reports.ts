/** POST /api/reports: a suspected counterfeit badge (JSON); see src/verification/report-api.ts. */
import type { APIRoute } from 'astro';
import { reportDeps } from '~/verification/astro';
import { handleReportPost } from '~/verification/report-api';

export const prerender = false;

export const POST: APIRoute = ({ request, clientAddress }) =>
  handleReportPost(request, reportDeps(request, clientAddress));
