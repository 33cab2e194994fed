import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScripts, scriptHash } from '~/server/csp';

describe('CSP', () => {
  it('finds inline scripts but not external scripts or JSON-LD', () => {
    const html = `<script>a()</script><script type="module" src="/x.js"></script>
      <script type="application/ld+json">{"@type":"Product"}</script><script type="module">b()</script>`;
    expect(inlineScripts(html)).toEqual(['a()', 'b()']);
  });

  it('hashes a script body as the browser does (sha256, base64)', () => {
    const expected = createHash('sha256').update('alert(1)').digest('base64');
    expect(scriptHash('alert(1)')).toBe(`'sha256-${expected}'`);
  });

  it('never allows inline scripts wholesale and forbids framing', () => {
    const policy = contentSecurityPolicy(["'sha256-abc'"]);
    expect(policy).toContain("script-src 'self' 'sha256-abc'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
  });
});
