/**
 * /admin/registry/ and /admin/registry/states/{id}/ as the console uses them, on both databases:
 * the history newest first with publishes from the audit log, keyset pages that neither skip nor
 * repeat, the notice when the files were changed outside the console; a state's counts and audit
 * entry; restoring it: preview, a malformed or stale post refused in the page's language, a good
 * one redirected to the history, where the 'restore' entry is on top.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '~/accounts/astro';
import { registryHistoryState, registryStatePageState } from '~/backoffice/registry-history-page';
import { type Actor, appendAudit } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import type { Locale } from '~/i18n/locales';
import { registryHistoryPage } from '~/registry/history-list-store';
import { latestState } from '~/registry/history-store';
import { revokeCertificate } from '~/registry/revocations';
import { testEngines } from '~tests/notifications/test-databases';
import { certificatesFile, writeContentDir } from '~tests/registry/revocation-helpers';

const operator: Principal & { kind: 'account' } = {
  kind: 'account',
  userId: 'user-op-1',
  email: 'op@cho-cnnt.test',
  role: 'operator',
  twoFactorEnabled: true,
  facilityIds: [],
};
const actor: Actor = { kind: 'user', id: 'user-op-1', label: 'op@cho-cnnt.test', role: 'operator' };
const ORIGIN = 'http://localhost:4321';

const post = (url: string, fields: Record<string, string>) =>
  new Request(url, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason)(`registry history pages on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    let dir: string;
    beforeAll(async () => {
      handle = await engine.open();
      dir = writeContentDir(undefined, 'history-page-');
    });
    afterAll(async () => {
      await handle?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });
    const history = (query = '', locale: Locale = 'vi') =>
      registryHistoryState(handle.db, new URL(`${ORIGIN}/admin/registry/${query}`), locale, { dir });
    const statePage = (request: Request, id: number, locale: Locale = 'vi') =>
      registryStatePageState(handle.db, request, locale, operator, id, { dir });
    const revoke = (certificate: string, date: string) =>
      revokeCertificate(
        handle.db,
        actor,
        { certificate, date, reason: 'Không còn đáp ứng tiêu chí', replace: true },
        { dir },
      );

    it('says when nothing is recorded yet', async () => {
      const state = await history();
      expect(state.drift).toEqual({ kind: 'empty' });
      expect(state.page.entries).toEqual([]);
    });

    it('lists changes and publishes newest first, with who, the summary and the state after each', async () => {
      await revoke('qg-2023-nmpq', '2025-01-02');
      await handle.db.transaction((tx) =>
        appendAudit(
          tx,
          { kind: 'command', id: null, label: 'npm run publish', role: 'command' },
          {
            action: 'site.publish',
            target: { type: 'site', id: 'build-2' },
            after: { buildId: '20250102-0900' },
          },
        ),
      );
      await revoke('kv-2024-binh-gom', '2025-01-03');
      const { page, drift } = await history();
      expect(drift).toEqual({ kind: 'none' });
      const latest = (await latestState(handle.db))!;
      expect(page.entries.map((e) => [e.kind, e.action])).toEqual([
        ['state', 'revoke'],
        ['publish', 'site.publish'],
        ['state', 'revoke'],
        ['state', 'baseline'],
      ]);
      const [second, publish, first, baseline] = page.entries;
      expect(second).toMatchObject({ id: latest.id, actorLabel: 'op@cho-cnnt.test', actorRole: 'operator' });
      expect(second!.kind === 'state' && second!.summary).toContain('revoke kv-2024-binh-gom');
      expect(publish).toMatchObject({
        buildId: '20250102-0900',
        stateId: first!.id,
        actorLabel: 'npm run publish',
      });
      expect(baseline).toMatchObject({ action: 'baseline', previousId: null, actorRole: 'system' });
    });

    it('pages by keyset without skipping or repeating an entry', async () => {
      for (const [i, date] of ['2025-02-01', '2025-02-02', '2025-02-03'].entries()) {
        await revoke(i % 2 ? 'tinh-2022-nmpq' : 'tinh-2018-am-chen', date);
      }
      const all = (await registryHistoryPage(handle.db)).entries;
      const walked: typeof all = [];
      let after: string | undefined;
      do {
        const page = await registryHistoryPage(handle.db, { after, limit: 2 });
        walked.push(...page.entries);
        after = page.next;
      } while (after);
      expect(walked.map((e) => `${e.kind}${e.id}`)).toEqual(all.map((e) => `${e.kind}${e.id}`));
      expect(all.length).toBe(7);
      const first = await history();
      expect(first.nextHref).toBeUndefined();
      // A cursor that is not one is the first page, not an error.
      expect((await history('?after=nonsense')).page.entries.length).toBe(7);
    });

    it('says so when the files were changed outside the console', async () => {
      const file = certificatesFile(dir);
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace('"year": 2022', '"year": 2021'));
      const latest = (await latestState(handle.db))!;
      expect((await history()).drift).toEqual({ kind: 'drifted', latestId: latest.id });
      writeFileSync(file, text);
      expect((await history()).drift).toEqual({ kind: 'none' });
    });

    it('shows a state: its counts, the change that made it and its audit entry', async () => {
      const first = (await registryHistoryPage(handle.db)).entries.filter((e) => e.kind === 'state').at(-2)!;
      const outcome = await statePage(new Request(`${ORIGIN}/admin/registry/states/${first.id}/`), first.id);
      if (outcome.kind !== 'page') throw new Error(outcome.kind);
      expect(outcome.view.counts).toEqual({ facilities: 2, products: 3, certificates: 5, revoked: 2 });
      expect(outcome.view.isCurrent).toBe(false);
      expect(outcome.view.preview).toBeUndefined();
      expect(outcome.view.audit.map((a) => [a.action, a.targetId])).toEqual([
        ['registry.revoke', 'qg-2023-nmpq'],
      ]);
      const baseline = await statePage(
        new Request(`${ORIGIN}/admin/registry/states/${first.id - 1}/`),
        first.id - 1,
      );
      expect(baseline.kind === 'page' && baseline.view.audit).toEqual([]);
      expect((await statePage(new Request(`${ORIGIN}/admin/registry/states/999999/`), 999_999)).kind).toBe(
        'not_found',
      );
    });

    it('previews a restore, refuses a bad or stale post, applies a good one and lists it on top', async () => {
      const baseline = (await registryHistoryPage(handle.db)).entries.at(-1)!;
      const url = `${ORIGIN}/admin/registry/states/${baseline.id}/`;
      const previewed = await statePage(new Request(`${url}?preview=1`), baseline.id);
      if (previewed.kind !== 'page' || previewed.view.preview?.kind !== 'preview')
        throw new Error('no preview');
      const { preview } = previewed.view;
      expect(preview.unchanged).toBe(false);
      // The baseline has no revocation of qg-2023-nmpq; the restore keeps the current one.
      expect(preview.plan.revocationsKept).toContain('qg-2023-nmpq');

      const bad = await statePage(post(url, { action: 'restore', base: 'x' }), baseline.id, 'en');
      expect(bad).toMatchObject({
        kind: 'page',
        status: 400,
        view: { error: 'The request was not valid. Reload the page and try again.' },
      });

      await revoke('tinh-2022-nmpq', '2025-03-01');
      const stale = await statePage(post(url, { action: 'restore', base: preview.baseSha }), baseline.id);
      if (stale.kind !== 'page') throw new Error(stale.kind);
      expect(stale.status).toBe(409);
      expect(stale.view.error).toBe(
        'Danh mục đã thay đổi từ lúc bạn xem trước. Hãy xem lại các thay đổi dưới đây rồi khôi phục lại.',
      );
      const fresh = stale.view.preview;
      if (fresh?.kind !== 'preview') throw new Error('no fresh preview');
      expect(fresh.baseSha).not.toBe(preview.baseSha);

      const applied = await statePage(post(url, { action: 'restore', base: fresh.baseSha }), baseline.id);
      if (applied.kind !== 'redirect') throw new Error(applied.kind);
      const restoredId = (await latestState(handle.db))!.id;
      expect(applied.location).toBe(`/admin/registry/?restored=${restoredId}`);
      const after = await history(`?restored=${restoredId}`);
      expect(after.restoredId).toBe(restoredId);
      expect(after.page.entries[0]).toMatchObject({
        kind: 'state',
        action: 'restore',
        restoredFromId: baseline.id,
      });
      expect(after.drift).toEqual({ kind: 'none' });

      const again = await statePage(post(url, { action: 'restore', base: fresh.baseSha }), baseline.id, 'en');
      expect(again).toMatchObject({ kind: 'page', status: 409 });
      const current = await statePage(
        new Request(`${ORIGIN}/en/admin/registry/states/${restoredId}/`),
        restoredId,
        'en',
      );
      expect(current.kind === 'page' && current.view.isCurrent).toBe(true);
    });
  });
}
