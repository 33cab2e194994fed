/**
 * The sign-in page's handler on both databases: the same answer for invited and unknown
 * addresses, attempt limits per account and per address, a wrong code, a redirect carrying the
 * session cookie (HttpOnly, SameSite=Lax), recovery codes at the TOTP challenge, and `next`
 * kept inside the back office.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteAccount } from '~/accounts/invitations';
import { type SignInState, safeNext, signInPageState } from '~/accounts/sign-in-page';
import { commandActor } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { RateLimiter } from '~/security/rate-limit';
import { testEngines } from '../notifications/test-databases';

function post(fields: Record<string, string>, cookie = ''): Request {
  return new Request('http://localhost:4321/account/', {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
  });
}

describe('safeNext', () => {
  it.each([
    ['/admin/', '/admin/'],
    ['/en/admin/orders/?q=1', '/en/admin/orders/?q=1'],
    ['//evil.example/admin/', ''],
    ['https://evil.example/', ''],
    ['/\\evil.example', ''],
    ['/products/', ''],
    [null, ''],
  ])('%s → %s', (next, expected) => expect(safeNext(next)).toBe(expected));
});

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason)(`sign-in page (${engine.name})`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
      await inviteAccount(handle.db, commandActor('operator'), {
        email: 'member@example.vn',
        role: 'facility',
        facilityId: 'f1',
      });
    });
    afterAll(async () => handle?.close());

    const state = (
      request: Request,
      limiter = new RateLimiter(),
      client = '203.0.113.9',
    ): Promise<SignInState> => signInPageState({ db: handle.db, request, locale: 'vi', limiter, client });

    it('answers an unknown address exactly as an invited one', async () => {
      const invited = await state(post({ action: 'send-code', email: 'member@example.vn' }));
      const unknown = await state(post({ action: 'send-code', email: 'nobody@example.vn' }));
      expect(invited).toMatchObject({ kind: 'form', step: 'code' });
      expect({
        ...unknown,
        email: 'x',
        info: (unknown as { info: string }).info.replace('nobody', 'member'),
      }).toEqual({
        ...invited,
        email: 'x',
      });
    });

    it('says the code is wrong, in Vietnamese', async () => {
      await state(post({ action: 'send-code', email: 'member@example.vn' }));
      const wrong = await state(post({ action: 'verify-code', email: 'member@example.vn', code: '000000' }));
      expect(wrong).toMatchObject({
        kind: 'form',
        step: 'code',
        error: expect.stringContaining('Mã không đúng'),
      });
    });

    it('limits attempts against one account from many addresses', async () => {
      const limiter = new RateLimiter();
      const results: SignInState[] = [];
      for (let i = 0; i < 12; i++)
        results.push(
          await state(
            post({ action: 'verify-code', email: 'member@example.vn', code: '000000' }),
            limiter,
            `198.51.100.${i}`,
          ),
        );
      expect(results.slice(0, 10).every((r) => r.kind === 'form' && !r.error?.includes('Quá nhiều'))).toBe(
        true,
      );
      expect(results.slice(10).map((r) => (r.kind === 'form' ? r.error : ''))).toEqual([
        expect.stringContaining('Quá nhiều lần thử'),
        expect.stringContaining('Quá nhiều lần thử'),
      ]);
    });

    it('limits attempts from one address against many accounts', async () => {
      const limiter = new RateLimiter();
      const results: SignInState[] = [];
      for (let i = 0; i < 31; i++)
        results.push(
          await state(post({ action: 'send-code', email: `probe${i}@example.vn` }), limiter, '192.0.2.7'),
        );
      expect(results[29]).toMatchObject({ kind: 'form', step: 'code' });
      expect(results[30]).toMatchObject({
        kind: 'form',
        error: expect.stringContaining('Quá nhiều lần thử'),
      });
    });

    it('signs in with the e-mailed code: a redirect with an HttpOnly, SameSite=Lax session cookie', async () => {
      const { outboxMessages } = await import('~/notifications/db-schema');
      const { desc, eq } = await import('drizzle-orm');
      await state(post({ action: 'send-code', email: 'member@example.vn' }));
      const [mail] = await handle.db
        .select()
        .from(outboxMessages)
        .where(eq(outboxMessages.toAddress, 'member@example.vn'))
        .orderBy(desc(outboxMessages.id))
        .limit(1);
      const code = /\d{6}/.exec(mail!.subject)![0];
      const done = await state(
        post({ action: 'verify-code', email: 'member@example.vn', code, next: '//evil/' }),
      );
      expect(done).toMatchObject({ kind: 'redirect', location: '/account/sessions/' });
      const cookie = (done as { cookies: string[] }).cookies.find((c) =>
        c.startsWith('cnnt.session_token='),
      )!;
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).not.toMatch(/Secure/i); // http:// in tests; https sites get Secure (useSecureCookies)
    });
  });
}
