/**
 * A revocation made in the console is never lost: a later import of a list that updates the
 * same certificate (the engine behind `npm run import` and the console's import) keeps it, and
 * the catalogue the next build reads (readCatalogueData, the same files) has it. Both databases.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogueData } from '~/catalogue/content-files';
import { importRegistryFile, importTable, parseCsv } from '~/catalogue/import/index';
import type { Actor } from '~/db/audit-log';
import type { DatabaseHandle } from '~/db/client';
import { revokeCertificate } from '~/registry/revocations';
import { writeSample } from '~scripts/sample/index';
import { csv, removeDir, tempDir } from '../catalogue/import/helpers';
import { testEngines } from '../notifications/test-databases';

const operator: Actor = { kind: 'user', id: 'u-op', label: 'op@example.vn', role: 'operator' };
const HEADER = [
  'so_chung_nhan',
  'cap',
  'khu_vuc',
  'nam',
  'ten_san_pham',
  'nhom_san_pham',
  'ten_co_so',
  'tinh_thanh',
  'diem',
];

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason)(`a console revocation and a later import on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    let work: string;
    beforeAll(async () => {
      handle = await engine.open();
      work = await tempDir('revocation-import-');
    });
    afterAll(async () => {
      await handle?.close();
      await removeDir(work);
    });

    it('keeps the revocation when a list updates the certificate, in the files the build reads', async () => {
      const dir = path.join(work, 'content');
      const data = await writeSample(dir, { products: 30, seed: 16 });
      const target = data.certificates.find((c) => c.number && !c.revocation)!;
      const revocation = {
        date: '2025-06-01',
        reason: 'Cơ sở ngừng sản xuất sản phẩm',
        decision: '77/QĐ-BCT',
      };
      await revokeCertificate(handle.db, operator, { certificate: target.id, ...revocation }, { dir });

      // The next list names the certificate again, with a new score.
      const product = data.products.find((p) => p.id === target.productId)!;
      const facility = data.facilities.find((f) => f.id === target.facilityId)!;
      const row = [
        target.number!,
        target.level,
        target.region ?? '',
        target.year,
        product.name,
        product.group,
        facility.name,
        target.provinceAsListed,
        target.score === 97 ? 98 : 97,
      ];
      const list = csv([HEADER, row]);

      // The pure merge first (what the console's review diffs), then the file import.
      const current = await readCatalogueData(dir);
      const merged = importTable(parseCsv(list), current, 'list.csv');
      expect(merged.problems).toEqual([]);
      expect(merged.summary!.certificates).toEqual({ added: 0, updated: 1, unchanged: 0 });
      expect(merged.registry!.certificates.find((c) => c.id === target.id)!.revocation).toEqual(revocation);

      const file = path.join(work, 'list.csv');
      await writeFile(file, list);
      const outcome = await importRegistryFile(file, { contentDir: dir });
      expect(outcome.problems).toEqual([]);
      expect(outcome.written).toBe(true);
      const after = await readCatalogueData(dir);
      const updated = after.certificates.find((c) => c.id === target.id)!;
      expect(updated.score).toBe(row[8]);
      expect(updated.revocation).toEqual(revocation);
      // …and so does the file itself, which the build's content loader reads.
      const onDisk = JSON.parse(await readFile(path.join(dir, 'registry/certificates.json'), 'utf8')) as {
        id: string;
        revocation?: unknown;
      }[];
      expect(onDisk.find((c) => c.id === target.id)!.revocation).toEqual(revocation);
    });
  });
}
