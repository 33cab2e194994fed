/**
 * Content-Security-Policy for every response. Scripts may come only from our origin, plus the
 * few inline scripts Astro itself writes (island bootstrap, hydration directives), which are
 * allowed by hash: the build collects them (scripts/collect-csp-hashes.ts) into
 * dist/csp-hashes.json, so no 'unsafe-inline' is ever needed for scripts.
 */
import { createHash } from 'node:crypto';

/** Inline <script> bodies (without a src attribute) found in an HTML document. */
export function inlineScripts(html: string): string[] {
  const found: string[] = [];
  const pattern = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
  for (const match of html.matchAll(pattern)) {
    const attrs = match[1] ?? '';
    if (/\bsrc\s*=/.test(attrs) || /type\s*=\s*["']?application\/(ld\+)?json/i.test(attrs)) continue;
    found.push(match[2] ?? '');
  }
  return found;
}

export function scriptHash(body: string): string {
  return `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
}

export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(' ')}`.trim(),
    // Inline style attributes (e.g. chart bars) are harmless compared with scripts.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self' https://checkout.stripe.com",
    "frame-ancestors 'none'",
  ].join('; ');
}
