/**
 * Facility API tokens: the token's text form, and the store on PGlite and PostgreSQL. A token
 * is returned once and the database never holds it (only the hash of its secret); making and
 * revoking are audited in the same transaction.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, commandActor } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { FACILITY_SCOPES, hashSecret, newToken, parseToken, secretMatches } from '~/portal/api-tokens';
import {
  createFacilityToken,
  listFacilityTokens,
  markTokenUsed,
  revokeFacilityToken,
  tokenForAuthentication,
} from '~/portal/api-tokens-store';
import { facilityApiTokens } from '~/portal/db-schema';
import { testEngines } from '../notifications/test-databases';

describe('token text', () => {
  it('is cnnt_fac_<id>_<secret> with 256 random bits, and parses back', () => {
    const made = newToken();
    expect(made.token).toMatch(/^cnnt_fac_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const parsed = parseToken(made.token)!;
    expect(parsed.id).toBe(made.id);
    expect(Buffer.from(parsed.secret, 'base64url')).toHaveLength(32);
    expect(made.secretHash).toBe(hashSecret(parsed.secret));
    expect(made.secretHash).not.toContain(parsed.secret);
    expect(newToken().token).not.toBe(made.token);
  });

  it.each([
    '',
    'cnnt_fac_',
    'cnnt_fac_0123456789abcdef',
    'cnnt_fac_0123456789ABCDEF_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    'cnnt_fac_0123456789abcdef_aaaa',
    'cnnt_fac_0123456789abcdef_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ',
    'xnnt_fac_0123456789abcdef_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    'cnnt_fac_0123456789abcdef_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa+',
  ])('refuses the malformed token %j', (text) => {
    expect(parseToken(text)).toBeUndefined();
  });

  it('matches a secret only against its own hash', () => {
    const { token, secretHash } = newToken();
    const { secret } = parseToken(token)!;
    expect(secretMatches(secret, secretHash)).toBe(true);
    expect(secretMatches(`${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`, secretHash)).toBe(
      false,
    );
    expect(secretMatches(secret, hashSecret('other'))).toBe(false);
    expect(secretMatches(secret, 'short')).toBe(false);
  });
});

describe.each(testEngines())('token store on $name', ({ open, skipReason }) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    if (!skipReason) handle = await open();
  });
  afterAll(() => handle?.close());
  const actor = commandActor('facility');

  it.skipIf(skipReason)('returns the token once and stores only the hash of its secret', async () => {
    const made = await createFacilityToken(handle.db, actor, {
      facilityId: 'co-so-a',
      label: 'ERP',
      scopes: FACILITY_SCOPES,
    });
    const { secret } = parseToken(made.token)!;
    expect(made).toMatchObject({ facilityId: 'co-so-a', label: 'ERP', createdBy: 'npm run facility' });
    expect(made.scopes).toEqual(['listings:read', 'listings:write', 'photos:write']);

    const row = await tokenForAuthentication(handle.db, made.id);
    expect(row!.secretHash).toBe(hashSecret(secret));
    // Nothing the database holds, in any table, contains the token or its secret.
    const dump = await handle.db.execute(
      sql`SELECT (SELECT json_agg(t)::text FROM facility_api_tokens t) AS tokens, (SELECT json_agg(a)::text FROM audit_log a) AS audit`,
    );
    const text = JSON.stringify((dump as unknown as { rows: unknown[] }).rows);
    expect(text).toContain(made.id);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(made.token);

    const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.targetId, made.id));
    expect(entry).toMatchObject({
      action: 'facility.token.create',
      actorKind: 'command',
      actorLabel: 'npm run facility',
      targetType: 'facility_api_token',
      facilityId: 'co-so-a',
      after: { label: 'ERP', scopes: ['listings:read', 'listings:write', 'photos:write'] },
    });
    expect(JSON.stringify(entry)).not.toContain(row!.secretHash);
  });

  it.skipIf(skipReason)('keeps only known scopes, in their order', async () => {
    const made = await createFacilityToken(handle.db, actor, {
      facilityId: 'co-so-a',
      label: 'read only',
      scopes: ['photos:write', 'listings:read'],
    });
    expect(made.scopes).toEqual(['listings:read', 'photos:write']);
  });

  it.skipIf(skipReason)("lists a facility's tokens without secrets, and no other facility's", async () => {
    await createFacilityToken(handle.db, actor, {
      facilityId: 'co-so-b',
      label: 'B',
      scopes: FACILITY_SCOPES,
    });
    const listed = await listFacilityTokens(handle.db, 'co-so-a');
    expect(listed.map((t) => t.label)).toEqual(['ERP', 'read only']);
    for (const t of listed) expect(Object.keys(t).sort()).not.toContain('secretHash');
    expect((await listFacilityTokens(handle.db, 'co-so-b')).map((t) => t.label)).toEqual(['B']);
  });

  it.skipIf(skipReason)('revokes once, audited; a second revoke changes nothing', async () => {
    const made = await createFacilityToken(handle.db, actor, {
      facilityId: 'co-so-a',
      label: 'to revoke',
      scopes: FACILITY_SCOPES,
    });
    expect((await revokeFacilityToken(handle.db, actor, made.id, 'co-so-b')).kind).toBe('unknown');
    const first = await revokeFacilityToken(handle.db, actor, made.id);
    expect(first.kind).toBe('revoked');
    const second = await revokeFacilityToken(handle.db, actor, made.id);
    expect(second.kind).toBe('already_revoked');
    expect((await revokeFacilityToken(handle.db, actor, 'ffffffffffffffff')).kind).toBe('unknown');

    const entries = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, made.id))
      .orderBy(auditLog.id);
    expect(entries.map((e) => e.action)).toEqual(['facility.token.create', 'facility.token.revoke']);
    expect(entries[1]).toMatchObject({
      facilityId: 'co-so-a',
      before: { label: 'to revoke', revokedAt: null },
      after: { label: 'to revoke', revokedAt: expect.any(String) },
    });
    expect((await tokenForAuthentication(handle.db, made.id))!.revokedAt).toBeInstanceOf(Date);
  });

  it.skipIf(skipReason)('writes the last use at most once a minute', async () => {
    const made = await createFacilityToken(handle.db, actor, {
      facilityId: 'co-so-a',
      label: 'use',
      scopes: FACILITY_SCOPES,
    });
    const t0 = new Date('2026-01-01T00:00:00Z');
    const lastUsed = async () =>
      (await handle.db.select().from(facilityApiTokens).where(eq(facilityApiTokens.id, made.id)))[0]!
        .lastUsedAt;
    await markTokenUsed(handle.db, made.id, t0);
    expect(await lastUsed()).toEqual(t0);
    await markTokenUsed(handle.db, made.id, new Date(t0.getTime() + 59_000));
    expect(await lastUsed()).toEqual(t0);
    const later = new Date(t0.getTime() + 61_000);
    await markTokenUsed(handle.db, made.id, later);
    expect(await lastUsed()).toEqual(later);
  });
});
