/**
 * /admin/publish/ on both databases: it lists the kept builds and the live one, rolls back in the
 * request (audited under the operator), and refuses "publish now" while another publish runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '~/accounts/access-rules';
import { inviteAccount } from '~/accounts/invitations';
import { publishPageState } from '~/backoffice/publish-page';
import { auditLog, commandActor } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { publish, readPointer } from '~/publishing/astro';
import { buildPaths } from '~/publishing/builds-dir';
import { takePublishLock } from '~/publishing/publish-lock';
import { testEngines } from '../notifications/test-databases';
import { makeFakeBuild } from '../publishing/fixtures/fake-build';

const form = (fields: Record<string, string>) =>
  new Request('http://localhost:4321/admin/publish/', { method: 'POST', body: new URLSearchParams(fields) });
const get = () => new Request('http://localhost:4321/admin/publish/');

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason)(`the publish screen (${engine.name})`, () => {
    let handle: DatabaseHandle;
    let operator: Principal & { kind: 'account' };
    const work = mkdtempSync(path.join(tmpdir(), 'publish-page-'));
    const builds = path.join(work, 'builds');
    const previous = process.env.BUILDS_DIR;
    const ids: string[] = [];

    beforeAll(async () => {
      process.env.BUILDS_DIR = builds;
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
      for (const label of ['A', 'B']) {
        const result = await publish({
          from: makeFakeBuild(path.join(work, label), label),
          root: builds,
          contentFiles: [],
          requestedBy: 'npm run publish',
        });
        ids.push(result.build);
      }
    });
    afterAll(async () => {
      if (previous === undefined) delete process.env.BUILDS_DIR;
      else process.env.BUILDS_DIR = previous;
      await handle?.close();
      rmSync(work, { recursive: true, force: true });
    });

    it('shows the live build, the kept ones and what a rollback would return to', async () => {
      const state = await publishPageState(handle.db, get(), 'vi', operator);
      expect(state.live).toBe(ids[1]);
      expect(state.builds.map((b) => b.id)).toEqual([ids[1], ids[0]]);
      expect(state.rollbackTarget).toBe(ids[0]);
      expect(state.status).toMatchObject({ action: 'publish', state: 'done', interrupted: false });
    });

    it('rolls back in the request, audited under the operator', async () => {
      const state = await publishPageState(handle.db, form({ action: 'rollback' }), 'en', operator);
      expect(state.error).toBeUndefined();
      expect(state.notice).toMatch(new RegExp(`Rolled back to ${ids[0]}: 0 server\\(s\\) switched`));
      expect((await readPointer(buildPaths(builds).live))?.build).toBe(ids[0]);
      const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'site.rollback'));
      expect(entry).toMatchObject({ actorLabel: 'op@example.vn', actorRole: 'operator', targetId: ids[0] });
      expect(entry!.before).toEqual({ build: ids[1] });
      expect(state.history.map((h) => h.action)).toContain('site.rollback');
      // Nothing older is kept now: the screen says so instead of offering a button.
      expect(state.rollbackTarget).toBeNull();
    });

    it('refuses "publish now" while another publish runs, in the page language, and audits nothing', async () => {
      const release = await takePublishLock(buildPaths(builds).lock, 'other@example.vn', 'publish');
      try {
        const state = await publishPageState(handle.db, form({ action: 'publish' }), 'vi', operator);
        expect(state.error).toMatch(/^Một lần xuất bản khác đang chạy \(do other@example\.vn yêu cầu lúc /);
        const requested = await handle.db
          .select()
          .from(auditLog)
          .where(eq(auditLog.action, 'site.publish.requested'));
        expect(requested).toEqual([]);
      } finally {
        await release();
      }
    });

    it('answers a form it does not know with a clear error', async () => {
      const state = await publishPageState(handle.db, form({ action: 'delete-everything' }), 'en', operator);
      expect(state.error).toBe('Invalid request.');
    });
  });
}
