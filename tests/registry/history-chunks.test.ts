/** Cutting registry files into chunks: always round-trips, and a one-record edit changes one chunk. */
import { describe, expect, it } from 'vitest';
import { serialiseCollection } from '~/catalogue/content-files';
import { splitIntoChunks } from '~/registry/blob-chunks';

const records = (n: number, note = '') =>
  Array.from({ length: n }, (_, i) => ({
    id: `c-${String(i).padStart(5, '0')}`,
    name: `Chè số ${i}${note}`,
    extra: { vi: 'x' },
  }));

describe('splitIntoChunks', () => {
  it('gives pieces whose concatenation is the text, for any text', () => {
    for (const text of [
      '',
      '[]\n',
      'no newline',
      serialiseCollection(records(1000)),
      JSON.stringify(records(300)),
    ]) {
      expect(splitIntoChunks(text).join('')).toBe(text);
    }
  });

  it('cuts a serialised collection at record ends, about one cut per `every` records', () => {
    const chunks = splitIntoChunks(serialiseCollection(records(6400)));
    expect(chunks.length).toBeGreaterThan(50);
    expect(chunks.length).toBeLessThan(200);
    for (const c of chunks.slice(0, -1)) expect(c.endsWith('  },\n')).toBe(true);
  });

  it('changes only the chunk holding an edited, added or removed record', () => {
    const base = records(3000);
    const before = new Set(splitIntoChunks(serialiseCollection(base)));
    const edited = base.map((r, i) => (i === 1500 ? { ...r, name: 'Chè sửa' } : r));
    const added = [...base, { id: 'c-01500a', name: 'Chè mới', extra: { vi: 'y' } }];
    const removed = base.filter((_, i) => i !== 700);
    for (const next of [edited, added, removed]) {
      const fresh = splitIntoChunks(serialiseCollection(next)).filter((c) => !before.has(c));
      expect(fresh.length).toBeLessThanOrEqual(2);
    }
  });

  it('cuts text with no record boundaries by size', () => {
    const text = `${'x'.repeat(100)}\n`.repeat(100);
    const chunks = splitIntoChunks(text, { maxChars: 1000 });
    expect(chunks.length).toBeGreaterThan(9);
    expect(chunks.join('')).toBe(text);
  });
});
