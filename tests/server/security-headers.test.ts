import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvCache } from '~/config/env';
import { securityHeaders } from '~/server/security-headers';

describe('securityHeaders', () => {
  const saved = process.env.PUBLIC_SITE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.PUBLIC_SITE_URL;
    else process.env.PUBLIC_SITE_URL = saved;
    resetEnvCache();
  });

  it('sends HSTS (a year, subdomains) when the site is served over https', () => {
    expect(securityHeaders([], 'https://cho-cnnt.vn')['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });

  it('never sends HSTS over plain http, where it would pin localhost to https', () => {
    expect(securityHeaders([], 'http://localhost:4321')).not.toHaveProperty('strict-transport-security');
  });

  it('takes the scheme from PUBLIC_SITE_URL by default', () => {
    process.env.PUBLIC_SITE_URL = 'https://cho-cnnt.vn';
    resetEnvCache();
    expect(securityHeaders([])).toHaveProperty('strict-transport-security');
    process.env.PUBLIC_SITE_URL = 'http://localhost:4321';
    resetEnvCache();
    expect(securityHeaders([])).not.toHaveProperty('strict-transport-security');
  });
});
