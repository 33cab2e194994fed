/**
 * Importing an operator's list (CSV or XLSX) into the catalogue files: read, check every row,
 * merge into the registry, validate the result, and write all files or none. Listings, the
 * dataset record and revocations are kept as they are. No Astro imports: used by the CLI and tests.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CatalogueData } from '~/catalogue/catalogue';
import {
  CONTENT_FILES,
  type CollectionItem,
  type CollectionName,
  completeInterruptedWrites,
  readCollection,
  serialiseCollection,
  writeCollections,
} from '~/catalogue/content-files';
import { type ContentLockOptions, withContentLock } from '~/catalogue/content-lock';
import { formatOf, parseTable, type Table, TableError, type TableFormat } from '~/text/table';
import { mapHeader } from './columns';
import { type MergedFacility, type MergeSummary, mergeRegistry, type Registry } from './merge';
import { checkRows, formatProblem, type Problem } from './rows';

export { formatOf, parseCsv, parseTable, parseXlsx, type Table, type TableFormat } from '~/text/table';
export { COLUMNS, mapHeader } from './columns';
export * from './identity';
export {
  type MergeCounts,
  type MergedFacility,
  type MergeSummary,
  mergeRegistry,
  type Registry,
} from './merge';
export { checkRows, formatProblem, type Problem, problemLine, type RegistryRow } from './rows';
export * from './values';

/** Wrong use of the command (unknown file type, missing file): exit status 2. */
export class UsageError extends Error {}

export interface ImportOptions {
  contentDir: string;
  dryRun?: boolean;
  /** How the file is named in problem messages (default: the path as given). */
  label?: string;
  /** Latest acceptable round year (default: next year). */
  maxYear?: number;
  /** Waiting for another writer of the catalogue (a concurrent import or revoke). */
  lock?: ContentLockOptions;
}

export interface ImportOutcome {
  ok: boolean;
  /** `FILE:ROW: COLUMN: message` lines, in row order. */
  problems: string[];
  summary?: MergeSummary;
  /** Headers in the file that are not columns of the format (ignored, e.g. "STT"). */
  ignoredColumns: string[];
  /** Files (relative to the content dir) that were (or, on a dry run, would be) rewritten. */
  changedFiles: string[];
  written: boolean;
}

/** Reads the catalogue, treating missing files as empty (an import may start a new catalogue). */
export async function readCatalogueOrEmpty(
  dir: string,
): Promise<{ data: CatalogueData; missing: CollectionName[] }> {
  await completeInterruptedWrites(dir);
  const missing: CollectionName[] = [];
  const read = async <K extends CollectionName>(name: K): Promise<CollectionItem<K>[]> => {
    if (!existsSync(path.join(dir, CONTENT_FILES[name]))) {
      missing.push(name);
      return [];
    }
    return readCollection(dir, name);
  };
  const dataset = await read('dataset');
  const data: CatalogueData = {
    dataset: dataset[0] ?? { id: 'dataset', sample: false },
    facilities: await read('facilities'),
    products: await read('products'),
    certificates: await read('certificates'),
    listings: await read('listings'),
  };
  return { data, missing };
}

export interface TableImport {
  /** `FILE:ROW: COLUMN: message` lines (English), in row order. */
  problems: string[];
  /** The same problems, with their Vietnamese wording. */
  issues: Problem[];
  registry?: Registry;
  summary?: MergeSummary;
  /** Facilities the file named in several ways that became one (see MergedFacility). */
  merged: MergedFacility[];
}

/** Checks and merges a parsed table; pure (no file access). */
export function importTable(
  table: Table,
  existing: Registry,
  label: string,
  options: { maxYear?: number } = {},
): TableImport {
  const { rows, problems } = checkRows(table, options);
  const show = (list: Problem[]) => list.map((p) => formatProblem(label, p));
  if (problems.length > 0) return { problems: show(problems), issues: problems, merged: [] };
  const merged = mergeRegistry(existing, rows, mapHeader(table.header).label);
  if (merged.problems.length > 0)
    return {
      problems: show(merged.problems),
      issues: merged.problems,
      summary: merged.summary,
      merged: merged.merged,
    };
  return {
    problems: [],
    issues: [],
    registry: merged.registry,
    summary: merged.summary,
    merged: merged.merged,
  };
}

/** The file's bytes as a table, or the one problem that keeps it from being read. */
export async function readImportTable(
  bytes: Uint8Array,
  format: TableFormat,
): Promise<{ table: Table } | { issue: Problem }> {
  try {
    return { table: await parseTable(bytes, format) };
  } catch (error) {
    if (error instanceof TableError)
      return { issue: { row: 1, column: '-', message: error.message, messageVi: error.messageVi } };
    throw error;
  }
}

/** The collections to write: every one whose file would change, all of them for a new catalogue. */
export type CollectionWrites = Partial<Record<CollectionName, readonly { id: string }[]>>;

export interface CheckedImport extends TableImport {
  /** Headers in the file that are not columns of the format (ignored, e.g. "STT"). */
  ignoredColumns: string[];
  /** The registry as read: what the import was checked and merged against. */
  base: Registry;
  /** What to write when `registry` is there (nothing when the import changes nothing). */
  writes: CollectionWrites;
  /** Files (relative to the content dir) those writes replace. */
  changedFiles: string[];
}

/**
 * The one check and merge of an import, shared by `npm run import` and the console: reads the
 * catalogue under `dir`, checks every row, merges, and says which files would change. Writes
 * nothing; a caller that writes holds the catalogue's write lock around this and the write.
 */
export async function checkImport(
  dir: string,
  table: Table,
  label: string,
  options: { maxYear?: number } = {},
): Promise<CheckedImport> {
  const { data, missing } = await readCatalogueOrEmpty(dir);
  const base: Registry = {
    facilities: data.facilities,
    products: data.products,
    certificates: data.certificates,
  };
  const result = importTable(table, base, label, options);
  const ignoredColumns = mapHeader(table.header).ignored;
  if (!result.registry) return { ...result, ignoredColumns, base, writes: {}, changedFiles: [] };

  // Only files whose bytes change are rewritten; a catalogue started by an import gets all files.
  const collections: CollectionWrites = {
    facilities: result.registry.facilities,
    products: result.registry.products,
    certificates: result.registry.certificates,
    ...(missing.includes('listings') && { listings: [] }),
    ...(missing.includes('dataset') && { dataset: [data.dataset] }),
  };
  const writes: CollectionWrites = {};
  for (const [name, items] of Object.entries(collections) as [CollectionName, { id: string }[]][]) {
    const target = path.join(dir, CONTENT_FILES[name]);
    const current = existsSync(target) ? await readFile(target, 'utf8') : undefined;
    if (current !== serialiseCollection(items)) writes[name] = items;
  }
  const changedFiles = (Object.keys(writes) as CollectionName[]).map((n) => CONTENT_FILES[n]);
  return { ...result, ignoredColumns, base, writes, changedFiles };
}

/** The file's format by its name, or the usage error naming it; a missing file is one too. */
export function importFormat(file: string): TableFormat {
  const format = formatOf(file);
  if (!format) throw new UsageError(`${file}: unsupported file type (expected .csv or .xlsx)`);
  if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
  return format;
}

/** Checks a file and (unless a dry run) writes the merged registry: all files or none. */
export async function importRegistryFile(file: string, options: ImportOptions): Promise<ImportOutcome> {
  const label = options.label ?? file;
  const format = importFormat(file);
  const read = await readImportTable(await readFile(file), format);
  if ('issue' in read)
    return {
      ok: false,
      problems: [formatProblem(label, read.issue)],
      ignoredColumns: [],
      changedFiles: [],
      written: false,
    };

  // Read, merge and write under the catalogue's write lock, so that a revocation or another
  // import running meanwhile is neither lost nor overwritten. A dry run writes nothing.
  const merge = async () => {
    const checked = await checkImport(options.contentDir, read.table, label, options);
    if (checked.registry && !options.dryRun && checked.changedFiles.length > 0)
      await writeCollections(options.contentDir, checked.writes);
    return checked;
  };
  const checked = options.dryRun
    ? await merge()
    : await withContentLock(options.contentDir, merge, options.lock);
  return importOutcome(checked, !options.dryRun);
}

/** What a checked import did (or, when not `wrote`, would do), as the CLI reports it. */
export function importOutcome(checked: CheckedImport, wrote: boolean): ImportOutcome {
  if (!checked.registry)
    return {
      ok: false,
      problems: checked.problems,
      ...(checked.summary && { summary: checked.summary }),
      ignoredColumns: [],
      changedFiles: [],
      written: false,
    };
  return {
    ok: true,
    problems: [],
    summary: checked.summary!,
    ignoredColumns: checked.ignoredColumns,
    changedFiles: checked.changedFiles,
    written: wrote && checked.changedFiles.length > 0,
  };
}

export function formatSummary(summary: MergeSummary): string {
  const line = (name: string, c: { added: number; updated: number; unchanged: number }) =>
    `  ${name.padEnd(13)} ${String(c.added).padStart(6)} added ${String(c.updated).padStart(6)} updated ${String(c.unchanged).padStart(6)} unchanged`;
  return [
    `${summary.rows} row${summary.rows === 1 ? '' : 's'} read`,
    line('facilities', summary.facilities),
    line('products', summary.products),
    line('certificates', summary.certificates),
  ].join('\n');
}
