import { describe, expect, it } from 'vitest';
import { withApiSlash } from '../../src/server/api-paths';

describe('API paths without a trailing slash', () => {
  it('are rewritten to the slashed route, keeping the query', () => {
    expect(withApiSlash('/api/verify?code=a/b')).toBe('/api/verify/?code=a/b');
    expect(withApiSlash('/api/orders')).toBe('/api/orders/');
    expect(withApiSlash('/api/orders/CNNT-1?phone=09')).toBe('/api/orders/CNNT-1/?phone=09');
  });

  it('leave pages, slashed paths and file-like endpoints alone', () => {
    for (const url of ['/verify/x', '/api/verify/?code=1', '/api/export.csv?x=1', '/', '/apix/y']) expect(withApiSlash(url)).toBe(url);
  });
});
