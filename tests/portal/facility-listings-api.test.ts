/**
 * PUT /api/facility/listings/{productId} on PGlite and PostgreSQL: a token saves its own
 * facility's listings only; bad input is refused field by field with nothing saved; If-Match
 * makes a save conditional; the audit log names the token.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, commandActor } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { savedListing, saveListing } from '~/listings/listing-store';
import { createFacilityToken } from '~/portal/api-tokens-store';
import { handleFacilityListingPut } from '~/portal/facility-listings-api';
import { RateLimiter } from '~/security/rate-limit';
import {
  bodyA,
  FACILITY_A,
  FACILITY_B,
  fixtureCatalogue,
  PRODUCT_A,
  PRODUCT_B,
  targetOf,
} from '../listings/listing-fixture';
import { testEngines } from '../notifications/test-databases';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

describe.each(testEngines())('facility listings API on $name', ({ open, skipReason }) => {
  let handle: DatabaseHandle;
  const catalogue = fixtureCatalogue();
  const put = (
    productId: string,
    token: string | undefined,
    body: unknown,
    headers: Record<string, string> = {},
  ) =>
    handleFacilityListingPut(
      new Request(`http://localhost/api/facility/listings/${productId}`, {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
      productId,
      {
        db: handle.db,
        limiter: new RateLimiter(),
        lookup: async (productId, facilityId) => {
          const product = catalogue.productById.get(productId);
          if (!product) return { ok: false, reason: 'unknown_product' };
          return product.facilityId === facilityId ? { ok: true } : { ok: false, reason: 'other_facility' };
        },
        save: (actor, productId, listing, options) =>
          saveListing(handle.db, actor, targetOf(catalogue, productId), listing, options),
      },
    );
  const tokenOf = async (facilityId: string, scopes = ['listings:read', 'listings:write'] as const) =>
    (
      await createFacilityToken(handle.db, commandActor('facility'), {
        facilityId,
        label: `shop system of ${facilityId}`,
        scopes: [...scopes],
      })
    ).token;

  beforeAll(async () => {
    if (!skipReason) handle = await open();
  });
  afterAll(() => handle?.close());

  it.skipIf(skipReason)(
    'saves its own product and answers with the saved listing, audited under the token',
    async () => {
      const token = await tokenOf(FACILITY_A);
      const response = await put(PRODUCT_A, token, bodyA(142_000, 25));
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe('"rev-1"');
      expect(await response.json()).toMatchObject({
        productId: PRODUCT_A,
        revision: 1,
        listing: { variants: [{ sku: 'NMPQ-500', price: 142_000, stock: 25 }] },
      });
      const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'listing.update'));
      expect(entry).toMatchObject({
        actorKind: 'facility_token',
        actorLabel: `shop system of ${FACILITY_A}`,
        targetId: PRODUCT_A,
        facilityId: FACILITY_A,
      });
    },
  );

  it.skipIf(skipReason)(
    'refuses another facility, an unknown product, no token and a missing scope',
    async () => {
      const tokenB = await tokenOf(FACILITY_B);
      const before = await savedListing(handle.db, PRODUCT_A);
      const other = await put(PRODUCT_A, tokenB, bodyA(1_000));
      expect(other.status).toBe(403);
      expect(((await other.json()) as ErrorBody).error.code).toBe('forbidden');
      expect(await savedListing(handle.db, PRODUCT_A)).toEqual(before);
      expect((await put('no-such-product', tokenB, bodyA())).status).toBe(404);
      expect((await put(PRODUCT_B, undefined, bodyA())).status).toBe(401);
      const readOnly = await tokenOf(FACILITY_B, ['listings:read'] as never);
      expect((await put(PRODUCT_B, readOnly, bodyA())).status).toBe(403);
      expect(await savedListing(handle.db, PRODUCT_B)).toBeUndefined();
    },
  );

  it.skipIf(skipReason)(
    'refuses a price of 0, a tier below the MOQ and bad JSON, naming the fields',
    async () => {
      const token = await tokenOf(FACILITY_A);
      const before = await savedListing(handle.db, PRODUCT_A);
      const zero = await put(PRODUCT_A, token, bodyA(0));
      expect(zero.status).toBe(400);
      expect(((await zero.json()) as ErrorBody).error.fields).toEqual({
        'variants.0.price': 'The price must be more than 0 ₫.',
      });
      const low = bodyA();
      low.variants[0]!.minOrderQuantity = 50;
      const tier = (await (await put(PRODUCT_A, token, low)).json()) as ErrorBody;
      expect(tier.error.fields).toEqual({
        'variants.0.wholesaleTiers.0.minQuantity':
          'A wholesale tier must start at or above the minimum order quantity.',
      });
      expect((await put(PRODUCT_A, token, '{"variants": [')).status).toBe(400);
      expect(await savedListing(handle.db, PRODUCT_A)).toEqual(before);
    },
  );

  it.skipIf(skipReason)('saves only at the revision If-Match names', async () => {
    const token = await tokenOf(FACILITY_A);
    const current = (await savedListing(handle.db, PRODUCT_A))!.revision;
    const stale = await put(PRODUCT_A, token, bodyA(150_000), { 'if-match': `"rev-${current - 1}"` });
    expect(stale.status).toBe(412);
    const fresh = await put(PRODUCT_A, token, bodyA(150_000), { 'if-match': `"rev-${current}"` });
    expect(fresh.status).toBe(200);
    expect((await put(PRODUCT_A, token, bodyA(), { 'if-match': 'yesterday' })).status).toBe(400);
  });
});
