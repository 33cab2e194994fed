/**
 * Facility API requests with a bearer token pass Astro's origin check: after trustBearerOrigin,
 * the Origin header equals the origin of the URL Astro's Node adapter builds for the request
 * (its own createRequest), whatever host or forwarded headers came in. Other requests are left
 * exactly as they came (a cookie-signed form from another site stays refused).
 */
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { NodeApp } from 'astro/app/node';
import { describe, expect, it } from 'vitest';
import { trustBearerOrigin } from '~/server/bearer-origin';

const ALLOWED = [{ hostname: 'cho-cnnt.vn' }, { hostname: 'localhost' }, { hostname: '127.0.0.1' }];

function incoming(url: string, headers: Record<string, string>): IncomingMessage {
  const req = new IncomingMessage(new Socket());
  req.url = url;
  req.method = 'POST';
  req.headers = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return req;
}

const astroSees = (req: IncomingMessage) => {
  const request = NodeApp.createRequest(req, { skipBody: true, allowedDomains: ALLOWED });
  return { origin: request.headers.get('origin'), urlOrigin: new URL(request.url).origin };
};

describe('trustBearerOrigin', () => {
  it.each([
    [{ host: '127.0.0.1:4321' }],
    [{ host: 'cho-cnnt.vn', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'cho-cnnt.vn' }],
    [{ host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-port': '8443' }],
    [{ host: 'cho-cnnt.vn', origin: 'https://evil.example' }],
  ])('gives a bearer request to the facility API the origin Astro computes (%j)', (headers) => {
    const req = incoming('/api/facility/products/x/photos/', {
      ...headers,
      authorization: 'Bearer cnnt_fac_0123456789abcdef_secret',
      'content-type': 'multipart/form-data; boundary=x',
      'x-forwarded-for': '203.0.113.7',
    });
    trustBearerOrigin(req);
    const seen = astroSees(req);
    expect(seen.origin).toBe(seen.urlOrigin);
    expect(req.headers['x-forwarded-for']).toBe('203.0.113.7');
  });

  it.each([
    ['/api/facility/products/x/photos/', { host: 'cho-cnnt.vn', cookie: 'session=1' }],
    ['/api/facility/products/x/photos/', { host: 'cho-cnnt.vn', authorization: 'Basic dXNlcjpwYXNz' }],
    ['/facility/products/x/photos/', { host: 'cho-cnnt.vn', authorization: 'Bearer abc' }],
    ['/api/orders/', { host: 'cho-cnnt.vn', authorization: 'Bearer abc' }],
  ])('leaves %s with %j as it came', (url, headers) => {
    const req = incoming(url, { ...headers, origin: 'https://evil.example' });
    const before = { ...req.headers };
    trustBearerOrigin(req);
    expect(req.headers).toEqual(before);
    const seen = astroSees(req);
    expect(seen.origin).not.toBe(seen.urlOrigin);
  });
});
