/**
 * An operator's list, checked by the same engine as `npm run import` (checkImport) and staged
 * for review: either every problem of the file, or a staged import (the file, the sha of the
 * registry files it was checked against) whose diff and merged facilities the review page
 * shows. Reviewing recomputes the diff from the stored file against the registry on disk, and
 * says "stale" once those files are no longer the ones it was checked against.
 */
import {
  type CheckedImport,
  checkImport,
  type MergedFacility,
  type MergeSummary,
  type Problem,
  readImportTable,
  type Table,
} from '~/catalogue/astro';
import { type Actor, appendAudit } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { diffCounts, diffRegistry, type RegistryDiff } from './diff';
import { readRegistryFiles, registrySha } from './history-store';
import type { UploadedList } from './import-file';
import {
  type ImportInfo,
  importFileBytes,
  importInfo,
  insertStagedImport,
  type StagedCounts,
} from './import-store';

/** The latest round year a list may name, as the CLI checks it (next year). */
export function defaultMaxYear(now: Date): number {
  return now.getUTCFullYear() + 1;
}

/**
 * checkImport against the files on disk, with the sha of exactly those files: they are read
 * again afterwards and the check is redone if a writer replaced them meanwhile.
 */
export async function checkAgainstRegistry(
  dir: string,
  table: Table,
  label: string,
  maxYear: number,
): Promise<{ checked: CheckedImport; baseSha: string }> {
  for (let attempt = 1; ; attempt++) {
    const baseSha = registrySha(await readRegistryFiles(dir));
    const checked = await checkImport(dir, table, label, { maxYear });
    if (registrySha(await readRegistryFiles(dir)) === baseSha) return { checked, baseSha };
    if (attempt === 5) throw new Error('the registry files kept changing while the list was checked');
  }
}

/** The review of a checked import: what the page shows before "Apply". */
export interface ImportDiffReview {
  diff: RegistryDiff;
  merged: MergedFacility[];
  summary: MergeSummary;
  ignoredColumns: string[];
}

function reviewOf(checked: CheckedImport): ImportDiffReview {
  return {
    diff: diffRegistry(checked.base, checked.registry!),
    merged: checked.merged,
    summary: checked.summary!,
    ignoredColumns: checked.ignoredColumns,
  };
}

export type StageOutcome =
  | { kind: 'problems'; fileName: string; problems: Problem[] }
  | { kind: 'staged'; id: number; review: ImportDiffReview };

/** Checks an uploaded list; stages it (audited) when it has no problem. */
export async function stageImport(
  db: Database,
  actor: Actor,
  list: UploadedList,
  options: { dir: string; now?: Date },
): Promise<StageOutcome> {
  const now = options.now ?? new Date();
  const read = await readImportTable(list.bytes, list.format);
  if ('issue' in read) return { kind: 'problems', fileName: list.fileName, problems: [read.issue] };
  const maxYear = defaultMaxYear(now);
  const { checked, baseSha } = await checkAgainstRegistry(options.dir, read.table, list.fileName, maxYear);
  if (!checked.registry) return { kind: 'problems', fileName: list.fileName, problems: checked.issues };
  const review = reviewOf(checked);
  const counts: StagedCounts = {
    summary: review.summary,
    diff: diffCounts(review.diff),
    merged: review.merged.length,
    ignoredColumns: review.ignoredColumns,
  };
  const id = await db.transaction(async (tx) => {
    const staged = await insertStagedImport(
      tx,
      {
        fileName: list.fileName,
        fileSha256: list.sha256,
        fileFormat: list.format,
        fileBytes: list.bytes,
        maxYear,
        baseSha,
        counts,
        stagedById: actor.id,
        stagedBy: actor.label,
      },
      now,
    );
    await appendAudit(tx, actor, {
      action: 'registry.import_stage',
      target: { type: 'registry_import', id: String(staged) },
      after: { file: list.fileName, sha256: list.sha256, bytes: list.bytes.byteLength, ...counts },
    });
    return staged;
  });
  return { kind: 'staged', id, review };
}

/** Where a staged import stands, as the review page says it. */
export type ImportStatus = 'staged' | 'applied' | 'discarded' | 'expired' | 'stale';

export type ImportReview =
  | { kind: 'not_found' }
  | { kind: 'import'; info: ImportInfo; status: ImportStatus; review?: ImportDiffReview };

export function statusOf(info: ImportInfo, now: Date): Exclude<ImportStatus, 'stale'> {
  if (info.status !== 'staged') return info.status;
  return info.expiresAt.getTime() <= now.getTime() ? 'expired' : 'staged';
}

/** A staged import with, while it can be applied, its diff against the registry on disk now. */
export async function reviewImport(
  db: Database,
  id: number,
  options: { dir: string; now?: Date },
): Promise<ImportReview> {
  const now = options.now ?? new Date();
  const info = await importInfo(db, id);
  if (!info) return { kind: 'not_found' };
  const status = statusOf(info, now);
  if (status !== 'staged') return { kind: 'import', info, status };
  const bytes = await importFileBytes(db, id);
  if (!bytes) return { kind: 'import', info, status: 'expired' };
  const read = await readImportTable(bytes, info.fileFormat);
  if ('issue' in read)
    throw new Error(`staged import ${id}: its file no longer reads: ${read.issue.message}`);
  const { checked, baseSha } = await checkAgainstRegistry(
    options.dir,
    read.table,
    info.fileName,
    info.maxYear,
  );
  if (baseSha !== info.baseSha || !checked.registry) return { kind: 'import', info, status: 'stale' };
  return { kind: 'import', info, status, review: reviewOf(checked) };
}
