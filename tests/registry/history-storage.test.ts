/**
 * Storage of the registry history on both databases: a hundred revocations of the full default
 * registry (about 3.5 MB of JSON) cost a small fraction of one more copy each, because file
 * contents are content-addressed, gzip'd, and cut into chunks at record boundaries.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_FILES, serialiseCollection } from '~/catalogue/content-files';
import type { Certificate } from '~/catalogue/schemas';
import type { Actor } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import {
  filesOfState,
  latestState,
  type RegistryFiles,
  recordRegistryChange,
  stateById,
} from '~/registry/history-store';
import { testEngines } from '../notifications/test-databases';

const operator: Actor = { kind: 'user', id: 'u-op', label: 'op@example.vn', role: 'operator' };
const read = (name: keyof RegistryFiles) =>
  readFileSync(path.resolve('content', CONTENT_FILES[name]), 'utf8');

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason)(`registry history storage on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => {
      await handle?.close();
    });

    const stored = async () => {
      const result = await handle.db.execute(
        sql`SELECT coalesce(sum(octet_length(gzip)), 0) + coalesce(sum(octet_length(array_to_string(parts, ''))), 0) AS bytes FROM registry_blobs`,
      );
      return Number((result as unknown as { rows: { bytes: string }[] }).rows[0]!.bytes);
    };

    it('stores 100 revocations of a 3.5 MB registry in little more than one gzip’d copy', {
      timeout: 240_000,
    }, async () => {
      let files: RegistryFiles = {
        facilities: read('facilities'),
        products: read('products'),
        certificates: read('certificates'),
      };
      const raw = Object.values(files).reduce((n, t) => n + Buffer.byteLength(t), 0);
      expect(raw).toBeGreaterThan(3_000_000);
      const certificates = JSON.parse(files.certificates) as Certificate[];
      const first = { ...files };

      // The baseline and the first change: one copy of everything.
      const change = async (i: number) => {
        const at = (i * 7919) % certificates.length;
        certificates[at] = {
          ...certificates[at]!,
          revocation: { date: '2025-01-02', reason: `thu hồi số ${i}` },
        };
        const after = { ...files, certificates: serialiseCollection(certificates) };
        await handle.db.transaction((tx) =>
          recordRegistryChange(tx, {
            action: 'revoke',
            actor: operator,
            summary: `revoke ${i}`,
            before: files,
            after,
          }),
        );
        files = after;
      };
      await change(0);
      const oneCopy = await stored();
      expect(oneCopy).toBeLessThan(raw / 4); // gzip

      for (let i = 1; i <= 100; i++) await change(i);
      const perChange = ((await stored()) - oneCopy) / 100;
      // A whole gzip'd certificates.json is ~180 kB; a change stores one chunk and its list.
      expect(perChange).toBeLessThan(15_000);

      // And every state still reads back exactly.
      const latest = (await latestState(handle.db))!;
      expect(await filesOfState(handle.db, latest)).toEqual(files);
      const [baseline] = (
        (await handle.db.execute(sql`SELECT id FROM registry_states ORDER BY id LIMIT 1`)) as unknown as {
          rows: { id: string }[];
        }
      ).rows;
      expect(await filesOfState(handle.db, (await stateById(handle.db, Number(baseline!.id)))!)).toEqual(
        first,
      );
    });
  });
}
