/**
 * Writing an import into the registry, from the console (a staged import, once reviewed) or
 * from `npm run import` (through the `registry.import` admin command). Both follow the
 * registry's writing order: holding the catalogue's write lock, read the files and check they
 * are still what was reviewed; then in one database transaction record the new state in the
 * history, append the `registry.import` audit entry (file, sha256, counts, the diff's summary)
 * and write the files last, so a failed write rolls both back.
 */

import { readFile } from 'node:fs/promises';
import {
  type CheckedImport,
  ContentLockTimeoutError,
  checkImport,
  formatProblem,
  type ImportOutcome,
  importFormat,
  importOutcome,
  readImportTable,
  type Table,
  withContentLock,
  writeCollections,
} from '~/catalogue/astro';
import { type Actor, appendAudit } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { describeDiff, diffRegistry, isEmptyDiff, summariseDiff } from './diff';
import {
  type RegistryFiles,
  readRegistryFiles,
  recordRegistryChange,
  registryFilesOf,
  registrySha,
} from './history-store';
import { sha256Hex } from './import-file';
import { statusOf } from './import-review';
import { decideImport, importFileBytes, importInfo } from './import-store';

/** Merged facilities kept in the audit entry (the counts are always whole). */
const AUDIT_MERGED_CAP = 100;

interface Commit {
  dir: string;
  actor: Actor;
  before: RegistryFiles;
  checked: CheckedImport;
  file: { name: string; sha256: string };
  /** The staged import this applies (console), decided in the same transaction. */
  importId?: number;
}

/** The staged import was applied or discarded by someone else meanwhile: roll everything back. */
class DecidedMeanwhile extends Error {}

/**
 * Records and writes a checked import (call holding the content lock); returns the new
 * state's id, or null when the staged import was decided meanwhile (nothing is written then).
 */
async function commitImport(db: Database, c: Commit): Promise<number | null> {
  try {
    return await commitInTransaction(db, c);
  } catch (error) {
    if (error instanceof DecidedMeanwhile) return null;
    throw error;
  }
}

async function commitInTransaction(db: Database, c: Commit): Promise<number> {
  const registry = c.checked.registry!;
  const diff = diffRegistry(c.checked.base, registry);
  return db.transaction(async (tx) => {
    const { stateId } = await recordRegistryChange(tx, {
      action: 'import',
      actor: c.actor,
      summary: `import ${c.file.name}: ${describeDiff(diff)}`,
      before: c.before,
      after: registryFilesOf(registry),
    });
    if (c.importId !== undefined) {
      const decided = await decideImport(
        tx,
        c.importId,
        { status: 'applied', stateId },
        c.actor.label,
        new Date(),
      );
      if (!decided) throw new DecidedMeanwhile();
    }
    await appendAudit(tx, c.actor, {
      action: 'registry.import',
      target:
        c.importId !== undefined
          ? { type: 'registry_import', id: String(c.importId) }
          : { type: 'registry_file', id: c.file.sha256 },
      after: {
        stateId,
        file: c.file.name,
        sha256: c.file.sha256,
        summary: c.checked.summary,
        changedFiles: c.checked.changedFiles,
        merged: c.checked.merged.slice(0, AUDIT_MERGED_CAP).map((m) => ({
          id: m.id,
          name: m.name,
          names: m.names.map((n) => n.name),
        })),
        diff: summariseDiff(diff),
      },
    });
    await writeCollections(c.dir, c.checked.writes);
    return stateId;
  });
}

export type ApplyOutcome =
  | { kind: 'applied'; stateId: number }
  | { kind: 'not_found' }
  | { kind: 'applied_before'; stateId: number | null }
  | { kind: 'discarded' }
  | { kind: 'expired' }
  /** The registry files changed since the import was reviewed: upload it again. */
  | { kind: 'stale' }
  /** Nothing to write: the registry already says what the file says. */
  | { kind: 'unchanged' }
  /** Another writer held the catalogue longer than we wait. */
  | { kind: 'busy'; message: string };

async function holdingLock<T>(dir: string, timeoutMs: number | undefined, fn: () => Promise<T>) {
  try {
    return await withContentLock(dir, fn, timeoutMs === undefined ? {} : { timeoutMs });
  } catch (error) {
    if (error instanceof ContentLockTimeoutError) return { kind: 'busy' as const, message: error.message };
    throw error;
  }
}

/** Applies a staged import once, if the registry is still what it was checked against. */
export async function applyStagedImport(
  db: Database,
  actor: Actor,
  id: number,
  options: { dir: string; now?: Date; lockTimeoutMs?: number },
): Promise<ApplyOutcome> {
  return holdingLock(options.dir, options.lockTimeoutMs, async (): Promise<ApplyOutcome> => {
    const info = await importInfo(db, id);
    if (!info) return { kind: 'not_found' };
    const status = statusOf(info, options.now ?? new Date());
    if (status === 'applied') return { kind: 'applied_before', stateId: info.stateId };
    if (status !== 'staged') return { kind: status };
    const before = await readRegistryFiles(options.dir);
    if (registrySha(before) !== info.baseSha) return { kind: 'stale' };
    const bytes = await importFileBytes(db, id);
    if (!bytes) return { kind: 'expired' };
    const read = await readImportTable(bytes, info.fileFormat);
    if ('issue' in read) return { kind: 'stale' };
    const checked = await checkImport(options.dir, read.table, info.fileName, { maxYear: info.maxYear });
    if (!checked.registry) return { kind: 'stale' };
    // A file that only restates the registry (the diff is empty) is not applied, even where
    // the files would be re-serialised: a history state that changes nothing is noise.
    if (checked.changedFiles.length === 0 || isEmptyDiff(diffRegistry(checked.base, checked.registry)))
      return { kind: 'unchanged' };
    const stateId = await commitImport(db, {
      dir: options.dir,
      actor,
      before,
      checked,
      file: { name: info.fileName, sha256: info.fileSha256 },
      importId: id,
    });
    if (stateId === null) {
      const now = await importInfo(db, id);
      return now?.status === 'applied'
        ? { kind: 'applied_before', stateId: now.stateId }
        : { kind: 'discarded' };
    }
    return { kind: 'applied', stateId };
  });
}

export type DiscardOutcome = 'discarded' | 'not_found' | 'decided';

/** Discards a staged import (audited); an applied, discarded or expired one is left as it is. */
export async function discardStagedImport(db: Database, actor: Actor, id: number): Promise<DiscardOutcome> {
  return db.transaction(async (tx) => {
    const info = await importInfo(tx, id);
    if (!info) return 'not_found';
    if (!(await decideImport(tx, id, { status: 'discarded' }, actor.label, new Date()))) return 'decided';
    await appendAudit(tx, actor, {
      action: 'registry.import_discard',
      target: { type: 'registry_import', id: String(id) },
      before: { status: 'staged' },
      after: { status: 'discarded', file: info.fileName, sha256: info.fileSha256 },
    });
    return 'discarded';
  });
}

/** What `npm run import` prints from, plus where it wrote and the history state it recorded. */
export interface FileImportResult extends ImportOutcome {
  contentDir: string;
  stateId: number | null;
}

/**
 * `npm run import -- FILE [--dry-run]`, run by the `registry.import` admin command: the same
 * check and merge; without --dry-run a change is recorded (history + audit) and written.
 * Throws UsageError (from ~/catalogue/astro) for a file of the wrong type or a missing file.
 */
export async function importFileIntoRegistry(
  db: Database,
  actor: Actor,
  request: { file: string; label?: string; dryRun: boolean; dir: string; lockTimeoutMs?: number },
): Promise<FileImportResult | { kind: 'busy'; message: string }> {
  const { file, dir } = request;
  const label = request.label ?? file;
  const format = importFormat(file);
  const bytes = new Uint8Array(await readFile(file));
  const read = await readImportTable(bytes, format);
  const done = (checked: CheckedImport | null, stateId: number | null, wrote: boolean): FileImportResult => ({
    ...(checked
      ? importOutcome(checked, wrote)
      : { ok: false, problems: [], ignoredColumns: [], changedFiles: [], written: false }),
    contentDir: dir,
    stateId,
  });
  if ('issue' in read) {
    return { ...done(null, null, false), problems: [formatProblem(label, read.issue)] };
  }
  const table: Table = read.table;
  if (request.dryRun) return done(await checkImport(dir, table, label), null, false);
  return holdingLock(dir, request.lockTimeoutMs, async () => {
    const before = await readRegistryFiles(dir);
    const checked = await checkImport(dir, table, label);
    if (!checked.registry || checked.changedFiles.length === 0) return done(checked, null, false);
    const stateId = await commitImport(db, {
      dir,
      actor,
      before,
      checked,
      file: { name: label, sha256: sha256Hex(bytes) },
    });
    return done(checked, stateId, true);
  });
}
