/**
 * /admin/facility-claims/ on both databases: approving invites the person as a member of the
 * claimed facility (account, membership, invitation e-mail) in the same transaction as the
 * claim's status, both audited; refusing needs a reason and e-mails it in Vietnamese and
 * English; a claim is decided once; pending claims come first.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '~/accounts/access-rules';
import { accountInvitations, authUser, facilityMembers } from '~/accounts/db-schema';
import { inviteAccount } from '~/accounts/invitations';
import { facilityClaimsPageState } from '~/backoffice/facility-claims-page';
import { auditLog, commandActor } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { outboxMessages } from '~/notifications/db-schema';
import { storeClaim } from '~/portal/claims-store';
import { facilityClaims } from '~/portal/db-schema';
import { testEngines } from '../notifications/test-databases';
import { sampleCatalogue } from '../verification/fixtures';

const catalogue = sampleCatalogue();
const GOM = 'gom-bat-trang';

const get = (path: string) => new Request(`http://localhost:4321${path}`);
const post = (path: string, fields: Record<string, string>) =>
  new Request(`http://localhost:4321${path}`, { method: 'POST', body: new URLSearchParams(fields) });

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason)(`facility claims console (${engine.name})`, () => {
    let handle: DatabaseHandle;
    let operator: Principal & { kind: 'account' };
    const page = (request: Request, locale: 'vi' | 'en' = 'vi') =>
      facilityClaimsPageState(handle.db, request, locale, operator, catalogue);
    const auditOf = async (id: number) =>
      (await handle.db.select().from(auditLog).where(eq(auditLog.targetType, 'facility_claim'))).filter(
        (a) => a.targetId === String(id),
      );
    const mailsTo = (email: string) =>
      handle.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, email));
    const claim = async (email: string, certificateId = 'kv-2024-binh-gom') => {
      const stored = await storeClaim(handle.db, {
        facilityId: GOM,
        email,
        certificateId,
        name: 'Chu Văn Lò',
      });
      if (stored.kind !== 'stored') throw new Error('claim not stored');
      return stored.id;
    };

    beforeAll(async () => {
      handle = await engine.open();
      const made = await inviteAccount(handle.db, commandActor('operator'), {
        email: 'op@example.vn',
        role: 'operator',
      });
      operator = {
        kind: 'account',
        userId: made.userId,
        email: made.email,
        role: 'operator',
        twoFactorEnabled: true,
        facilityIds: [],
      };
    });
    afterAll(async () => handle?.close());

    it('lists pending claims with the facility and the certificate named', async () => {
      const id = await claim('list@example.vn');
      const outcome = await page(get('/admin/facility-claims/'));
      if (outcome.kind !== 'page') throw new Error('expected the page');
      expect(outcome.state.pending.find((v) => v.claim.id === id)).toMatchObject({
        facilityName: 'HTX Gốm Bát Tràng',
        certificate: {
          id: 'kv-2024-binh-gom',
          number: '88/GCN-KV',
          level: 'regional',
          year: 2024,
          revoked: false,
        },
      });
    });

    it('approves: account, membership, invitation e-mail and both audit entries, in one go', async () => {
      const id = await claim('Chu@Example.vn'.toLowerCase());
      const outcome = await page(post('/admin/facility-claims/', { action: 'approve', id: String(id) }));
      expect(outcome).toEqual({
        kind: 'redirect',
        location: `/admin/facility-claims/?saved=approved&id=${id}`,
      });

      const [user] = await handle.db.select().from(authUser).where(eq(authUser.email, 'chu@example.vn'));
      expect(user).toMatchObject({ role: 'facility' });
      expect(
        await handle.db.select().from(facilityMembers).where(eq(facilityMembers.userId, user!.id)),
      ).toEqual([expect.objectContaining({ facilityId: GOM })]);
      expect(
        await handle.db.select().from(accountInvitations).where(eq(accountInvitations.userId, user!.id)),
      ).toEqual([expect.objectContaining({ role: 'facility', facilityId: GOM, invitedBy: 'op@example.vn' })]);
      const mails = await mailsTo('chu@example.vn');
      expect(mails.map((m) => m.kind)).toEqual(['account-invitation']);
      expect(mails[0]!.textBody).toContain('HTX Gốm Bát Tràng');
      expect(await auditOf(id)).toEqual([
        expect.objectContaining({
          action: 'facility_claim.approve',
          actorLabel: 'op@example.vn',
          facilityId: GOM,
          before: expect.objectContaining({ status: 'pending' }),
          after: expect.objectContaining({ status: 'approved', email: 'chu@example.vn' }),
        }),
      ]);
      const invites = await handle.db.select().from(auditLog).where(eq(auditLog.targetId, user!.id));
      expect(invites).toEqual([
        expect.objectContaining({ action: 'account.invite', actorLabel: 'op@example.vn' }),
      ]);
      const [row] = await handle.db.select().from(facilityClaims).where(eq(facilityClaims.id, id));
      expect(row).toMatchObject({ status: 'approved', decidedBy: 'op@example.vn', reason: null });

      const shown = await page(get(`/admin/facility-claims/?saved=approved&id=${id}`));
      expect(shown).toMatchObject({
        state: { notice: `Đã chấp nhận yêu cầu số ${id}; thư mời đã được gửi.` },
      });
    });

    it('decides a claim once: approving again changes nothing', async () => {
      const id = await claim('twice@example.vn');
      await page(post('/admin/facility-claims/', { action: 'approve', id: String(id) }));
      const again = await page(
        post('/en/admin/facility-claims/', { action: 'approve', id: String(id) }),
        'en',
      );
      expect(again).toMatchObject({
        kind: 'page',
        status: 400,
        state: { error: `Claim ${id} was already decided (Approved); nothing changed.` },
      });
      const refuse = await page(
        post('/admin/facility-claims/', { action: 'refuse', id: String(id), reason: 'nhầm' }),
      );
      expect(refuse).toMatchObject({ status: 400 });
      expect((await auditOf(id)).map((a) => a.action)).toEqual(['facility_claim.approve']);
      expect((await mailsTo('twice@example.vn')).map((m) => m.kind)).toEqual(['account-invitation']);
    });

    it('refuses only with a reason, then e-mails it in Vietnamese and English, audited', async () => {
      const id = await claim('no@example.vn');
      const bare = await page(
        post('/admin/facility-claims/', { action: 'refuse', id: String(id), reason: ' ' }),
      );
      expect(bare).toMatchObject({
        status: 400,
        state: { error: 'Hãy ghi lý do từ chối (3 đến 1000 ký tự); không có gì thay đổi.' },
      });
      expect(await auditOf(id)).toEqual([]);

      const reason = 'Số điện thoại trong danh sách không xác nhận người gửi.';
      const outcome = await page(
        post('/admin/facility-claims/', { action: 'refuse', id: String(id), reason }),
      );
      expect(outcome).toEqual({
        kind: 'redirect',
        location: `/admin/facility-claims/?saved=refused&id=${id}`,
      });
      const [mail] = await mailsTo('no@example.vn');
      expect(mail).toMatchObject({
        kind: 'facility-claim-refused',
        subject: 'Yêu cầu quản lý HTX Gốm Bát Tràng trên Chợ CNNT chưa được chấp nhận',
      });
      expect(mail!.textBody).toContain(`Lý do: ${reason}`);
      expect(mail!.textBody).toContain(`Reason: ${reason}`);
      expect(mail!.textBody).toContain(
        'Your request to manage HTX Gốm Bát Tràng on Chợ CNNT was not accepted.',
      );
      expect(await auditOf(id)).toEqual([
        expect.objectContaining({
          action: 'facility_claim.refuse',
          after: expect.objectContaining({ status: 'refused', reason }),
        }),
      ]);
      expect(await handle.db.select().from(authUser).where(eq(authUser.email, 'no@example.vn'))).toEqual([]);
      const [row] = await handle.db.select().from(facilityClaims).where(eq(facilityClaims.id, id));
      expect(row).toMatchObject({ status: 'refused', reason });
    });

    it('leaves the claim pending when the invitation fails (one transaction)', async () => {
      // An address the invitation refuses, stored past the form's own check.
      const [bad] = await handle.db
        .insert(facilityClaims)
        .values({ facilityId: GOM, email: 'not an address', certificateId: 'kv-2024-binh-gom' })
        .returning({ id: facilityClaims.id });
      await expect(
        page(post('/admin/facility-claims/', { action: 'approve', id: String(bad!.id) })),
      ).rejects.toThrow();
      const [row] = await handle.db.select().from(facilityClaims).where(eq(facilityClaims.id, bad!.id));
      expect(row).toMatchObject({ status: 'pending', decidedAt: null });
      expect(await auditOf(bad!.id)).toEqual([]);
    });

    it('invites nobody to a facility gone from the registry, but lets the claim be refused', async () => {
      const [gone] = await handle.db
        .insert(facilityClaims)
        .values({ facilityId: 'co-so-da-xoa', email: 'gone@example.vn', certificateId: 'x-2020' })
        .returning({ id: facilityClaims.id });
      const id = String(gone!.id);
      const approve = await page(post('/admin/facility-claims/', { action: 'approve', id }));
      expect(approve).toMatchObject({
        status: 400,
        state: {
          error:
            'Cơ sở co-so-da-xoa không còn trong danh sách chứng nhận: không thể mời thành viên. Hãy từ chối yêu cầu.',
        },
      });
      expect(await handle.db.select().from(authUser).where(eq(authUser.email, 'gone@example.vn'))).toEqual(
        [],
      );
      const refuse = await page(
        post('/admin/facility-claims/', { action: 'refuse', id, reason: 'Cơ sở đã ngừng.' }),
      );
      expect(refuse).toMatchObject({ kind: 'redirect' });
      const [mail] = await mailsTo('gone@example.vn');
      expect(mail!.subject).toContain('co-so-da-xoa');
    });

    it('shows pending claims before decided ones, and refuses an unknown claim', async () => {
      const outcome = await page(get('/en/admin/facility-claims/'), 'en');
      if (outcome.kind !== 'page') throw new Error('expected the page');
      expect(outcome.state.pending.every((v) => v.claim.status === 'pending')).toBe(true);
      expect(outcome.state.pending.map((v) => v.claim.email)).toEqual(['list@example.vn', 'not an address']);
      // Latest decision first.
      expect(outcome.state.decided.map((v) => [v.claim.email, v.claim.status])).toEqual([
        ['gone@example.vn', 'refused'],
        ['no@example.vn', 'refused'],
        ['twice@example.vn', 'approved'],
        ['chu@example.vn', 'approved'],
      ]);
      const missing = await page(
        post('/en/admin/facility-claims/', { action: 'approve', id: '999999' }),
        'en',
      );
      expect(missing).toMatchObject({ status: 400, state: { error: 'There is no claim 999999.' } });
    });
  });
}
