import { describe, expect, it } from 'vitest';
import { loggedPath } from '~/server/logged-path';

describe('loggedPath', () => {
  it('keeps query parameter names, never their values', () => {
    expect(loggedPath('/api/orders/CNNT-260101-ABCDE?phone=0912345678')).toBe(
      '/api/orders/CNNT-260101-ABCDE?phone=',
    );
    expect(loggedPath('/search/?q=nuoc+mam&group=1&group=2')).toBe('/search/?q=&group=');
    expect(loggedPath('/verify/')).toBe('/verify/');
  });

  it('hides signed-link tokens in the path', () => {
    expect(loggedPath(`/facility/orders/${'a'.repeat(40)}.sig_-x/`)).toBe('/facility/orders/[token]/');
  });
});
