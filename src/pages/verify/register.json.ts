/**
 * /verify/register.json: every certificate with its live status; ?lang=en for English names.
 * Outside [...locale] because a file-extension route with a dynamic segment would need a
 * trailing slash under trailingSlash "always".
 */
import { registerRoute } from '~/verification/register-api';

export const prerender = false;
export const GET = registerRoute('json');
