/**
 * The console's people screens on both databases: an operator invites a facility member for a
 * facility of the registry (and is refused one that is not), an admin invites and disables an
 * operator but not themself; every change is in the audit log under the person who made it.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '~/accounts/access-rules';
import { authSession, authUser } from '~/accounts/db-schema';
import { inviteAccount } from '~/accounts/invitations';
import { membersPageState } from '~/backoffice/members-page';
import { operatorsPageState } from '~/backoffice/operators-page';
import { auditLog, commandActor } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { testEngines } from '../notifications/test-databases';

const form = (path: string, fields: Record<string, string>) =>
  new Request(`http://localhost:4321${path}`, { method: 'POST', body: new URLSearchParams(fields) });

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason)(`people screens (${engine.name})`, () => {
    let handle: DatabaseHandle;
    let admin: Principal & { kind: 'account' };
    beforeAll(async () => {
      handle = await engine.open();
      const made = await inviteAccount(handle.db, commandActor('operator'), {
        email: 'boss@example.vn',
        role: 'admin',
      });
      admin = {
        kind: 'account',
        userId: made.userId,
        email: made.email,
        role: 'admin',
        twoFactorEnabled: true,
        facilityIds: [],
      };
    });
    afterAll(async () => handle?.close());

    const registry = (id: string) => (id === 'co-so-che' ? 'HTX chè Hảo Đạt' : undefined);

    it('invites a facility member for a facility of the registry, audited under the operator', async () => {
      const state = await membersPageState(
        handle.db,
        form('/admin/members/', { action: 'invite', email: 'Chu@Example.vn', facilityId: 'co-so-che' }),
        'vi',
        admin,
        registry,
      );
      expect(state.notice).toContain('HTX chè Hảo Đạt');
      expect(state.members.map((m) => [m.email, m.facilityIds])).toEqual([['chu@example.vn', ['co-so-che']]]);
      const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.facilityId, 'co-so-che'));
      expect(entry).toMatchObject({
        action: 'account.invite',
        actorLabel: 'boss@example.vn',
        actorRole: 'admin',
      });
    });

    it('refuses a facility the registry does not have, in the person\u2019s language', async () => {
      const state = await membersPageState(
        handle.db,
        form('/en/admin/members/', { action: 'invite', email: 'x@example.vn', facilityId: 'nope' }),
        'en',
        admin,
        registry,
      );
      expect(state.error).toBe('There is no facility "nope" in the certified registry.');
      expect(await handle.db.select().from(authUser).where(eq(authUser.email, 'x@example.vn'))).toEqual([]);
    });

    it('disables an operator (their sessions end) but never the admin themself', async () => {
      const invite = await operatorsPageState(
        handle.db,
        form('/admin/operators/', { action: 'invite', email: 'op@example.vn', role: 'operator' }),
        'vi',
        admin,
      );
      const op = invite.staff.find((m) => m.email === 'op@example.vn')!;
      expect(op).toMatchObject({ role: 'operator', disabled: false, joined: false });
      await handle.db.insert(authSession).values({
        id: 's1',
        token: 't1',
        userId: op.userId,
        expiresAt: new Date(Date.now() + 3_600_000),
      });
      const disabled = await operatorsPageState(
        handle.db,
        form('/admin/operators/', { action: 'disable', userId: op.userId }),
        'vi',
        admin,
      );
      expect(disabled.staff.find((m) => m.userId === op.userId)?.disabled).toBe(true);
      expect(await handle.db.select().from(authSession).where(eq(authSession.userId, op.userId))).toEqual([]);
      const self = await operatorsPageState(
        handle.db,
        form('/admin/operators/', { action: 'disable', userId: admin.userId }),
        'vi',
        admin,
      );
      expect(self.error).toBe('Không thể tự khóa tài khoản của mình.');
      const actions = (await handle.db.select().from(auditLog).where(eq(auditLog.targetId, op.userId))).map(
        (a) => a.action,
      );
      expect(actions).toEqual(['account.invite', 'account.disable']);
    });
  });
}
