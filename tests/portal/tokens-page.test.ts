/**
 * /facility/tokens/ on PGlite and PostgreSQL: a member makes a token and sees it once (the
 * database holds only its hash), the list never carries a secret, a member of B can neither
 * list nor revoke A's tokens (403 before the form is read, or "no such token" for B's own
 * page), bad input writes nothing, and revoking works, redirects and is audited.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { hashSecret, parseToken } from '~/portal/api-tokens';
import { listFacilityTokens } from '~/portal/api-tokens-store';
import { facilityApiTokens } from '~/portal/db-schema';
import type { PortalPrincipal } from '~/portal/portal-page';
import { type TokensPageOutcome, tokensPageState } from '~/portal/tokens-page';
import { testEngines } from '../notifications/test-databases';
import { catalogue } from './portal-page-fixture';

const member = (userId: string, ...facilityIds: string[]): PortalPrincipal => ({
  kind: 'account',
  userId,
  email: `${userId}@example.vn`,
  role: 'facility',
  twoFactorEnabled: false,
  facilityIds,
});
const memberA = member('chu-a', 'co-so-a');
const memberB = member('chu-b', 'co-so-b');
const memberAC = member('chu-ac', 'co-so-a', 'co-so-c');

const base = 'http://localhost:4321';
const get = (path: string) => new Request(`${base}${path}`);
const post = (path: string, fields: [string, string][]) =>
  new Request(`${base}${path}`, { method: 'POST', body: new URLSearchParams(fields) });
const ALL = [
  ['scope', 'listings:read'],
  ['scope', 'listings:write'],
  ['scope', 'photos:write'],
] as [string, string][];

function page(outcome: TokensPageOutcome) {
  if (outcome.kind !== 'page') throw new Error(`expected a page, got a redirect to ${outcome.location}`);
  return outcome;
}

describe.each(testEngines())('facility tokens page on $name', ({ open, skipReason }) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    if (!skipReason) handle = await open();
  });
  afterAll(() => handle?.close());
  const run = (request: Request, who: PortalPrincipal, locale: 'vi' | 'en' = 'vi') =>
    tokensPageState(handle.db, request, locale, who, catalogue);

  it.skipIf(skipReason)('shows a new token once, and the database holds only its hash', async () => {
    const made = page(
      await run(post('/facility/tokens/', [['action', 'create'], ['label', 'ERP kho'], ...ALL]), memberA),
    );
    expect(made.status).toBe(201);
    const created = made.state!.created!;
    const parsed = parseToken(created.token)!;
    expect(parsed).toBeDefined();
    expect(created.label).toBe('ERP kho');
    expect(created.scopes).toHaveLength(3);

    const [row] = await handle.db.select().from(facilityApiTokens).where(eq(facilityApiTokens.id, parsed.id));
    expect(row).toMatchObject({ facilityId: 'co-so-a', label: 'ERP kho', createdBy: 'chu-a@example.vn' });
    expect(row!.secretHash).toBe(hashSecret(parsed.secret));
    const dump = await handle.db.execute(
      sql`SELECT (SELECT json_agg(t)::text FROM facility_api_tokens t) AS tokens, (SELECT json_agg(a)::text FROM audit_log a) AS audit`,
    );
    const text = JSON.stringify((dump as unknown as { rows: unknown[] }).rows);
    expect(text).toContain(parsed.id);
    expect(text).not.toContain(parsed.secret);

    // Audited as the person who made it, in their facility.
    const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.targetId, parsed.id));
    expect(entry).toMatchObject({
      action: 'facility.token.create',
      actorKind: 'user',
      actorId: 'chu-a',
      facilityId: 'co-so-a',
    });

    // The next GET lists it, without the secret anywhere in what the view gets.
    const again = page(await run(get('/facility/tokens/'), memberA));
    expect(again.status).toBe(200);
    expect(again.state!.created).toBeUndefined();
    expect(again.state!.tokens.map((t) => t.label)).toContain('ERP kho');
    const shown = JSON.stringify(again.state);
    expect(shown).not.toContain(parsed.secret);
    expect(shown).not.toContain(row!.secretHash);
  });

  it.skipIf(skipReason)('makes a token with only the chosen scopes; English texts under /en/', async () => {
    const made = page(
      await run(
        post('/en/facility/tokens/', [
          ['action', 'create'],
          ['label', 'Reader'],
          ['scope', 'listings:read'],
        ]),
        memberA,
        'en',
      ),
    );
    expect(made.state!.created!.scopes).toEqual(['Read listings (listings:read)']);
    const stored = (await listFacilityTokens(handle.db, 'co-so-a')).find((t) => t.label === 'Reader');
    expect(stored!.scopes).toEqual(['listings:read']);
  });

  it.skipIf(skipReason)('refuses a missing or too long label, or no scope, and writes nothing', async () => {
    const before = (await listFacilityTokens(handle.db, 'co-so-a')).length;
    const cases: [string, string][][] = [
      [['action', 'create'], ['label', '   '], ...ALL],
      [['action', 'create'], ['label', 'x'.repeat(81)], ...ALL],
      [
        ['action', 'create'],
        ['label', 'no scope'],
      ],
      [
        ['action', 'create'],
        ['label', 'bad scope'],
        ['scope', 'admin:all'],
      ],
      [['action', 'nonsense']],
    ];
    const outcomes = [];
    for (const fields of cases) outcomes.push(page(await run(post('/facility/tokens/', fields), memberA)));
    expect(outcomes.map((o) => o.status)).toEqual([400, 400, 400, 400, 400]);
    expect(outcomes[0]!.state!.fieldErrors.label).toBe('Hãy đặt tên cho khóa (từ 1 đến 80 ký tự).');
    expect(outcomes[1]!.state!.fieldErrors.label).toBeDefined();
    expect(outcomes[2]!.state!.fieldErrors).toEqual({ scopes: 'Hãy chọn ít nhất một quyền cho khóa.' });
    expect(outcomes[3]!.state!.fieldErrors.scopes).toBeDefined();
    expect(outcomes[4]!.state!.error).toBeDefined();
    // What was typed comes back to correct; nothing was made.
    expect(outcomes[2]!.state!.values).toEqual({ label: 'no scope', scopes: [] });
    expect(outcomes.every((o) => o.state!.created === undefined)).toBe(true);
    expect(await listFacilityTokens(handle.db, 'co-so-a')).toHaveLength(before);
    // Exactly 80 characters is fine.
    const ok = page(
      await run(
        post('/facility/tokens/', [['action', 'create'], ['label', 'y'.repeat(80)], ...ALL]),
        memberA,
      ),
    );
    expect(ok.status).toBe(201);
  });

  it.skipIf(skipReason)("gives a member of B 403 for A's tokens, and no way to revoke them", async () => {
    const [tokenA] = await listFacilityTokens(handle.db, 'co-so-a');
    const listing = page(await run(get('/facility/tokens/?facility=co-so-a'), memberB));
    expect(listing.status).toBe(403);
    expect(listing.state).toBeNull();

    // Posting at A's page: refused before the form is read.
    const atA = page(
      await run(
        post('/facility/tokens/?facility=co-so-a', [
          ['action', 'revoke'],
          ['id', tokenA!.id],
        ]),
        memberB,
      ),
    );
    expect(atA.status).toBe(403);
    // Making one for A: refused the same way.
    const makeAtA = page(
      await run(
        post('/facility/tokens/?facility=co-so-a', [['action', 'create'], ['label', 'evil'], ...ALL]),
        memberB,
      ),
    );
    expect(makeAtA.status).toBe(403);
    // Posting A's token id at B's own page: that facility has no such token.
    const atB = page(
      await run(
        post('/facility/tokens/', [
          ['action', 'revoke'],
          ['id', tokenA!.id],
        ]),
        memberB,
      ),
    );
    expect(atB.status).toBe(404);
    expect(atB.state!.error).toBe('Cơ sở này không có khóa nào như vậy; không có gì bị thu hồi.');

    const after = await listFacilityTokens(handle.db, 'co-so-a');
    expect(after.find((t) => t.id === tokenA!.id)!.revokedAt).toBeNull();
    expect(after.some((t) => t.label === 'evil')).toBe(false);
    expect(await listFacilityTokens(handle.db, 'co-so-b')).toHaveLength(0);
  });

  it.skipIf(skipReason)('revokes a token of the facility, redirects, says so, and audits it', async () => {
    const made = page(
      await run(
        post('/facility/tokens/?facility=co-so-c', [['action', 'create'], ['label', 'C shop'], ...ALL]),
        memberAC,
      ),
    ).state!.created!;
    const id = parseToken(made.token)!.id;
    const revoked = await run(
      post('/facility/tokens/?facility=co-so-c', [
        ['action', 'revoke'],
        ['id', id],
      ]),
      memberAC,
    );
    expect(revoked).toEqual({
      kind: 'redirect',
      location: `/facility/tokens/?facility=co-so-c&revoked=${id}`,
    });

    const shown = page(await run(get(`/facility/tokens/?facility=co-so-c&revoked=${id}`), memberAC));
    expect(shown.state!.notice).toBe(
      'Đã thu hồi khóa “C shop”: từ giờ mọi yêu cầu dùng khóa này đều bị từ chối.',
    );
    expect(shown.state!.tokens.find((t) => t.id === id)!.revokedAt).not.toBeNull();

    const entries = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, id))
      .orderBy(auditLog.id);
    expect(entries.map((e) => e.action)).toEqual(['facility.token.create', 'facility.token.revoke']);
    expect(entries[1]).toMatchObject({ actorKind: 'user', actorId: 'chu-ac', facilityId: 'co-so-c' });

    // A malformed id is "no such token", not an error page.
    const bad = page(
      await run(
        post('/facility/tokens/?facility=co-so-c', [
          ['action', 'revoke'],
          ['id', "x' OR 1=1"],
        ]),
        memberAC,
      ),
    );
    expect(bad.status).toBe(404);
  });
});
