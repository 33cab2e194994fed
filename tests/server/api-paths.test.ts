import { describe, expect, it } from 'vitest';
import { withRouteSlash } from '~/server/api-paths';

describe('contract paths without a trailing slash', () => {
  it('are rewritten to the slashed API route, keeping the query', () => {
    expect(withRouteSlash('/api/verify?code=a/b')).toBe('/api/verify/?code=a/b');
    expect(withRouteSlash('/api/orders')).toBe('/api/orders/');
    expect(withRouteSlash('/api/orders/CNNT-1?phone=09')).toBe('/api/orders/CNNT-1/?phone=09');
  });

  it('rewrite the readiness probe to its on-demand route', () => {
    expect(withRouteSlash('/readyz')).toBe('/readyz/');
  });

  it('are rewritten to the slashed Open Graph image route', () => {
    expect(withRouteSlash('/og/products/nuoc-mam-phu-quoc.jpg')).toBe('/og/products/nuoc-mam-phu-quoc.jpg/');
    expect(withRouteSlash('/og/products/nuoc-mam-phu-quoc.jpg?v=2')).toBe(
      '/og/products/nuoc-mam-phu-quoc.jpg/?v=2',
    );
  });

  it('leave pages, slashed paths and file-like API endpoints alone', () => {
    for (const url of [
      '/verify/x',
      '/api/verify/?code=1',
      '/api/export.csv?x=1',
      '/',
      '/apix/y',
      '/og/products/x.png',
      '/og/products/x.jpg/',
    ]) {
      expect(withRouteSlash(url)).toBe(url);
    }
  });
});
