/**
 * The registry history store on both databases: a baseline state before the first change and
 * after edits outside the console, content stored once however many states share it, files read
 * back byte for byte, the files read from disk as one set, and the history append-only.
 */
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialiseCollection } from '~/catalogue/content-files';
import type { Actor } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { registryBlobs, registryStates } from '~/registry/db-schema';
import {
  filesOfState,
  latestState,
  type RegistryFiles,
  readRegistryFiles,
  recordRegistryChange,
  registryDrift,
  registryFilesOf,
  stateById,
} from '~/registry/history-store';
import { certificate, facility, product } from '../catalogue/fixture-builders';
import { removeDir, tempDir } from '../catalogue/import/helpers';
import { testEngines } from '../notifications/test-databases';

const operator: Actor = { kind: 'user', id: 'u-op', label: 'op@example.vn', role: 'operator' };

const registry = (certificates = 2) => ({
  facilities: [facility('htx-a', 'HTX A', 'Hà Nội')],
  products: [product('che-a', 'Chè A', 'htx-a', 'food')],
  certificates: Array.from({ length: certificates }, (_, i) =>
    certificate(`c-${i}`, 'che-a', 'htx-a', 'province', 2020),
  ),
});

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason)(`registry history store on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => {
      await handle?.close();
    });

    const record = (before: RegistryFiles, after: RegistryFiles, action: 'import' | 'revoke' = 'import') =>
      handle.db.transaction((tx) =>
        recordRegistryChange(tx, { action, actor: operator, summary: `${action} test`, before, after }),
      );
    const count = async (table: typeof registryStates | typeof registryBlobs) =>
      Number(
        (
          (await handle.db.execute(sql`SELECT count(*) AS n FROM ${table}`)) as unknown as {
            rows: { n: string }[];
          }
        ).rows[0]!.n,
      );

    it('records a baseline before the first change, then the change, each readable byte for byte', async () => {
      const v1 = registryFilesOf(registry(2));
      const v2 = registryFilesOf(registry(3));
      const { stateId, previousStateId } = await record(v1, v2);
      const baseline = (await stateById(handle.db, previousStateId))!;
      expect(baseline.action).toBe('baseline');
      expect(baseline.previousId).toBeNull();
      expect(baseline.actorRole).toBe('system');
      const state = (await stateById(handle.db, stateId))!;
      expect(state).toMatchObject({ action: 'import', actorLabel: 'op@example.vn', previousId: baseline.id });
      expect(await filesOfState(handle.db, baseline)).toEqual(v1);
      expect(await filesOfState(handle.db, state)).toEqual(v2);
      // facilities and products did not change: both states point at the same blobs.
      expect(state.facilitiesSha).toBe(baseline.facilitiesSha);
      expect(state.productsSha).toBe(baseline.productsSha);
      expect(state.certificatesSha).not.toBe(baseline.certificatesSha);
    });

    it('adds no baseline when the files are the last recorded state, and one when they were edited outside', async () => {
      const last = (await latestState(handle.db))!;
      const current = await filesOfState(handle.db, last);
      const next = registryFilesOf(registry(4));
      const states = await count(registryStates);
      const { previousStateId } = await record(current, next, 'revoke');
      expect(previousStateId).toBe(last.id);
      expect(await count(registryStates)).toBe(states + 1);

      const editedByHand = { ...next, facilities: next.facilities.replace('HTX A', 'HTX A (sửa tay)') };
      expect((await registryDrift(handle.db, editedByHand)).drifted).toBe(true);
      expect((await registryDrift(handle.db, next)).drifted).toBe(false);
      const { stateId, previousStateId: outside } = await record(editedByHand, registryFilesOf(registry(5)));
      const baseline = (await stateById(handle.db, outside))!;
      expect(baseline).toMatchObject({
        action: 'baseline',
        summary: expect.stringContaining('outside the console'),
      });
      expect(baseline.previousId).toBe(
        (await stateById(handle.db, stateId))!.previousId === outside ? baseline.previousId : -1,
      );
      expect(await filesOfState(handle.db, baseline)).toEqual(editedByHand);
    });

    it('stores a blob once however many states use it', async () => {
      const v = registryFilesOf(registry(6));
      const last = (await latestState(handle.db))!;
      await record(await filesOfState(handle.db, last), v);
      const blobs = await count(registryBlobs);
      await record(v, v);
      await record(v, v);
      expect(await count(registryBlobs)).toBe(blobs);
    });

    it('keeps the history append-only', async () => {
      const refusal = (query: Promise<unknown>) =>
        query.then(
          () => 'allowed',
          (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
        );
      expect(await refusal(handle.db.update(registryStates).set({ summary: 'x' }))).toMatch(/append-only/);
      expect(await refusal(handle.db.delete(registryStates))).toMatch(/append-only/);
    });

    it('rolls the state back with the transaction it was recorded in', async () => {
      const states = await count(registryStates);
      const before = await filesOfState(handle.db, (await latestState(handle.db))!);
      await expect(
        handle.db.transaction(async (tx) => {
          await recordRegistryChange(tx, {
            action: 'import',
            actor: operator,
            summary: 'doomed',
            before,
            after: registryFilesOf(registry(9)),
          });
          throw new Error('writing the files failed');
        }),
      ).rejects.toThrow('writing the files failed');
      expect(await count(registryStates)).toBe(states);
    });
  });
}

describe('readRegistryFiles', () => {
  it('reads the three files as they are, and a missing one as the empty registry', async () => {
    const dir = await tempDir('cnnt-history-');
    try {
      await cp(path.resolve('tests/registry/../../content/registry'), path.join(dir, 'registry'), {
        recursive: true,
        filter: (src) => !src.includes('photos'),
      });
      const files = await readRegistryFiles(dir);
      for (const name of ['facilities', 'products', 'certificates'] as const) {
        expect(files[name]).toBe(
          await import('node:fs/promises').then((fs) =>
            fs.readFile(path.join(dir, `registry/${name}.json`), 'utf8'),
          ),
        );
      }
      await writeFile(path.join(dir, 'registry/products.json'), '[]\n');
      expect((await readRegistryFiles(dir)).products).toBe('[]\n');
      const empty = await readRegistryFiles(path.join(dir, 'nothing-here'));
      expect(empty).toEqual({ facilities: serialiseCollection([]), products: '[]\n', certificates: '[]\n' });
    } finally {
      await removeDir(dir);
    }
  });
});
