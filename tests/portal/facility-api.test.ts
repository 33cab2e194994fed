/**
 * The facility API's authentication and GET /api/facility/products, on PGlite and PostgreSQL:
 * a missing, malformed, wrong, unknown or revoked token is 401; a token sees only its own
 * facility's products; the 61st request in a minute is 429; a token without the scope is 403.
 */
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalogue } from '~/catalogue/catalogue';
import { commandActor } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { FACILITY_SCOPES, type FacilityScope } from '~/portal/api-tokens';
import { createFacilityToken, revokeFacilityToken } from '~/portal/api-tokens-store';
import { facilityApiTokens } from '~/portal/db-schema';
import { authenticateFacilityRequest, FACILITY_API_RATE } from '~/portal/facility-api-auth';
import { handleFacilityProducts } from '~/portal/facility-products-api';
import { RateLimiter } from '~/security/rate-limit';
import { catalogueData } from '../listings/listing-fixture';
import { openPostgresSchema, testEngines } from '../notifications/test-databases';
import { AS_OF } from '../verification/fixtures';

const A = 'nuoc-mam-hung-thanh';
const B = 'gom-bat-trang';
const NOW = new Date(`${AS_OF}T03:00:00Z`);

const get = (authorization?: string) =>
  new Request('http://localhost/api/facility/products/', {
    headers: authorization === undefined ? {} : { authorization },
  });

interface ErrorBody {
  error: { code: string; message: string };
}

describe.each(testEngines())('facility API on $name', ({ open, skipReason }) => {
  let handle: DatabaseHandle;
  const catalogue = new Catalogue(catalogueData());
  const actor = commandActor('facility');
  const tokenFor = async (facilityId: string, scopes: readonly FacilityScope[] = FACILITY_SCOPES) =>
    createFacilityToken(handle.db, actor, { facilityId, label: `token of ${facilityId}`, scopes });
  const products = (request: Request, limiter = new RateLimiter()) =>
    handleFacilityProducts(request, { db: handle.db, catalogue: async () => catalogue, limiter, now: NOW });

  beforeAll(async () => {
    if (!skipReason) handle = await open();
  });
  afterAll(() => handle?.close());

  it.skipIf(skipReason)(
    'gives a token the products of its own facility only, with listings and certificates',
    async () => {
      const a = await tokenFor(A);
      const b = await tokenFor(B);
      const forA = await products(get(`Bearer ${a.token}`));
      expect(forA.status).toBe(200);
      const bodyA = (await forA.json()) as { facility: { id: string }; products: Record<string, unknown>[] };
      expect(bodyA.facility).toEqual({ id: A, name: 'Công ty TNHH Nước mắm Hưng Thạnh' });
      expect(bodyA.products.map((p) => p.id)).toEqual(['nuoc-mam-phu-quoc']);
      expect(bodyA.products[0]).toMatchObject({
        name: 'Nước mắm Phú Quốc 40 độ đạm',
        url: '/products/nuoc-mam-phu-quoc/',
        group: 'food',
        listing: {
          description: { vi: 'Nước mắm cá cơm', en: 'Anchovy fish sauce' },
          variants: [{ sku: 'NMPQ-500', price: 125_000, stock: 40 }],
        },
      });
      const certificates = bodyA.products[0]!.certificates as { id: string; status: string; url: string }[];
      expect(certificates.length).toBeGreaterThan(0);
      expect(certificates.every((c) => c.url === `/verify/${c.id}/` && typeof c.status === 'string')).toBe(
        true,
      );

      const bodyB = (await (await products(get(`Bearer ${b.token}`))).json()) as {
        products: { id: string; listing: unknown }[];
      };
      expect(bodyB.products.map((p) => p.id).sort()).toEqual(['binh-gom-men-lam', 'bo-am-chen']);
      expect(bodyB.products.every((p) => p.listing === null)).toBe(true);
      expect(JSON.stringify(bodyB)).not.toContain('nuoc-mam');
    },
  );

  it.skipIf(skipReason)('answers 401 unauthorized without a valid token, and reads no files', async () => {
    const good = await tokenFor(A);
    const revoked = await tokenFor(A);
    await revokeFacilityToken(handle.db, actor, revoked.id);
    const wrongSecret = `${good.token.slice(0, -1)}${good.token.endsWith('A') ? 'B' : 'A'}`;
    const unknownId = good.token.replace(good.id, 'ffffffffffffffff');
    let reads = 0;
    const cases: [string | undefined, RegExp][] = [
      [undefined, /Authorization: Bearer TOKEN/],
      ['Basic dXNlcjpwYXNz', /Authorization: Bearer TOKEN/],
      ['Bearer ', /Authorization: Bearer TOKEN/],
      ['Bearer not-a-token', /start with "cnnt_fac_"/],
      [good.token, /Authorization: Bearer TOKEN/], // no "Bearer"
      [`Bearer ${wrongSecret}`, /Unknown facility API token/],
      [`Bearer ${unknownId}`, /Unknown facility API token/],
      [`Bearer ${revoked.token}`, /revoked on \d{4}-\d{2}-\d{2}/],
    ];
    for (const [authorization, message] of cases) {
      const response = await handleFacilityProducts(get(authorization), {
        db: handle.db,
        catalogue: async () => {
          reads++;
          return catalogue;
        },
        limiter: new RateLimiter(),
        now: NOW,
      });
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.code).toBe('unauthorized');
      expect(body.error.message).toMatch(message);
    }
    expect(reads).toBe(0);
    expect((await products(get(`bearer  ${good.token}`))).status).toBe(200);
  });

  it.skipIf(skipReason)(
    'refuses the 61st request in a minute with 429 and Retry-After, per token',
    async () => {
      const a = await tokenFor(A);
      const other = await tokenFor(A);
      const limiter = new RateLimiter();
      for (let i = 1; i <= FACILITY_API_RATE.limit; i++) {
        const response = await products(get(`Bearer ${a.token}`), limiter);
        expect(response.status, `request ${i}`).toBe(200);
      }
      const refused = await products(get(`Bearer ${a.token}`), limiter);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(((await refused.json()) as ErrorBody).error.code).toBe('rate_limited');
      // Another token of the same facility has its own budget.
      expect((await products(get(`Bearer ${other.token}`), limiter)).status).toBe(200);
      expect(FACILITY_API_RATE).toEqual({ limit: 60, windowMs: 60_000 });
    },
  );

  it.skipIf(skipReason)('answers 403 forbidden to a token without the scope', async () => {
    const writeOnly = await tokenFor(A, ['photos:write']);
    const response = await products(get(`Bearer ${writeOnly.token}`));
    expect(response.status).toBe(403);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe('forbidden');
    expect(body.error.message).toContain('listings:read');
  });

  it.skipIf(skipReason)(
    'records the last use, at most once a minute, and names the token as the actor',
    async () => {
      const a = await tokenFor(A);
      const lastUsed = async () =>
        (await handle.db.select().from(facilityApiTokens).where(eq(facilityApiTokens.id, a.id)))[0]!
          .lastUsedAt;
      expect(await lastUsed()).toBeNull();
      const limiter = new RateLimiter();
      const auth = await authenticateFacilityRequest(handle.db, get(`Bearer ${a.token}`), {
        limiter,
        now: NOW,
      });
      expect(auth.ok && auth.caller).toEqual({
        tokenId: a.id,
        facilityId: A,
        label: `token of ${A}`,
        scopes: [...FACILITY_SCOPES],
        actor: { kind: 'facility_token', id: a.id, label: `token of ${A}`, role: 'facility' },
      });
      expect(await lastUsed()).toEqual(NOW);
      const soon = new Date(NOW.getTime() + 30_000);
      await authenticateFacilityRequest(handle.db, get(`Bearer ${a.token}`), { limiter, now: soon });
      expect(await lastUsed()).toEqual(NOW);
      const later = new Date(NOW.getTime() + 90_000);
      await authenticateFacilityRequest(handle.db, get(`Bearer ${a.token}`), { limiter, now: later });
      expect(await lastUsed()).toEqual(later);
    },
  );
});

describe.skipIf(!process.env.TEST_DATABASE_URL)(
  'facility API limit across instances (PostgreSQL store)',
  () => {
    it('counts one budget per token for two server processes sharing the rate_limits table', async () => {
      const schema = await openPostgresSchema(process.env.TEST_DATABASE_URL!);
      const pools = [
        new pg.Pool({ connectionString: schema.url }),
        new pg.Pool({ connectionString: schema.url }),
      ];
      try {
        const a = await createFacilityToken(schema.db, commandActor('facility'), {
          facilityId: A,
          label: 'shared',
          scopes: FACILITY_SCOPES,
        });
        // Two limiters as two instances would have, each with its own pool on the same table.
        const instances = pools.map((pool) => new RateLimiter({ kind: 'postgres', pool }));
        const ask = (i: number) =>
          authenticateFacilityRequest(schema.db, get(`Bearer ${a.token}`), {
            limiter: instances[i % 2],
            now: NOW,
          });
        for (let i = 0; i < FACILITY_API_RATE.limit; i++)
          expect((await ask(i)).ok, `request ${i + 1}`).toBe(true);
        const refused = await ask(0);
        expect(refused.ok).toBe(false);
        if (!refused.ok) expect(refused.response.status).toBe(429);
      } finally {
        await Promise.all(pools.map((pool) => pool.end()));
        await schema.close();
      }
    });
  },
);
