/**
 * fetchBuildUploads (scripts/lib/build-uploaded-photos.ts): no database configured is skipped
 * without asking for one; a database that answers gives the catalogue's products' photos; one
 * that fails is a warning and no photos, never a failed build.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fetchBuildUploads } from '~scripts/lib/build-uploaded-photos';

const work = mkdtempSync(path.join(tmpdir(), 'build-uploads-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const photo = (id: string) => ({ id, alt: { vi: 'Ảnh' }, width: 640, height: 480 });
const catalogue = new Set(['ruou-nep', 'banh-da']);

describe('the build’s uploaded photos', () => {
  it('are skipped, without running any command, when no database is configured', async () => {
    const asked: string[] = [];
    const result = await fetchBuildUploads(
      {
        databaseUrl: undefined,
        pgliteDir: path.join(work, 'absent', 'pglite'),
        run: async (name) => void asked.push(name),
      },
      catalogue,
    );
    expect(asked).toEqual([]);
    expect(result).toMatchObject({ warning: false });
    expect(result.photos.size).toBe(0);
    expect(result.line).toMatch(/no database .*skipped/);
  });

  it('are the catalogue’s products’ photos when the database answers', async () => {
    const dir = path.join(work, 'data', 'pglite');
    mkdirSync(dir, { recursive: true });
    const result = await fetchBuildUploads(
      {
        databaseUrl: undefined,
        pgliteDir: dir,
        run: async (name) => {
          expect(name).toBe('listings.photos');
          return {
            products: {
              'ruou-nep': [photo('a'.repeat(20)), photo('b'.repeat(20))],
              // Not in this catalogue (another build's products): left out.
              'khong-co': [photo('c'.repeat(20))],
            },
          };
        },
      },
      catalogue,
    );
    expect([...result.photos.keys()]).toEqual(['ruou-nep']);
    expect(result.photos.get('ruou-nep')!.map((p) => p.id)).toEqual(['a'.repeat(20), 'b'.repeat(20)]);
    expect(result).toMatchObject({
      warning: false,
      line: 'uploaded photos: 2 (1 products) from the database.',
    });
  });

  it('are none, with a warning saying why, when the database cannot be read', async () => {
    for (const run of [
      async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      },
      // A server of an older build, or an answer that is not photos.
      async () => ({ products: { 'ruou-nep': [{ id: '../x' }] } }),
    ]) {
      const result = await fetchBuildUploads(
        { databaseUrl: 'postgres://db.invalid/x', pgliteDir: path.join(work, 'none'), run },
        catalogue,
      );
      expect(result.warning).toBe(true);
      expect(result.photos.size).toBe(0);
      expect(result.line).toMatch(/^warning: uploaded photos could not be read .*building without them/);
    }
  });
});
