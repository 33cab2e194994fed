/**
 * Restoring an older state of the registry (the history page's "restore this state"): a preview
 * (the diff from the files as they are to what the restore would write, ./restore-plan.ts) and
 * the apply, which refuses unless the files are still those the preview was computed on. Apply
 * follows the registry's writing order: holding the catalogue's write lock, in one database
 * transaction record the new state, append the audit entry, and write the files last, so a
 * failed write rolls both back.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  CONTENT_FILES,
  type CollectionName,
  ContentLockTimeoutError,
  contentDir,
  readCollection,
  withContentLock,
  writeCollections,
} from '~/catalogue/astro';
import { type Actor, appendAudit } from '~/db/audit-log';
import type { Database } from '~/db/client';
import type { RegistryStateRow } from './db-schema';
import { describeDiff, diffRegistry, type RegistryDiff, summariseDiff } from './diff';
import {
  filesOfState,
  REGISTRY_FILE_NAMES,
  type RegistryFiles,
  readRegistryFiles,
  recordRegistryChange,
  registryFilesOf,
  registrySha,
  stateById,
} from './history-store';
import { brokenReferences, parseRegistryTexts, planRestore, type RestorePlan } from './restore-plan';

export interface RestoreOptions {
  /** The content folder (default: CONTENT_DIR). */
  dir?: string;
  /** How long to wait for another writer of the catalogue (default 30 s). */
  lockTimeoutMs?: number;
}

/** Why a state cannot be restored: its files fail today's checks, or would break references. */
export type RestoreRefusal = { kind: 'invalid'; message: string };

interface Computed {
  current: RegistryFiles;
  baseSha: string;
  plan: RestorePlan;
  files: RegistryFiles;
  diff: RegistryDiff;
  /** The files the restore would rewrite (none: the registry already is that state). */
  changed: (typeof REGISTRY_FILE_NAMES)[number][];
}

async function listedProductIds(dir: string): Promise<string[]> {
  if (!existsSync(path.join(dir, CONTENT_FILES.listings))) return [];
  return (await readCollection(dir, 'listings')).map((l) => l.productId);
}

async function compute(
  db: Database,
  dir: string,
  state: RegistryStateRow,
  current?: RegistryFiles,
): Promise<Computed | RestoreRefusal> {
  const now = current ?? (await readRegistryFiles(dir));
  let target: ReturnType<typeof parseRegistryTexts>;
  let currentRecords: ReturnType<typeof parseRegistryTexts>;
  try {
    target = parseRegistryTexts(await filesOfState(db, state));
  } catch (error) {
    return { kind: 'invalid', message: `state #${state.id}: ${(error as Error).message}` };
  }
  try {
    currentRecords = parseRegistryTexts(now);
  } catch (error) {
    return { kind: 'invalid', message: `current files: ${(error as Error).message}` };
  }
  const plan = planRestore(target, currentRecords, await listedProductIds(dir));
  const broken = brokenReferences(plan.registry);
  if (broken.length > 0) {
    const more = broken.length > 3 ? ` (and ${broken.length - 3} more)` : '';
    return { kind: 'invalid', message: `state #${state.id}: ${broken.slice(0, 3).join('; ')}${more}` };
  }
  const files = registryFilesOf(plan.registry);
  return {
    current: now,
    baseSha: registrySha(now),
    plan,
    files,
    diff: diffRegistry(currentRecords, plan.registry),
    changed: REGISTRY_FILE_NAMES.filter((name) => files[name] !== now[name]),
  };
}

export type RestorePreview =
  | { kind: 'not_found' }
  | (RestoreRefusal & { state: RegistryStateRow })
  | {
      kind: 'preview';
      state: RegistryStateRow;
      /** What the apply must be given back: the files the preview was computed on. */
      baseSha: string;
      diff: RegistryDiff;
      plan: Pick<RestorePlan, 'revocationsKept' | 'carried'>;
      /** True when the registry already is that state (nothing to restore). */
      unchanged: boolean;
    };

/** What restoring state `stateId` would change, from the files as they are now. */
export async function previewRestore(
  db: Database,
  stateId: number,
  options: RestoreOptions = {},
): Promise<RestorePreview> {
  const state = await stateById(db, stateId);
  if (!state) return { kind: 'not_found' };
  const computed = await compute(db, options.dir ?? contentDir(), state);
  if ('kind' in computed) return { ...computed, state };
  return {
    kind: 'preview',
    state,
    baseSha: computed.baseSha,
    diff: computed.diff,
    plan: { revocationsKept: computed.plan.revocationsKept, carried: computed.plan.carried },
    unchanged: computed.changed.length === 0,
  };
}

export type RestoreResult =
  | { kind: 'not_found' }
  | RestoreRefusal
  /** The files are no longer those the preview was computed on: review again. */
  | { kind: 'stale' }
  | { kind: 'unchanged' }
  /** Another writer held the catalogue longer than we wait. */
  | { kind: 'busy'; message: string }
  | { kind: 'restored'; stateId: number; fromStateId: number; restoredStateId: number; summary: string };

/** Restores state `stateId` if the registry files are still those with sha `baseSha`. */
export async function restoreRegistryState(
  db: Database,
  actor: Actor,
  request: { stateId: number; baseSha: string },
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const dir = options.dir ?? contentDir();
  const state = await stateById(db, request.stateId);
  if (!state) return { kind: 'not_found' };
  try {
    return await withContentLock(
      dir,
      async (): Promise<RestoreResult> => {
        const current = await readRegistryFiles(dir);
        if (registrySha(current) !== request.baseSha) return { kind: 'stale' };
        const computed = await compute(db, dir, state, current);
        if ('kind' in computed) return computed;
        if (computed.changed.length === 0) return { kind: 'unchanged' };
        const { plan, diff } = computed;
        const summary = `restore state #${state.id}: ${describeDiff(diff)}`;
        return db.transaction(async (tx) => {
          const { stateId, previousStateId } = await recordRegistryChange(tx, {
            action: 'restore',
            actor,
            summary,
            before: current,
            after: computed.files,
            restoredFromId: state.id,
          });
          await appendAudit(tx, actor, {
            action: 'registry.restore',
            target: { type: 'registry_state', id: String(state.id) },
            before: { stateId: previousStateId },
            after: {
              stateId,
              fromStateId: previousStateId,
              restoredStateId: state.id,
              revocationsKept: plan.revocationsKept,
              carried: plan.carried,
              diff: summariseDiff(diff, 200),
            },
          });
          const write: Partial<Record<CollectionName, readonly { id: string }[]>> = {};
          for (const name of computed.changed) write[name] = plan.registry[name];
          await writeCollections(dir, write);
          return {
            kind: 'restored',
            stateId,
            fromStateId: previousStateId,
            restoredStateId: state.id,
            summary,
          };
        });
      },
      options.lockTimeoutMs === undefined ? {} : { timeoutMs: options.lockTimeoutMs },
    );
  } catch (error) {
    if (error instanceof ContentLockTimeoutError) return { kind: 'busy', message: error.message };
    throw error;
  }
}
