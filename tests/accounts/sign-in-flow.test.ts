/**
 * The whole sign-in path through better-auth, on both databases: an invitation, a code by
 * e-mail (read back from the outbox), a session, TOTP enrolment with recovery codes, then a
 * later sign-in that must stop at the TOTP challenge (better-auth's own hook covers only
 * password sign-ins) and end with a session only after the code from the authenticator.
 */
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authFor } from '~/accounts/auth';
import { authSession, authUser } from '~/accounts/db-schema';
import { inviteAccount, setAccountDisabled } from '~/accounts/invitations';
import { auditLog, commandActor } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { outboxMessages } from '~/notifications/db-schema';
import { testEngines } from '../notifications/test-databases';
import { totpFromUri } from './authenticator';

function cookiesOf(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .filter((c) => !c.endsWith('='))
    .join('; ');
}

async function lastCode(handle: DatabaseHandle, email: string): Promise<string> {
  const [row] = await handle.db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.toAddress, email))
    .orderBy(desc(outboxMessages.id))
    .limit(1);
  const code = /\b(\d{6})\b/.exec(row?.subject ?? '')?.[1];
  if (!code) throw new Error(`no sign-in code e-mailed to ${email}`);
  return code;
}

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason)(`sign-in (${engine.name})`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => handle?.close());

    async function signInWithCode(email: string) {
      const auth = authFor(handle.db);
      await auth.api.sendVerificationOTP({ body: { email, type: 'sign-in' } });
      const otp = await lastCode(handle, email);
      return auth.api.signInEmailOTP({ body: { email, otp }, headers: new Headers(), returnHeaders: true });
    }

    it('refuses an address nobody invited, without sending a code', async () => {
      const auth = authFor(handle.db);
      await auth.api.sendVerificationOTP({ body: { email: 'stranger@example.vn', type: 'sign-in' } });
      const sent = await handle.db
        .select()
        .from(outboxMessages)
        .where(eq(outboxMessages.toAddress, 'stranger@example.vn'));
      expect(sent).toHaveLength(0);
    });

    it('invites, signs in by code, enrols TOTP, then asks for it at the next sign-in', async () => {
      const email = 'op@example.vn';
      const invited = await inviteAccount(handle.db, commandActor('operator'), { email, role: 'operator' });
      expect(invited.role).toBe('operator');
      const audit = await handle.db.select().from(auditLog).where(eq(auditLog.targetId, invited.userId));
      expect(audit.map((a) => a.action)).toEqual(['account.invite']);

      const first = await signInWithCode(email);
      const cookie = cookiesOf(first.headers);
      expect(cookie).toMatch(/cnnt\.session_token=/);
      const auth = authFor(handle.db);
      const session = await auth.api.getSession({ headers: new Headers({ cookie }) });
      expect(session?.user.email).toBe(email);

      const enrol = await auth.api.enableTwoFactor({
        body: { method: 'totp' },
        headers: new Headers({ cookie }),
      });
      if (enrol.method !== 'totp') throw new Error('TOTP was asked for');
      expect(enrol.backupCodes.length).toBeGreaterThanOrEqual(10);
      await auth.api.verifyTOTP({
        body: { code: totpFromUri(enrol.totpURI) },
        headers: new Headers({ cookie }),
      });
      const [user] = await handle.db.select().from(authUser).where(eq(authUser.email, email));
      expect(user?.twoFactorEnabled).toBe(true);

      const second = await signInWithCode(email);
      expect(second.response).toMatchObject({ twoFactorRedirect: true });
      const challenge = cookiesOf(second.headers);
      expect(challenge).not.toMatch(/session_token/);
      const verified = await auth.api.verifyTOTP({
        body: { code: totpFromUri(enrol.totpURI) },
        headers: new Headers({ cookie: challenge }),
        returnHeaders: true,
      });
      expect(cookiesOf(verified.headers)).toMatch(/cnnt\.session_token=/);

      // Without the phone: a recovery code, once.
      const third = await signInWithCode(email);
      const recovery = enrol.backupCodes[0]!;
      const recovered = await auth.api.verifyBackupCode({
        body: { code: recovery },
        headers: new Headers({ cookie: cookiesOf(third.headers) }),
        returnHeaders: true,
      });
      expect(cookiesOf(recovered.headers)).toMatch(/cnnt\.session_token=/);
      const fourth = await signInWithCode(email);
      await expect(
        auth.api.verifyBackupCode({
          body: { code: recovery },
          headers: new Headers({ cookie: cookiesOf(fourth.headers) }),
        }),
      ).rejects.toThrow();
    });

    it('ends every session of a disabled account and refuses it a new one', async () => {
      const email = 'fac@example.vn';
      const { userId } = await inviteAccount(handle.db, commandActor('facility'), {
        email,
        role: 'facility',
        facilityId: 'co-so-a',
      });
      await signInWithCode(email);
      expect(await handle.db.select().from(authSession).where(eq(authSession.userId, userId))).toHaveLength(
        1,
      );
      await setAccountDisabled(handle.db, commandActor('operator'), userId, true);
      expect(await handle.db.select().from(authSession).where(eq(authSession.userId, userId))).toHaveLength(
        0,
      );
      await expect(signInWithCode(email)).rejects.toThrow();
    });

    it('refuses a first sign-in after the invitation expired', async () => {
      const email = 'late@example.vn';
      await inviteAccount(
        handle.db,
        commandActor('operator'),
        { email, role: 'operator' },
        new Date('2020-01-01'),
      );
      await expect(signInWithCode(email)).rejects.toThrow();
    });

    it('keeps the audit log append-only', async () => {
      const refusal = (query: Promise<unknown>) =>
        query.then(
          () => 'allowed',
          (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
        );
      expect(await refusal(handle.db.update(auditLog).set({ action: 'x' }))).toMatch(/append-only/);
      expect(await refusal(handle.db.delete(auditLog))).toMatch(/append-only/);
    });
  });
}
