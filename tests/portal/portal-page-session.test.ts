/**
 * The portal's facility check with real accounts, on both databases: members invited for their
 * facilities sign in by e-mail code, the guard turns their session into a principal (its
 * facilities read from facility_members), the "facility" rule lets them onto /facility/, and
 * the page's own check then refuses another facility's ?facility= with 403 while the switcher
 * lists only their own facilities.
 */
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '~/accounts/access-rules';
import { authFor } from '~/accounts/auth';
import { principalOf, refusal } from '~/accounts/guard';
import { inviteAccount, setAccountDisabled } from '~/accounts/invitations';
import { commandActor } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { outboxMessages } from '~/notifications/db-schema';
import { portalContext, portalStatus } from '~/portal/portal-page';
import { testEngines } from '../notifications/test-databases';
import { catalogue } from './portal-page-fixture';

const url = (path: string) => new URL(`http://localhost:4321${path}`);

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason)(`portal facility check with sessions (${engine.name})`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => handle?.close());

    /** Invites `email` for `facilityIds`, signs in by the e-mailed code: the guard's principal. */
    async function signedIn(email: string, ...facilityIds: string[]): Promise<Headers> {
      for (const facilityId of facilityIds)
        await inviteAccount(handle.db, commandActor('facility'), { email, role: 'facility', facilityId });
      const auth = authFor(handle.db);
      await auth.api.sendVerificationOTP({ body: { email, type: 'sign-in' } });
      const [mail] = await handle.db
        .select()
        .from(outboxMessages)
        .where(eq(outboxMessages.toAddress, email))
        .orderBy(desc(outboxMessages.id))
        .limit(1);
      const otp = /\b(\d{6})\b/.exec(mail?.subject ?? '')?.[1] ?? '';
      const signedIn = await auth.api.signInEmailOTP({
        body: { email, otp },
        headers: new Headers(),
        returnHeaders: true,
      });
      const cookie = signedIn.headers
        .getSetCookie()
        .map((c) => c.split(';')[0]!)
        .filter((c) => !c.endsWith('='))
        .join('; ');
      return new Headers({ cookie });
    }
    const memberOf = async (email: string, ...facilityIds: string[]): Promise<Principal> =>
      principalOf(handle.db, await signedIn(email, ...facilityIds));

    it('lets a member of A see A, and answers 403 for B on both portal pages', async () => {
      const a = await memberOf('chu-a@example.vn', 'co-so-a');
      if (a.kind !== 'account') throw new Error('not signed in');
      expect(a.facilityIds).toEqual(['co-so-a']);
      for (const path of ['/facility/', '/facility/products/', '/en/facility/']) {
        // The guard's rule lets any facility member in; the page decides which facility.
        expect(refusal(path, a)).toBeNull();
        expect(portalContext(a, url(path), catalogue)).toMatchObject({
          kind: 'facility',
          facility: { id: 'co-so-a' },
        });
        const other = portalContext(a, url(`${path}?facility=co-so-b`), catalogue);
        expect(portalStatus(other)).toBe(403);
      }
    });

    it('answers a member of B 403 for A, and lists only their own facilities when they have several', async () => {
      const b = await memberOf('chu-b@example.vn', 'co-so-b');
      if (b.kind !== 'account') throw new Error('not signed in');
      expect(portalStatus(portalContext(b, url('/facility/?facility=co-so-a'), catalogue))).toBe(403);
      const both = await memberOf('chu-ac@example.vn', 'co-so-a', 'co-so-c');
      if (both.kind !== 'account') throw new Error('not signed in');
      const context = portalContext(both, url('/facility/'), catalogue);
      expect(context.choices.map((c) => c.id)).toEqual(['co-so-c', 'co-so-a']);
      expect(portalStatus(portalContext(both, url('/facility/?facility=co-so-b'), catalogue))).toBe(403);
    });

    it('sends a disabled member to sign in instead of showing the portal', async () => {
      const headers = await signedIn('chu-cu@example.vn', 'co-so-a');
      const before = await principalOf(handle.db, headers);
      if (before.kind !== 'account') throw new Error('not signed in');
      await setAccountDisabled(handle.db, commandActor('operator'), before.userId, true);
      const after = await principalOf(handle.db, headers);
      expect(after.kind).toBe('anonymous');
      expect(refusal('/facility/', after)?.status).toBe(303);
    });
  });
}
