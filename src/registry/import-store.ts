/**
 * The staged imports table (./import-db-schema.ts): insert, read, and the one-time decision
 * (applied or discarded) that a conditional update makes exactly once. Callers pass the
 * transaction of the change the row belongs to.
 */
import { and, desc, eq, gt, lt, or, sql } from 'drizzle-orm';
import type { MergeSummary } from '~/catalogue/astro';
import type { Database } from '~/db/client';
import type { DiffCounts, RegistryCollection } from './diff';
import { type RegistryImportRow, registryImports } from './import-db-schema';
import type { ImportFileFormat } from './import-file';

/** How long a staged import can be applied. */
export const STAGED_IMPORT_TTL_MS = 24 * 3_600_000;
/** How long the rows stay to be looked at (the audit log keeps the facts for good). */
const KEEP_MS = 30 * 86_400_000;

/** What the review found, stored with the staged import for the lists and the audit entry. */
export interface StagedCounts {
  summary: MergeSummary;
  diff: Record<RegistryCollection, DiffCounts>;
  merged: number;
  ignoredColumns: string[];
}

/** A staged import without its file's bytes. */
export type ImportInfo = Omit<RegistryImportRow, 'fileBytes' | 'counts'> & { counts: StagedCounts };

export interface NewStagedImport {
  fileName: string;
  fileSha256: string;
  fileFormat: ImportFileFormat;
  fileBytes: Uint8Array;
  maxYear: number;
  baseSha: string;
  counts: StagedCounts;
  stagedById: string | null;
  stagedBy: string;
}

const INFO_COLUMNS = {
  id: registryImports.id,
  fileName: registryImports.fileName,
  fileSha256: registryImports.fileSha256,
  fileFormat: registryImports.fileFormat,
  maxYear: registryImports.maxYear,
  baseSha: registryImports.baseSha,
  counts: registryImports.counts,
  stagedById: registryImports.stagedById,
  stagedBy: registryImports.stagedBy,
  stagedAt: registryImports.stagedAt,
  expiresAt: registryImports.expiresAt,
  status: registryImports.status,
  decidedBy: registryImports.decidedBy,
  decidedAt: registryImports.decidedAt,
  stateId: registryImports.stateId,
};

const asInfo = (row: Omit<RegistryImportRow, 'fileBytes'>): ImportInfo => ({
  ...row,
  counts: row.counts as StagedCounts,
});

/** Drops the bytes of imports nobody can apply any more, and rows past their keeping time. */
async function prune(tx: Database, now: Date): Promise<void> {
  await tx.delete(registryImports).where(lt(registryImports.stagedAt, new Date(now.getTime() - KEEP_MS)));
  await tx
    .update(registryImports)
    .set({ fileBytes: null })
    .where(
      and(
        sql`${registryImports.fileBytes} IS NOT NULL`,
        or(sql`${registryImports.status} <> 'staged'`, lt(registryImports.expiresAt, now)),
      ),
    );
}

export async function insertStagedImport(tx: Database, staged: NewStagedImport, now: Date): Promise<number> {
  await prune(tx, now);
  const [row] = await tx
    .insert(registryImports)
    .values({ ...staged, stagedAt: now, expiresAt: new Date(now.getTime() + STAGED_IMPORT_TTL_MS) })
    .returning({ id: registryImports.id });
  return row!.id;
}

export async function importInfo(db: Database, id: number): Promise<ImportInfo | null> {
  const [row] = await db.select(INFO_COLUMNS).from(registryImports).where(eq(registryImports.id, id));
  return row ? asInfo(row) : null;
}

/** The uploaded file of a staged import (null once applied, discarded or expired). */
export async function importFileBytes(db: Database, id: number): Promise<Uint8Array | null> {
  const [row] = await db
    .select({ bytes: registryImports.fileBytes })
    .from(registryImports)
    .where(eq(registryImports.id, id));
  return row?.bytes ?? null;
}

/** The latest staged imports, newest first. */
export async function recentImports(db: Database, limit = 20): Promise<ImportInfo[]> {
  const rows = await db
    .select(INFO_COLUMNS)
    .from(registryImports)
    .orderBy(desc(registryImports.stagedAt), desc(registryImports.id))
    .limit(limit);
  return rows.map(asInfo);
}

/**
 * Decides a staged import once: true when this call moved it from staged (and unexpired) to
 * `status`; false when it was decided already or has expired. The bytes go with the decision.
 */
export async function decideImport(
  tx: Database,
  id: number,
  decision: { status: 'applied'; stateId: number } | { status: 'discarded' },
  by: string,
  now: Date,
): Promise<boolean> {
  const moved = await tx
    .update(registryImports)
    .set({
      status: decision.status,
      decidedBy: by,
      decidedAt: now,
      fileBytes: null,
      ...(decision.status === 'applied' ? { stateId: decision.stateId } : {}),
    })
    .where(
      and(
        eq(registryImports.id, id),
        eq(registryImports.status, 'staged'),
        gt(registryImports.expiresAt, now),
      ),
    )
    .returning({ id: registryImports.id });
  return moved.length === 1;
}
