/**
 * Cutting a registry file into chunks so that versions of it share storage. Files are JSON
 * arrays written by serialiseCollection (two-space indent, one record after another), so a
 * record ends with a line `  },`. A cut is made after a record when a hash of its id line falls
 * on 1 in `every`: boundaries depend on ids only, so editing, adding or removing a record changes
 * the chunk holding it and leaves the others (and their shas) as they were. Text formatted any
 * other way still round-trips: it is cut by size only, or kept whole.
 */

/** FNV-1a, 32 bits: a cheap, stable spread of the id lines. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export interface ChunkOptions {
  /** About one cut per this many records (default 64: chunks of a few kB gzip'd). */
  every?: number;
  /** A chunk is cut at the next line end once it is this long (characters), whatever it holds. */
  maxChars?: number;
}

/** Splits `text` into consecutive pieces whose concatenation is `text`. */
export function splitIntoChunks(text: string, options: ChunkOptions = {}): string[] {
  const every = options.every ?? 64;
  const maxChars = options.maxChars ?? 256 * 1024;
  const chunks: string[] = [];
  let start = 0;
  let pos = 0;
  let idLine = '';
  while (pos < text.length) {
    const newline = text.indexOf('\n', pos);
    const end = newline === -1 ? text.length : newline + 1;
    const line = text.slice(pos, end);
    pos = end;
    if (line.startsWith('    "id": ')) idLine = line;
    const recordEnd = line === '  },\n';
    if ((recordEnd && idLine !== '' && fnv1a(idLine) % every === 0) || pos - start >= maxChars) {
      chunks.push(text.slice(start, pos));
      start = pos;
    }
    if (recordEnd) idLine = '';
  }
  if (start < text.length) chunks.push(text.slice(start));
  return chunks;
}
