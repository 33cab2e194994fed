/**
 * /admin/registry/certificates/'s handlers as the console posts to them, on both databases:
 * finding certificates by id or printed number in the registry's current files, the status the
 * public page shows, revoking (then seeing it at once), replacing only when ticked, reversing
 * with a reason, and every refusal worded in the page's language with nothing written.
 */
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '~/accounts/astro';
import {
  type CertificateDetailOutcome,
  certificateDetailState,
  certificatesSearchState,
  MAX_QUERY,
} from '~/backoffice/registry-revocations-page';
import { currentCatalogue } from '~/catalogue/current-catalogue';
import type { DatabaseHandle } from '~/db/client';
import type { Locale } from '~/i18n/locales';
import { testEngines } from '~tests/notifications/test-databases';
import { certificatesFile, writeContentDir, writtenCertificates } from '~tests/registry/revocation-helpers';
import { AS_OF } from '~tests/verification/fixtures';

const operator: Principal & { kind: 'account' } = {
  kind: 'account',
  userId: 'user-op-1',
  email: 'op@cho-cnnt.test',
  role: 'operator',
  twoFactorEnabled: true,
  facilityIds: [],
};

const pageUrl = (id: string, locale: Locale = 'vi') =>
  `http://localhost${locale === 'en' ? '/en' : ''}/admin/registry/certificates/${id}/`;
const get = (id: string, search = '', locale: Locale = 'vi') =>
  new Request(`${pageUrl(id, locale)}${search}`);
const post = (id: string, fields: Record<string, string>, locale: Locale = 'vi') =>
  new Request(pageUrl(id, locale), {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

function page(outcome: CertificateDetailOutcome) {
  if (outcome.kind !== 'page') throw new Error(`expected a page, got ${outcome.kind}`);
  return outcome;
}

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason)(`certificate pages on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    let dir: string;
    beforeAll(async () => {
      handle = await engine.open();
      dir = writeContentDir();
    });
    afterAll(async () => {
      await handle?.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const deps = () => ({
      db: handle.db,
      catalogue: () => currentCatalogue(dir),
      today: () => AS_OF,
      contentDir: dir,
    });
    const detail = (request: Request, id: string, locale: Locale = 'vi') =>
      certificateDetailState(deps(), request, locale, operator, id);
    const search = async (q: string, locale: Locale = 'vi') =>
      certificatesSearchState(
        new URL(`http://localhost/admin/registry/certificates/?q=${encodeURIComponent(q)}`),
        await currentCatalogue(dir),
        AS_OF,
        locale,
      );

    it('finds certificates by printed number typed loosely, by id, or several sharing a number', async () => {
      const one = await search('  số 173 gcn-bct ');
      expect(one.status).toBe(200);
      expect(one.matches).toEqual([
        expect.objectContaining({
          id: 'qg-2023-nmpq',
          number: '173/GCN-BCT',
          status: 'valid',
          revocation: null,
        }),
      ]);
      expect((await search('QG-2023-NMPQ')).matches!.map((r) => r.id)).toEqual(['qg-2023-nmpq']);
      const shared = await search('12/GCN');
      expect(shared.matches!.map((r) => [r.id, r.status])).toEqual([
        ['tinh-2018-am-chen', 'expired'],
        ['tinh-2022-am-chen', 'revoked'],
      ]);
      expect((await search('khong-co-dau')).matches).toEqual([]);
      // Without a query: no matches asked for, the revoked certificates listed.
      const empty = await search('');
      expect(empty.matches).toBeNull();
      expect(empty.revoked.rows.map((r) => r.id)).toEqual(['tinh-2022-am-chen']);
      const long = await search('x'.repeat(MAX_QUERY + 1), 'en');
      expect(long.status).toBe(400);
      expect(long.error).toBe(`That is too long to be an id or a number (at most ${MAX_QUERY} characters).`);
    });

    it('shows a certificate with its status as the public page words it; unknown ids are not found', async () => {
      const shown = page(await detail(get('tinh-2022-nmpq'), 'tinh-2022-nmpq'));
      expect(shown.status).toBe(200);
      expect(shown.state.subject.verdict.status).toBe('superseded');
      expect(shown.state.subject.record.product?.name).toBe('Nước mắm Phú Quốc 40 độ đạm');
      expect(shown.state.history).toEqual([]);
      expect(await detail(get('khong-co'), 'khong-co')).toEqual({ kind: 'not_found' });
      expect(await detail(post('khong-co', { action: 'revoke' }), 'khong-co')).toEqual({ kind: 'not_found' });
    });

    it('revokes, redirects, and shows the revocation, the new status and the audit entry at once', async () => {
      const done = await detail(
        post('qg-2023-nmpq', {
          action: 'revoke',
          date: '2025-06-01',
          reason: 'Giả mạo hồ sơ',
          decision: '500/QĐ-BCT',
        }),
        'qg-2023-nmpq',
      );
      expect(done).toEqual({
        kind: 'redirect',
        location: '/admin/registry/certificates/qg-2023-nmpq/?saved=revoked',
      });
      const shown = page(await detail(get('qg-2023-nmpq', '?saved=revoked'), 'qg-2023-nmpq'));
      expect(shown.state.notice).toBe(
        'Đã thu hồi chứng nhận. Trang tra cứu hiện trạng thái mới trong vòng một giây.',
      );
      expect(shown.state.certificate.revocation).toEqual({
        date: '2025-06-01',
        reason: 'Giả mạo hồ sơ',
        decision: '500/QĐ-BCT',
      });
      expect(shown.state.subject.verdict.status).toBe('revoked');
      expect(shown.state.history).toMatchObject([
        { action: 'registry.revoke', actorLabel: 'op@cho-cnnt.test', targetId: 'qg-2023-nmpq' },
      ]);
      // The province certificate it superseded is valid again, in the search too.
      expect((await search('tinh-2022-nmpq')).matches![0]!.status).toBe('valid');
    });

    it('refuses a bad date or a short reason in the page’s language, keeping what was typed, writing nothing', async () => {
      const before = readFileSync(certificatesFile(dir), 'utf8');
      const fields = { action: 'revoke', date: '2025-02-30', reason: 'x', decision: '' };
      const vi = page(await detail(post('kv-2024-binh-gom', fields), 'kv-2024-binh-gom'));
      expect(vi.status).toBe(400);
      expect(vi.state.errorFor).toBe('revoke');
      expect(vi.state.error).toBe(
        'Ngày không hợp lệ: nhập một ngày có thật theo dạng yyyy-mm-dd, ví dụ 2025-06-01. Lý do phải có từ 3 đến 500 ký tự.',
      );
      expect(vi.state.forms.revoke).toEqual({
        date: '2025-02-30',
        reason: 'x',
        decision: '',
        replace: false,
      });
      const en = page(
        await detail(
          post('kv-2024-binh-gom', { ...fields, date: '2024-01-01', reason: 'Vi phạm' }, 'en'),
          'kv-2024-binh-gom',
          'en',
        ),
      );
      expect(en.state.error).toBe(
        'The revocation date 1 Jan 2024 is before the certificate took effect (1 Oct 2024).',
      );
      expect(
        page(await detail(post('kv-2024-binh-gom', { action: 'nope' }), 'kv-2024-binh-gom')).state.error,
      ).toBe('Biểu mẫu không hợp lệ; tải lại trang và thử lại.');
      expect(readFileSync(certificatesFile(dir), 'utf8')).toBe(before);
      expect(page(await detail(get('kv-2024-binh-gom'), 'kv-2024-binh-gom')).state.history).toEqual([]);
    });

    it('replaces a recorded revocation only when the box is ticked', async () => {
      const fields = { action: 'revoke', date: '2024-05-01', reason: 'Sai phạm về nhãn', decision: '' };
      const refused = page(await detail(post('tinh-2022-am-chen', fields), 'tinh-2022-am-chen'));
      expect(refused.status).toBe(409);
      expect(refused.state.error).toContain('Chứng nhận này đã bị thu hồi từ ngày 01/03/2024');
      expect(refused.state.error).toContain('“Thay thế lần thu hồi đã ghi”');
      expect(writtenCertificates(dir).find((c) => c.id === 'tinh-2022-am-chen')!.revocation!.date).toBe(
        '2024-03-01',
      );
      const replaced = await detail(
        post('tinh-2022-am-chen', { ...fields, replace: '1' }),
        'tinh-2022-am-chen',
      );
      expect(replaced).toMatchObject({ kind: 'redirect' });
      expect(writtenCertificates(dir).find((c) => c.id === 'tinh-2022-am-chen')!.revocation).toEqual({
        date: '2024-05-01',
        reason: 'Sai phạm về nhãn',
      });
      // The same again is no change, said as such.
      const same = await detail(post('tinh-2022-am-chen', { ...fields, replace: '1' }), 'tinh-2022-am-chen');
      expect(same).toEqual({
        kind: 'redirect',
        location: '/admin/registry/certificates/tinh-2022-am-chen/?saved=unchanged',
      });
    });

    it('reverses a revocation with a reason; a reversal of nothing is refused', async () => {
      const short = page(
        await detail(post('qg-2023-nmpq', { action: 'unrevoke', reason: 'ab' }, 'en'), 'qg-2023-nmpq', 'en'),
      );
      expect(short.status).toBe(400);
      expect(short.state).toMatchObject({
        errorFor: 'unrevoke',
        error: 'The reason must be 3 to 500 characters long.',
      });
      expect(short.state.certificate.revocation).toBeDefined();

      const done = await detail(
        post('qg-2023-nmpq', { action: 'unrevoke', reason: 'Ghi nhầm chứng nhận' }),
        'qg-2023-nmpq',
      );
      expect(done).toEqual({
        kind: 'redirect',
        location: '/admin/registry/certificates/qg-2023-nmpq/?saved=reversed',
      });
      const shown = page(await detail(get('qg-2023-nmpq', '?saved=reversed'), 'qg-2023-nmpq'));
      expect(shown.state.certificate.revocation).toBeUndefined();
      expect(shown.state.subject.verdict.status).toBe('valid');
      expect(shown.state.history.map((h) => h.action)).toEqual(['registry.unrevoke', 'registry.revoke']);
      expect(shown.state.history[0]!.after).toMatchObject({
        revocation: null,
        reason: 'Ghi nhầm chứng nhận',
      });

      const again = page(
        await detail(
          post('qg-2023-nmpq', { action: 'unrevoke', reason: 'Ghi nhầm chứng nhận' }),
          'qg-2023-nmpq',
        ),
      );
      expect(again.status).toBe(409);
      expect(again.state.error).toBe('Chứng nhận này không bị thu hồi: không có gì để huỷ.');
    });
  });
}
