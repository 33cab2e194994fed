import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CONTENT_FILES,
  readCatalogueData,
  serialiseCollection,
  writeCollections,
} from '~/catalogue/content-files';
import { sampleData } from '../verification/fixtures';

/** Makes the Nth rename of a catalogue file, or the Nth temporary write, fail like a crash. */
const fault = vi.hoisted(() => ({
  failRename: -1,
  failWrite: -1,
  renames: 0,
  writes: 0,
  /** Runs (once) before products.json is read: a writer replacing the files mid-read. */
  beforeProductsRead: undefined as (() => Promise<void>) | undefined,
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const isCatalogueFile = (to: unknown) =>
    /[\\/](registry|listings)[\\/][^\\/]+\.json$|dataset\.json$/.test(String(to));
  const rename: typeof real.rename = async (from, to) => {
    if (fault.failRename >= 0 && isCatalogueFile(to) && fault.renames++ === fault.failRename) {
      throw Object.assign(new Error('injected crash between renames'), { code: 'EIO' });
    }
    return real.rename(from, to);
  };
  const writeFile: typeof real.writeFile = async (file, ...rest) => {
    if (fault.failWrite >= 0 && String(file).endsWith('.tmp') && fault.writes++ === fault.failWrite) {
      throw Object.assign(new Error('injected crash while staging'), { code: 'EIO' });
    }
    return real.writeFile(file, ...rest);
  };
  const readFile = (async (file: Parameters<typeof real.readFile>[0], ...rest: unknown[]) => {
    const hook = fault.beforeProductsRead;
    if (hook && String(file).endsWith('products.json')) {
      fault.beforeProductsRead = undefined;
      await hook();
    }
    return (real.readFile as (...args: unknown[]) => Promise<unknown>)(file, ...rest);
  }) as typeof real.readFile;
  return { ...real, rename, writeFile, readFile, default: { ...real, rename, writeFile, readFile } };
});

type Set3 = Record<'facilities' | 'products' | 'certificates', { id: string }[]>;

function oldAndNew(): { before: Set3; after: Set3 } {
  const data = sampleData();
  const before = { facilities: data.facilities, products: data.products, certificates: data.certificates };
  const after = {
    facilities: data.facilities.map((f) => ({ ...f, name: `${f.name} (mới)` })),
    products: data.products.map((p) => ({ ...p, name: `${p.name} (mới)` })),
    certificates: data.certificates.map((c) => ({ ...c, number: `${c.number}-M` })),
  };
  return { before, after };
}

function catalogueDir(set: Set3): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'commit-'));
  const data = sampleData();
  const all = { ...set, dataset: [data.dataset], listings: data.listings };
  for (const [name, items] of Object.entries(all)) {
    const file = path.join(dir, CONTENT_FILES[name as keyof typeof CONTENT_FILES]);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, serialiseCollection(items));
  }
  return dir;
}

/** Which set each registry file holds now: "old", "new" or "other". */
function whichSet(dir: string, { before, after }: { before: Set3; after: Set3 }): string[] {
  return (['facilities', 'products', 'certificates'] as const).map((name) => {
    const text = readFileSync(path.join(dir, CONTENT_FILES[name]), 'utf8');
    return text === serialiseCollection(before[name])
      ? 'old'
      : text === serialiseCollection(after[name])
        ? 'new'
        : 'other';
  });
}

/** Everything in the catalogue folders that is not a catalogue file. */
function leftovers(dir: string): string[] {
  const names = ['.', 'registry', 'listings'].flatMap((sub) =>
    readdirSync(path.join(dir, sub)).map((f) => path.join(sub, f)),
  );
  const expected = new Set(Object.values(CONTENT_FILES).map((f) => path.normalize(f)));
  return names.filter((f) => !expected.has(path.normalize(f)) && !['registry', 'listings'].includes(f));
}

describe('writeCollections: all files or none', () => {
  beforeEach(() => {
    Object.assign(fault, {
      failRename: -1,
      failWrite: -1,
      renames: 0,
      writes: 0,
      beforeProductsRead: undefined,
    });
  });

  it('a crash between two renames: the next reader sees the whole new set', async () => {
    const sets = oldAndNew();
    const dir = catalogueDir(sets.before);
    fault.failRename = 1;
    await expect(writeCollections(dir, sets.after)).rejects.toThrow(/injected crash/);
    fault.failRename = -1;
    const data = await readCatalogueData(dir);
    expect(whichSet(dir, sets)).toEqual(['new', 'new', 'new']);
    expect(data.products.every((p) => p.name.endsWith('(mới)'))).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a crash before every new file is staged: the old set stays, and the next write tidies up', async () => {
    const sets = oldAndNew();
    const dir = catalogueDir(sets.before);
    fault.failWrite = 1;
    await expect(writeCollections(dir, sets.after)).rejects.toThrow(/injected crash/);
    fault.failWrite = -1;
    await readCatalogueData(dir);
    expect(whichSet(dir, sets)).toEqual(['old', 'old', 'old']);
    await writeCollections(dir, sets.after);
    expect(whichSet(dir, sets)).toEqual(['new', 'new', 'new']);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a crash at each rename in turn always reads back one whole set', async () => {
    const sets = oldAndNew();
    for (let at = 0; at < 3; at++) {
      const dir = catalogueDir(sets.before);
      Object.assign(fault, { failRename: at, renames: 0 });
      await expect(writeCollections(dir, sets.after)).rejects.toThrow(/injected crash/);
      fault.failRename = -1;
      await readCatalogueData(dir);
      expect(whichSet(dir, sets), `crash at rename ${at}`).toEqual(['new', 'new', 'new']);
      expect(existsSync(path.join(dir, CONTENT_FILES.certificates))).toBe(true);
    }
  });

  it('a reader overlapping a write reads one whole set, not half of each', async () => {
    const sets = oldAndNew();
    const dir = catalogueDir(sets.before);
    fault.beforeProductsRead = () => writeCollections(dir, sets.after);
    const data = await readCatalogueData(dir);
    const marks = [
      data.facilities.every((f) => f.name.endsWith('(mới)')),
      data.products.every((p) => p.name.endsWith('(mới)')),
      data.certificates.every((c) => c.number?.endsWith('-M')),
    ];
    expect(marks).toEqual([true, true, true]);
  });
});
