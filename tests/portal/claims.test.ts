/**
 * "Are you this facility?", the public side, on both databases: the certificate must be one of
 * that facility's (matched loosely, as the verification search does) or nothing is stored; the
 * address is lower-cased; a second pending claim for the same address and facility is not
 * stored but gets the same answer, as does an address that already has an account; attempts
 * are rate limited per client address; errors are in the page's language.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inviteAccount } from '~/accounts/invitations';
import { commandActor } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { CLAIM_RATE, matchClaimCertificate } from '~/portal/claims';
import { type ClaimDeps, claimPageState } from '~/portal/claims-page';
import { storeClaim } from '~/portal/claims-store';
import { facilityClaims } from '~/portal/db-schema';
import { RateLimiter } from '~/security/rate-limit';
import { testEngines } from '../notifications/test-databases';
import { sampleCatalogue } from '../verification/fixtures';

const catalogue = sampleCatalogue();
const GOM = 'gom-bat-trang';
const NUOC_MAM = 'nuoc-mam-hung-thanh';

describe('matching the certificate number to the facility', () => {
  it('finds a certificate of the facility however the number is typed', () => {
    const found = matchClaimCertificate(catalogue, GOM, '  số 88 / gcn-kv ');
    expect(found).toMatchObject({ kind: 'found', certificate: { id: 'kv-2024-binh-gom' } });
    expect(matchClaimCertificate(catalogue, NUOC_MAM, 'QG-2023-NMPQ')).toMatchObject({
      certificate: { id: 'qg-2023-nmpq' },
    });
  });

  it('refuses a number of another facility and a number no certificate has', () => {
    expect(matchClaimCertificate(catalogue, GOM, '173/GCN-BCT')).toEqual({ kind: 'other_facility' });
    expect(matchClaimCertificate(catalogue, GOM, '999/GCN')).toEqual({ kind: 'unknown' });
  });
});

const post = (path: string, fields: Record<string, string>) =>
  new Request(`http://localhost:4321${path}`, { method: 'POST', body: new URLSearchParams(fields) });

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason)(`the claim form (${engine.name})`, () => {
    let handle: DatabaseHandle;
    let limiter: RateLimiter;
    let address = 0;
    const deps = (): ClaimDeps => ({
      catalogue: async () => catalogue,
      db: async () => handle.db,
      limiter,
      address: `192.0.2.${++address}`,
    });
    const claims = () => handle.db.select().from(facilityClaims).orderBy(facilityClaims.id);

    beforeAll(async () => {
      handle = await engine.open();
    });
    beforeEach(async () => {
      limiter = new RateLimiter();
      await handle.db.delete(facilityClaims);
    });
    afterAll(async () => handle?.close());

    it('shows the form for a facility of the registry, and nothing for another', async () => {
      const page = await claimPageState(
        new Request(`http://localhost:4321/facilities/${GOM}/claim/`),
        'vi',
        GOM,
        deps(),
      );
      expect(page).toMatchObject({
        kind: 'page',
        status: 200,
        state: { facility: { name: 'HTX Gốm Bát Tràng' }, sent: false },
      });
      const sent = await claimPageState(
        new Request(`http://localhost:4321/facilities/${GOM}/claim/?sent=1`),
        'vi',
        GOM,
        deps(),
      );
      expect(sent).toMatchObject({ kind: 'page', state: { sent: true } });
      expect(await claimPageState(post('/facilities/nope/claim/', {}), 'vi', 'nope', deps())).toEqual({
        kind: 'not_found',
      });
    });

    it('stores a pending claim with the certificate it matched, the address lower-cased', async () => {
      const outcome = await claimPageState(
        post(`/en/facilities/${GOM}/claim/`, {
          email: ' Chu.Lo@Example.VN ',
          certificate: '88 gcn kv',
          name: 'Chu Văn Lò',
          phone: '+84 912 345 678',
        }),
        'en',
        GOM,
        deps(),
      );
      expect(outcome).toEqual({ kind: 'redirect', location: `/en/facilities/${GOM}/claim/?sent=1` });
      expect(await claims()).toEqual([
        expect.objectContaining({
          facilityId: GOM,
          email: 'chu.lo@example.vn',
          certificateId: 'kv-2024-binh-gom',
          name: 'Chu Văn Lò',
          phone: '+84 912 345 678',
          status: 'pending',
          decidedAt: null,
        }),
      ]);
    });

    it('refuses a certificate of another facility, in the page language, and stores nothing', async () => {
      const vi = await claimPageState(
        post(`/facilities/${GOM}/claim/`, { email: 'a@example.vn', certificate: '173/GCN-BCT' }),
        'vi',
        GOM,
        deps(),
      );
      expect(vi).toMatchObject({
        kind: 'page',
        status: 400,
        state: {
          values: { email: 'a@example.vn', certificate: '173/GCN-BCT' },
          fieldErrors: {
            certificate:
              'Giấy chứng nhận số “173/GCN-BCT” không phải của HTX Gốm Bát Tràng. Hãy nhập số của một giấy chứng nhận của cơ sở này.',
          },
        },
      });
      const en = await claimPageState(
        post(`/en/facilities/${GOM}/claim/`, { email: 'a@example.vn', certificate: '404/XYZ' }),
        'en',
        GOM,
        deps(),
      );
      expect(en).toMatchObject({
        status: 400,
        state: {
          fieldErrors: {
            certificate:
              'No certificate numbered “404/XYZ” is in the registry. Check the number printed on the certificate.',
          },
        },
      });
      expect(await claims()).toEqual([]);
    });

    it('refuses a bad address or phone field by field, and stores nothing', async () => {
      const outcome = await claimPageState(
        post(`/facilities/${GOM}/claim/`, { email: 'not-an-address', certificate: '', phone: 'call me' }),
        'vi',
        GOM,
        deps(),
      );
      expect(outcome).toMatchObject({
        status: 400,
        state: {
          fieldErrors: {
            email: 'Hãy nhập một địa chỉ e-mail hợp lệ.',
            certificate: 'Hãy nhập số giấy chứng nhận (tối đa 100 ký tự).',
            phone: 'Số điện thoại chỉ gồm chữ số (6 đến 40 ký tự), có thể bắt đầu bằng “+”.',
          },
        },
      });
      expect(await claims()).toEqual([]);
    });

    it('keeps one pending claim per address and facility, answering the same', async () => {
      const send = (email: string, facilityId = GOM, certificate = '88/GCN-KV') =>
        claimPageState(
          post(`/facilities/${facilityId}/claim/`, { email, certificate }),
          'vi',
          facilityId,
          deps(),
        );
      const first = await send('x@example.vn');
      const again = await send('X@EXAMPLE.vn', GOM, '12/GCN');
      expect(again).toEqual(first);
      expect(
        await storeClaim(handle.db, {
          facilityId: GOM,
          email: 'x@example.vn',
          certificateId: 'tinh-2018-am-chen',
        }),
      ).toEqual({
        kind: 'duplicate',
      });
      // Another facility, or another address, is another claim.
      await send('x@example.vn', NUOC_MAM, '173/GCN-BCT');
      await send('y@example.vn');
      expect((await claims()).map((c) => [c.facilityId, c.email, c.certificateId])).toEqual([
        [GOM, 'x@example.vn', 'kv-2024-binh-gom'],
        [NUOC_MAM, 'x@example.vn', 'qg-2023-nmpq'],
        [GOM, 'y@example.vn', 'kv-2024-binh-gom'],
      ]);
      // Once decided, the same address may ask again.
      await handle.db
        .update(facilityClaims)
        .set({ status: 'refused', reason: 'không liên hệ được', decidedAt: new Date() })
        .where(eq(facilityClaims.email, 'y@example.vn'));
      await send('y@example.vn');
      expect((await claims()).filter((c) => c.email === 'y@example.vn').map((c) => c.status)).toEqual([
        'refused',
        'pending',
      ]);
    });

    it('answers an address that already has an account exactly as any other', async () => {
      await inviteAccount(handle.db, commandActor('operator'), { email: 'op@example.vn', role: 'operator' });
      const known = await claimPageState(
        post(`/facilities/${GOM}/claim/`, { email: 'op@example.vn', certificate: '88/GCN-KV' }),
        'vi',
        GOM,
        deps(),
      );
      const unknown = await claimPageState(
        post(`/facilities/${GOM}/claim/`, { email: 'new@example.vn', certificate: '88/GCN-KV' }),
        'vi',
        GOM,
        deps(),
      );
      expect(known).toEqual(unknown);
      expect(await claims()).toHaveLength(2);
    });

    it('limits attempts per client address, stores nothing once over, and refuses a huge body', async () => {
      const one = deps();
      const attempt = (certificate: string) =>
        claimPageState(
          post(`/facilities/${GOM}/claim/`, { email: 'r@example.vn', certificate }),
          'vi',
          GOM,
          one,
        );
      for (let i = 0; i < CLAIM_RATE.limit; i++)
        expect((await attempt(`${i}/SAI`)) as { status: number }).toMatchObject({ status: 400 });
      const over = await attempt('88/GCN-KV');
      expect(over).toMatchObject({
        status: 429,
        state: { error: 'Bạn đã gửi quá nhiều yêu cầu. Hãy thử lại sau ít phút.' },
      });
      const huge = await claimPageState(
        post(`/facilities/${GOM}/claim/`, {
          email: 'h@example.vn',
          certificate: '88/GCN-KV',
          name: 'x'.repeat(20_000),
        }),
        'vi',
        GOM,
        deps(),
      );
      expect(huge).toMatchObject({ status: 413 });
      expect(await claims()).toEqual([]);
    });
  });
}
