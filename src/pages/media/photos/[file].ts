/** GET /media/photos/{id}-{width}.webp: a facility's uploaded photo (src/listings/photo-files-api.ts). */
import type { APIRoute } from 'astro';
import { servePhotoFile } from '~/listings/astro';

export const prerender = false;

export const GET: APIRoute = ({ request, params }) => servePhotoFile(request, params.file);
