import type { APIRoute } from 'astro';
import { searchEngine } from '~/search/astro';
import { searchApiResponse } from '~/search/http';

export const prerender = false;

export const GET: APIRoute = ({ url }) => searchApiResponse(url, searchEngine);
