/** Headers sent with every response, static or rendered (see csp.ts for the policy). */
import { env } from '~/config/env';
import { contentSecurityPolicy } from './csp';

/**
 * HSTS only when the public address is https: sent over plain http (a developer's
 * localhost) it would make the browser refuse http for that host, and every other local
 * project on it, for a year.
 */
const HSTS = 'max-age=31536000; includeSubDomains';

export function securityHeaders(
  scriptHashes: readonly string[],
  siteUrl: string = env().PUBLIC_SITE_URL,
): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(scriptHashes),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(self)',
    'cross-origin-opener-policy': 'same-origin',
    'x-frame-options': 'DENY',
    ...(siteUrl.startsWith('https:') && { 'strict-transport-security': HSTS }),
  };
}
