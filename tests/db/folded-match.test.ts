/**
 * "Contains" without case or diacritics, in SQL on both engines (PGlite has no unaccent, and
 * lower() in the C locale leaves "Ễ" alone), matching how the search folds what is typed.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '~/db/client';
import { foldedColumn, foldedContains, foldedNeedle } from '~/db/folded-match';
import { testEngines } from '../notifications/test-databases';

describe('foldedNeedle', () => {
  it('folds what is typed as the site search does', () => {
    expect(foldedNeedle('  NGUYỄN   Thị  Lan ')).toBe('nguyen thi lan');
    expect(foldedNeedle('Đặng Đức')).toBe('dang duc');
  });
});

for (const engine of testEngines()) {
  describe.skipIf(engine.skipReason !== undefined)(`folded match on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(() => handle?.close());

    const one = async <T>(query: ReturnType<typeof sql>) =>
      ((await handle.db.execute(query)) as unknown as { rows: Record<string, T>[] }).rows[0]!;
    const matches = async (stored: string, typed: string) =>
      (await one<boolean>(sql`SELECT ${foldedContains(sql`${stored}::text`, typed)} AS hit`)).hit;

    it('finds names with or without their marks, in any case', async () => {
      expect(await matches('Nguyễn Thị Lan', 'nguyen thi')).toBe(true);
      expect(await matches('NGUYỄN THỊ LAN', 'thị lan')).toBe(true);
      expect(await matches('Công ty TNHH Đồng Tâm', 'dong tam')).toBe(true);
      expect(await matches('Nguyễn Thị Lan', 'Lân')).toBe(true);
      expect(await matches('Nguyễn Thị Lan', 'nguyen van')).toBe(false);
    });

    it('folds text stored decomposed (NFD) like text stored composed', async () => {
      expect(await matches('Nguyễn Thị Lan'.normalize('NFD'), 'nguyen thi lan')).toBe(true);
      expect(
        (await one<string>(sql`SELECT ${foldedColumn(sql`${'Ước Mơ Đẹp'.normalize('NFD')}::text`)} AS f`)).f,
      ).toBe('uoc mo dep');
    });

    it('takes LIKE wildcards literally', async () => {
      expect(await matches('Lan', '%')).toBe(false);
      expect(await matches('Lan', '_an')).toBe(false);
      expect(await matches('50% off', '50%')).toBe(true);
    });
  });
}
