/**
 * Every route under src/pages, read from the file system, against the role table
 * (src/accounts/access-rules.ts): a back-office route without its own line fails here, every
 * back-office route renders on demand (the guard runs in the middleware, which static pages
 * never reach), and each of the four kinds of visitor gets exactly what its line allows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_RULES,
  type Access,
  decide,
  isBackOffice,
  type Principal,
  ruleFor,
} from '~/accounts/access-rules';
import { refusal } from '~/accounts/guard';

const PAGES = path.resolve('src/pages');

function routeFiles(dir = PAGES): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /\.(astro|ts)$/.test(entry.name) ? [full] : [];
  });
}

/** "[...locale]/admin/index.astro" → "/admin/"; "api/admin/queues.ts" → "/api/admin/queues". */
function patternOf(file: string): string {
  const rel = path.relative(PAGES, file).split(path.sep).join('/');
  const withoutLocale = rel.replace(/^\[\.\.\.locale\]\/?/, '');
  if (withoutLocale.endsWith('.astro')) {
    const page = withoutLocale.replace(/\.astro$/, '').replace(/(^|\/)index$/, '');
    return `/${page}${page ? '/' : ''}`;
  }
  return `/${withoutLocale.replace(/\.ts$/, '')}`;
}

/** A concrete path for a pattern: each [param] becomes a plausible segment. */
const sample = (pattern: string) => pattern.replace(/\[[^\]]+\]/g, 'x1');

const account = (role: 'admin' | 'operator' | 'facility', twoFactorEnabled = true): Principal => ({
  kind: 'account',
  userId: `u-${role}`,
  email: `${role}@example.vn`,
  role,
  twoFactorEnabled,
  facilityIds: role === 'facility' ? ['co-so-a'] : [],
});

const VISITORS: Record<string, { principal: Principal; may: readonly Access[] }> = {
  anonymous: { principal: { kind: 'anonymous' }, may: ['public'] },
  'facility member': { principal: account('facility'), may: ['public', 'member', 'facility'] },
  operator: { principal: account('operator'), may: ['public', 'member', 'facility', 'operator'] },
  admin: { principal: account('admin'), may: ['public', 'member', 'facility', 'operator', 'admin'] },
  'operator without TOTP': { principal: account('operator', false), may: ['public'] },
};

const backOffice = routeFiles()
  .map((file) => ({ file, pattern: patternOf(file) }))
  .filter(({ pattern }) => isBackOffice(sample(pattern)));

describe('back-office routes', () => {
  it('finds the back-office routes on disk', () => {
    expect(backOffice.map((r) => r.pattern)).toEqual(expect.arrayContaining(['/account/', '/admin/']));
  });

  it.each(backOffice)(
    '$pattern has its own line in the role table and renders on demand',
    ({ file, pattern }) => {
      expect(Object.keys(ACCESS_RULES), `${pattern} needs a line in ACCESS_RULES`).toContain(pattern);
      expect(readFileSync(file, 'utf8')).toMatch(/export const prerender = false/);
    },
  );

  it('has no line for a route that does not exist', () => {
    const onDisk = new Set(backOffice.map((r) => r.pattern));
    expect(Object.keys(ACCESS_RULES).filter((p) => !onDisk.has(p))).toEqual([]);
  });

  for (const [who, { principal, may }] of Object.entries(VISITORS)) {
    it.each(backOffice)(`${who}: $pattern as the table says`, ({ pattern }) => {
      const access = ACCESS_RULES[pattern]!;
      for (const prefix of ['', '/en']) {
        const url = `${prefix}${sample(pattern)}`;
        const allowed = may.includes(access);
        expect(decide(sample(pattern), principal).allow, url).toBe(allowed);
        const response = refusal(url, principal);
        expect(response === null, url).toBe(allowed);
      }
    });
  }
});

describe('the guard', () => {
  it('sends a signed-out visitor of a page to sign in, and back afterwards', () => {
    const response = refusal('/en/admin/', { kind: 'anonymous' })!;
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/en/account/?next=%2Fen%2Fadmin%2F');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('knows an API route with the slash the server adds before Astro sees it', () => {
    expect(ruleFor('/api/admin/queues/')?.pattern).toBe('/api/admin/queues');
  });

  it('answers APIs with 401 signed out and 403 without the role', async () => {
    const signedOut = refusal('/api/admin/queues', { kind: 'anonymous' })!;
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const facility = refusal('/api/admin/queues', account('facility'))!;
    expect(facility.status).toBe(403);
    expect(await facility.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('sends an operator without TOTP to enrolment', () => {
    expect(refusal('/admin/', account('operator', false))!.headers.get('location')).toBe(
      '/account/two-factor/',
    );
  });

  it('says 403 to a facility member on the console', () => {
    expect(refusal('/admin/', account('facility'))!.status).toBe(403);
  });

  it('closes a back-office path that has no rule, for everyone', () => {
    expect(ruleFor('/admin/not-a-route/')).toBeUndefined();
    expect(refusal('/admin/not-a-route/', account('admin'))!.status).toBe(404);
  });

  it.each(['/%61dmin/', '/ADMIN/', '//admin/', '/en/%61dmin/', '/Account/sessions/'])(
    'treats %s as the back office it routes to',
    (pathname) => {
      expect(isBackOffice(pathname.replace(/^\/en(?=\/)/, ''))).toBe(true);
    },
  );
});
