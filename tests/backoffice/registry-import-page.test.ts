/**
 * /admin/registry/import/ and /admin/registry/import/{id}/ as the console posts to them
 * (PGlite): an upload refused for its size or kind, a file's every bad row listed as
 * `ROW: COLUMN: message` in the page's language, a good file staged and redirected to its
 * review (the merged facility, the diff), applied once (then refused), discarded.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '~/accounts/astro';
import { registryImportPageState, registryImportReviewState } from '~/backoffice/registry-import-page';
import type { DatabaseHandle } from '~/db/client';
import type { Locale } from '~/i18n/locales';
import { IMPORT_MAX_BYTES } from '~/registry/import-file';
import { testEngines } from '~tests/notifications/test-databases';
import { badCsv, registryBytes, renamedCsv, writeContentDir } from '~tests/registry/import-helpers';

const operator: Principal & { kind: 'account' } = {
  kind: 'account',
  userId: 'user-op-1',
  email: 'op@cho-cnnt.test',
  role: 'operator',
  twoFactorEnabled: true,
  facilityIds: [],
};

const ORIGIN = 'http://localhost:4321';
const PAGE = `${ORIGIN}/admin/registry/import/`;

function upload(name: string, content: BlobPart, url = PAGE): Request {
  const form = new FormData();
  form.set('file', new File([content], name));
  return new Request(url, { method: 'POST', body: form });
}

const post = (url: string, fields: Record<string, string>) =>
  new Request(url, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

const pglite = testEngines().find((e) => e.name === 'pglite')!;

describe('registry import pages (pglite)', () => {
  let handle: DatabaseHandle;
  let dir: string;
  beforeAll(async () => {
    handle = await pglite.open();
    dir = writeContentDir();
  });
  afterAll(async () => {
    await handle?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const list = (request: Request, locale: Locale = 'vi') =>
    registryImportPageState(handle.db, request, locale, operator, { dir });
  const review = (request: Request, id: number, locale: Locale = 'vi') =>
    registryImportReviewState(handle.db, request, locale, operator, id, { dir });

  it('refuses files too large, of the wrong kind or disguised, in the person’s language', async () => {
    const big = await list(upload('big.csv', new Uint8Array(IMPORT_MAX_BYTES + 1)));
    expect(big.status).toBe(413);
    expect(big.error).toBe('Tệp lớn hơn 20 MB; hãy chia danh sách thành nhiều tệp nhỏ hơn.');
    const huge = await list(upload('huge.csv', new Uint8Array(IMPORT_MAX_BYTES + 200_000)), 'en');
    expect(huge.status).toBe(413);
    expect(huge.error).toContain('over 20 MB');
    expect((await list(upload('ds.pdf', 'x'))).error).toBe('Chỉ nhận tệp .csv hoặc .xlsx.');
    expect((await list(upload('ds.xlsx', 'cap,nam\n'))).error).toContain('không phải là bảng tính Excel');
    expect((await list(upload('ds.csv', ''))).status).toBe(400);
    expect((await list(new Request(PAGE))).recent).toEqual([]);
  });

  it('lists every bad row as ROW: COLUMN: message, in Vietnamese and in English, writing nothing', async () => {
    const before = registryBytes(dir);
    const vi = await list(upload('sai.csv', badCsv()));
    expect(vi.status).toBe(422);
    expect(vi.problems).toEqual({
      fileName: 'sai.csv',
      lines: [
        '3: Cấp: cấp “trung ương” không hợp lệ (cần một trong: quốc gia, khu vực, tỉnh, huyện, xã)',
        '5: Tỉnh thành: không có tỉnh/thành “Atlantis” (cần tên một trong 34 tỉnh/thành hiện nay hoặc 63 tỉnh/thành cũ)',
      ],
    });
    const en = await list(upload('sai.csv', badCsv(), `${ORIGIN}/en/admin/registry/import/`), 'en');
    expect(en.problems?.lines).toEqual([
      '3: Cấp: unknown level "trung ương" (expected quốc gia/national, khu vực/regional, tỉnh/province, huyện/district or xã/commune)',
      '5: Tỉnh thành: unknown province "Atlantis" (expected one of the 34 current or 63 former provinces)',
    ]);
    expect(en.recent).toEqual([]);
    expect(registryBytes(dir)).toEqual(before);
  });

  it('stages a good file, shows its review, applies it once, then refuses again', async () => {
    const staged = await list(
      upload('danh-sach.csv', renamedCsv(), `${ORIGIN}/en/admin/registry/import/`),
      'en',
    );
    expect(staged.status).toBe(303);
    const match = /^\/en\/admin\/registry\/import\/(\d+)\/$/.exec(staged.redirect ?? '');
    expect(match).not.toBeNull();
    const id = Number(match![1]);
    const here = `${ORIGIN}/admin/registry/import/${id}/`;

    const shown = await review(new Request(here), id);
    if (shown.kind !== 'page') throw new Error(shown.kind);
    expect(shown.state.status).toBe('staged');
    expect(shown.state.review?.merged.map((m) => m.names.map((n) => n.name))).toEqual([
      ['HTX chè Hảo Đạt', 'Hợp tác xã chè Hảo Đạt'],
      ['Công ty TNHH Kẹo dừa Thanh Long', 'CÔNG TY TNHH KẸO DỪA THANH LONG'],
    ]);
    expect(shown.state.review!.diff.facilities.changed[0]!.fields.map((f) => f.field)).toEqual([
      'name',
      'phone',
    ]);
    expect(shown.state.history.map((h) => h.action)).toEqual(['registry.import_stage']);
    expect((await list(new Request(PAGE))).recent.map((r) => [r.id, r.fileName, r.status])).toEqual([
      [id, 'danh-sach.csv', 'staged'],
    ]);

    const applied = await review(post(here, { action: 'apply' }), id);
    expect(applied).toEqual({ kind: 'redirect', location: `/admin/registry/import/${id}/?done=applied` });
    expect(registryBytes(dir).facilities).toContain('Hợp tác xã chè Hảo Đạt');
    const after = await review(new Request(`${here}?done=applied`), id);
    if (after.kind !== 'page') throw new Error(after.kind);
    expect(after.state.notice).toBe('Đã áp dụng: các tệp danh mục đã được ghi và ghi vào nhật ký.');
    expect(after.state.status).toBe('applied');
    expect(after.state.info.stateId).toEqual(expect.any(Number));
    expect(after.state.history.map((h) => h.action)).toEqual(['registry.import_stage', 'registry.import']);

    const again = await review(post(here, { action: 'apply' }), id);
    if (again.kind !== 'page') throw new Error(again.kind);
    expect(again.status).toBe(409);
    expect(again.state.error).toBe('Lần nhập này đã được áp dụng rồi; không áp dụng lại.');
  });

  it('discards, refuses a stale import, answers a bad form and an unknown id', async () => {
    const first = await list(upload('a.csv', renamedCsv().replace('0208 3855 999', '0208 3855 777')));
    const id = Number(/(\d+)\/$/.exec(first.redirect!)![1]);
    const here = `${ORIGIN}/admin/registry/import/${id}/`;
    expect(await review(post(here, { action: 'discard' }), id)).toEqual({
      kind: 'redirect',
      location: `/admin/registry/import/${id}/?done=discarded`,
    });
    const bad = await review(post(here, { action: 'publish' }), id);
    expect(bad.kind === 'page' && [bad.status, bad.state.error]).toEqual([
      400,
      'Yêu cầu không hợp lệ; không có gì thay đổi.',
    ]);

    const second = await list(upload('b.csv', renamedCsv().replace('0208 3855 999', '0208 3855 666')));
    const other = await list(upload('c.csv', renamedCsv().replace('0208 3855 999', '0208 3855 555')));
    const secondId = Number(/(\d+)\/$/.exec(second.redirect!)![1]);
    const otherId = Number(/(\d+)\/$/.exec(other.redirect!)![1]);
    await review(post(`${ORIGIN}/admin/registry/import/${otherId}/`, { action: 'apply' }), otherId);
    const stale = await review(
      post(`${ORIGIN}/admin/registry/import/${secondId}/`, { action: 'apply' }),
      secondId,
    );
    if (stale.kind !== 'page') throw new Error(stale.kind);
    expect(stale.status).toBe(409);
    expect(stale.state.error).toBe(
      'Danh mục đã thay đổi kể từ khi tệp này được kiểm tra; hãy tải tệp lên lại.',
    );
    expect(stale.state.status).toBe('stale');
    expect(stale.state.review).toBeUndefined();

    expect(await review(new Request(`${ORIGIN}/admin/registry/import/999999/`), 999_999)).toEqual({
      kind: 'not_found',
    });
  });
});
