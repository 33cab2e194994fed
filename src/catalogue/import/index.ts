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
import { formatOf, parseTable, type Table, TableError } from '~/text/table';
import { mapHeader } from './columns';
import { type MergeSummary, mergeRegistry, type Registry } from './merge';
import { checkRows, formatProblem, type Problem } from './rows';

export { formatOf, parseCsv, parseTable, parseXlsx, type Table } from '~/text/table';
export { COLUMNS, mapHeader } from './columns';
export * from './identity';
export { type MergeCounts, type MergeSummary, mergeRegistry, type Registry } from './merge';
export { checkRows, formatProblem, type Problem, type RegistryRow } from './rows';
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

/** Checks and merges a parsed table; pure (no file access). */
export function importTable(
  table: Table,
  existing: Registry,
  label: string,
  options: { maxYear?: number } = {},
): { problems: string[]; registry?: Registry; summary?: MergeSummary } {
  const { rows, problems } = checkRows(table, options);
  const show = (list: Problem[]) => list.map((p) => formatProblem(label, p));
  if (problems.length > 0) return { problems: show(problems) };
  const merged = mergeRegistry(existing, rows, mapHeader(table.header).label);
  if (merged.problems.length > 0) return { problems: show(merged.problems), summary: merged.summary };
  return { problems: [], registry: merged.registry, summary: merged.summary };
}

export async function importRegistryFile(file: string, options: ImportOptions): Promise<ImportOutcome> {
  const label = options.label ?? file;
  const format = formatOf(file);
  if (!format) throw new UsageError(`${file}: unsupported file type (expected .csv or .xlsx)`);
  if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
  const fail = (problems: string[], summary?: MergeSummary): ImportOutcome => ({
    ok: false,
    problems,
    ...(summary && { summary }),
    ignoredColumns: [],
    changedFiles: [],
    written: false,
  });

  let table: Table;
  try {
    table = await parseTable(await readFile(file), format);
  } catch (error) {
    if (error instanceof TableError) return fail([`${label}:1: -: ${error.message}`]);
    throw error;
  }

  // Read, merge and write under the catalogue's write lock, so that a revocation or another
  // import running meanwhile is neither lost nor overwritten. A dry run writes nothing.
  const merge = async () => {
    const { data, missing } = await readCatalogueOrEmpty(options.contentDir);
    const result = importTable(table, data, label, options);
    if (!result.registry) return { outcome: fail(result.problems, result.summary) };

    // Only files whose bytes change are rewritten; a catalogue started by an import gets all files.
    const collections: Partial<Record<CollectionName, readonly { id: string }[]>> = {
      facilities: result.registry.facilities,
      products: result.registry.products,
      certificates: result.registry.certificates,
      ...(missing.includes('listings') && { listings: [] }),
      ...(missing.includes('dataset') && { dataset: [data.dataset] }),
    };
    const changed: Partial<Record<CollectionName, readonly { id: string }[]>> = {};
    for (const [name, items] of Object.entries(collections) as [CollectionName, { id: string }[]][]) {
      const target = path.join(options.contentDir, CONTENT_FILES[name]);
      const current = existsSync(target) ? await readFile(target, 'utf8') : undefined;
      if (current !== serialiseCollection(items)) changed[name] = items;
    }
    const changedFiles = (Object.keys(changed) as CollectionName[]).map((n) => CONTENT_FILES[n]);
    if (!options.dryRun && changedFiles.length > 0) await writeCollections(options.contentDir, changed);
    return { result, changedFiles };
  };
  const merged = options.dryRun
    ? await merge()
    : await withContentLock(options.contentDir, merge, options.lock);
  if (merged.outcome) return merged.outcome;
  const { result, changedFiles } = merged;
  return {
    ok: true,
    problems: [],
    summary: result.summary!,
    ignoredColumns: mapHeader(table.header).ignored,
    changedFiles,
    written: !options.dryRun && changedFiles.length > 0,
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
