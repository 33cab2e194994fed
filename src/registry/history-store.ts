/**
 * The registry's history: every state of the three registry files, recorded in the same
 * database transaction as the audit entry of the change that made it, so that any state can be
 * looked at and brought back (./restore.ts). File contents are content-addressed blobs (sha256),
 * gzip'd and cut into chunks at record boundaries (./blob-chunks.ts), so a hundred changes to a
 * few-megabyte registry store a hundred small chunks, not a hundred copies.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import {
  CONTENT_FILES,
  completeInterruptedWrites,
  type Registry,
  serialiseCollection,
} from '~/catalogue/astro';
import type { Actor } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { splitIntoChunks } from './blob-chunks';
import { type RegistryStateRow, registryBlobs, registryStates } from './db-schema';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export type RegistryAction = 'import' | 'revoke' | 'unrevoke' | 'restore';
export const REGISTRY_FILE_NAMES = ['facilities', 'products', 'certificates'] as const;
export type RegistryFileName = (typeof REGISTRY_FILE_NAMES)[number];
/** The three registry files' text, as serialiseCollection writes it. */
export type RegistryFiles = Record<RegistryFileName, string>;
export type RegistryShas = Record<RegistryFileName, string>;

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function registryFilesOf(registry: Registry): RegistryFiles {
  return {
    facilities: serialiseCollection(registry.facilities),
    products: serialiseCollection(registry.products),
    certificates: serialiseCollection(registry.certificates),
  };
}

export function shasOf(files: RegistryFiles): RegistryShas {
  return {
    facilities: sha256(files.facilities),
    products: sha256(files.products),
    certificates: sha256(files.certificates),
  };
}

/**
 * One sha for the three files together: what a person reviewed a change against (an import's
 * diff, a restore's preview) is still what is on disk exactly when this is unchanged.
 */
export function registrySha(files: RegistryFiles): string {
  return registryShaOf(shasOf(files));
}

/** registrySha from the files' shas (a recorded state's). */
export function registryShaOf(shas: RegistryShas): string {
  return sha256(REGISTRY_FILE_NAMES.map((name) => shas[name]).join('\n'));
}

const EMPTY_FILE = serialiseCollection([]);

async function versions(dir: string): Promise<string> {
  const stamps = await Promise.all(
    REGISTRY_FILE_NAMES.map((name) =>
      stat(path.join(dir, CONTENT_FILES[name])).then(
        (s) => `${s.ino}:${s.mtimeMs}:${s.size}`,
        () => '-',
      ),
    ),
  );
  return stamps.join(',');
}

async function readText(dir: string, name: RegistryFileName): Promise<string> {
  try {
    return await readFile(path.join(dir, CONTENT_FILES[name]), 'utf8');
  } catch (error) {
    // A catalogue an import is about to start has no files yet: it is the empty registry.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_FILE;
    throw error;
  }
}

/**
 * The registry files as they are on disk, read as one set: a change a crashed writer committed
 * is completed first, and the files are read again if one was replaced while they were read.
 * Writers call this holding the content lock (withContentLock), where the set cannot move.
 */
export async function readRegistryFiles(dir: string): Promise<RegistryFiles> {
  for (let attempt = 1; ; attempt++) {
    await completeInterruptedWrites(dir);
    const before = await versions(dir);
    const [facilities, products, certificates] = await Promise.all(
      REGISTRY_FILE_NAMES.map((name) => readText(dir, name)),
    );
    const files = { facilities: facilities!, products: products!, certificates: certificates! };
    if ((await versions(dir)) === before || attempt === 5) return files;
  }
}

/** Stores `text` unless a blob with its sha exists; returns the sha. */
async function storeBlob(tx: Database, text: string): Promise<string> {
  const sha = sha256(text);
  const [found] = await tx
    .select({ sha: registryBlobs.sha })
    .from(registryBlobs)
    .where(eq(registryBlobs.sha, sha));
  if (found) return sha;
  const size = Buffer.byteLength(text, 'utf8');
  const chunks = splitIntoChunks(text);
  if (chunks.length <= 1) {
    await tx
      .insert(registryBlobs)
      .values({ sha, size, gzip: await gzipAsync(text) })
      .onConflictDoNothing();
    return sha;
  }
  const parts = chunks.map((chunk) => ({ sha: sha256(chunk), chunk }));
  const unique = [...new Map(parts.map((p) => [p.sha, p.chunk])).entries()];
  const known = new Set<string>();
  // Chunked lookups keep each statement's parameter count modest.
  for (let i = 0; i < unique.length; i += 500) {
    const shas = unique.slice(i, i + 500).map(([s]) => s);
    const rows = await tx
      .select({ sha: registryBlobs.sha })
      .from(registryBlobs)
      .where(inArray(registryBlobs.sha, shas));
    for (const row of rows) known.add(row.sha);
  }
  const missing = unique.filter(([s]) => !known.has(s));
  for (let i = 0; i < missing.length; i += 100) {
    const values = await Promise.all(
      missing.slice(i, i + 100).map(async ([s, chunk]) => ({
        sha: s,
        size: Buffer.byteLength(chunk, 'utf8'),
        gzip: await gzipAsync(chunk),
      })),
    );
    await tx.insert(registryBlobs).values(values).onConflictDoNothing();
  }
  await tx
    .insert(registryBlobs)
    .values({ sha, size, parts: parts.map((p) => p.sha) })
    .onConflictDoNothing();
  return sha;
}

/** The text of a stored blob, checked against its sha. */
export async function readBlob(db: Database, sha: string): Promise<string> {
  const [row] = await db.select().from(registryBlobs).where(eq(registryBlobs.sha, sha));
  if (!row) throw new Error(`registry history: blob ${sha} is missing`);
  let text: string;
  if (row.gzip) {
    text = (await gunzipAsync(row.gzip)).toString('utf8');
  } else {
    const parts = row.parts ?? [];
    const rows = await db
      .select()
      .from(registryBlobs)
      .where(inArray(registryBlobs.sha, [...new Set(parts)]));
    const bySha = new Map(rows.map((r) => [r.sha, r.gzip]));
    const texts = await Promise.all(
      parts.map(async (part) => {
        const bytes = bySha.get(part);
        if (!bytes) throw new Error(`registry history: chunk ${part} of blob ${sha} is missing`);
        return (await gunzipAsync(bytes)).toString('utf8');
      }),
    );
    text = texts.join('');
  }
  if (sha256(text) !== sha) throw new Error(`registry history: blob ${sha} does not match its sha`);
  return text;
}

export function shasOfState(state: RegistryStateRow): RegistryShas {
  return {
    facilities: state.facilitiesSha,
    products: state.productsSha,
    certificates: state.certificatesSha,
  };
}

function sameShas(a: RegistryShas, b: RegistryShas): boolean {
  return REGISTRY_FILE_NAMES.every((name) => a[name] === b[name]);
}

/** The files of a recorded state. */
export async function filesOfState(db: Database, state: RegistryStateRow): Promise<RegistryFiles> {
  const [facilities, products, certificates] = await Promise.all(
    REGISTRY_FILE_NAMES.map((name) => readBlob(db, shasOfState(state)[name])),
  );
  return { facilities: facilities!, products: products!, certificates: certificates! };
}

export async function latestState(db: Database): Promise<RegistryStateRow | undefined> {
  const [row] = await db.select().from(registryStates).orderBy(desc(registryStates.id)).limit(1);
  return row;
}

export async function stateById(db: Database, id: number): Promise<RegistryStateRow | undefined> {
  const [row] = await db.select().from(registryStates).where(eq(registryStates.id, id));
  return row;
}

/** Whether the files on disk are the last recorded state (false: changed by git or by hand since). */
export async function registryDrift(
  db: Database,
  files: RegistryFiles,
): Promise<{ latest: RegistryStateRow | undefined; drifted: boolean }> {
  const latest = await latestState(db);
  return { latest, drifted: latest !== undefined && !sameShas(shasOfState(latest), shasOf(files)) };
}

/** The actor of a 'baseline' state: nobody in the console made it. */
export const BASELINE_ACTOR: Actor = {
  kind: 'system',
  id: null,
  label: 'registry files as found',
  role: 'system',
};

/** Serialises recorders across processes sharing one database (several server instances). */
const HISTORY_LOCK = 727_501;

/**
 * Records a change of the registry files. Call INSIDE the database transaction that also
 * appends the change's audit entry, before writing the files (writeCollections last, so a
 * failure there rolls both back). When the last recorded state is not `before` (nothing was
 * recorded yet, or the files were changed outside the console) a 'baseline' state of `before`
 * is recorded first, so the change can be undone and the outside edit shows in the history.
 */
export async function recordRegistryChange(
  tx: Database,
  change: {
    action: RegistryAction;
    actor: Actor;
    /** Short, English, with counts: "import list.csv: 12 added, 3 changed". */
    summary: string;
    before: RegistryFiles;
    after: RegistryFiles;
    /** For a restore: the state whose files `after` brings back. */
    restoredFromId?: number;
  },
): Promise<{ stateId: number; previousStateId: number }> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${HISTORY_LOCK})`);
  const last = await latestState(tx);
  let previousStateId: number;
  if (last && sameShas(shasOfState(last), shasOf(change.before))) {
    previousStateId = last.id;
  } else {
    previousStateId = await insertState(tx, {
      action: 'baseline',
      actor: BASELINE_ACTOR,
      summary: last
        ? 'registry files changed outside the console (by git or by hand)'
        : 'registry files before the first recorded change',
      files: change.before,
      previousId: last?.id ?? null,
      restoredFromId: null,
    });
  }
  const stateId = await insertState(tx, {
    action: change.action,
    actor: change.actor,
    summary: change.summary,
    files: change.after,
    previousId: previousStateId,
    restoredFromId: change.restoredFromId ?? null,
  });
  return { stateId, previousStateId };
}

async function insertState(
  tx: Database,
  state: {
    action: RegistryStateRow['action'];
    actor: Actor;
    summary: string;
    files: RegistryFiles;
    previousId: number | null;
    restoredFromId: number | null;
  },
): Promise<number> {
  const facilitiesSha = await storeBlob(tx, state.files.facilities);
  const productsSha = await storeBlob(tx, state.files.products);
  const certificatesSha = await storeBlob(tx, state.files.certificates);
  const [row] = await tx
    .insert(registryStates)
    .values({
      action: state.action,
      actorKind: state.actor.kind,
      actorId: state.actor.id,
      actorLabel: state.actor.label,
      actorRole: state.actor.role,
      summary: state.summary.slice(0, 500),
      facilitiesSha,
      productsSha,
      certificatesSha,
      previousId: state.previousId,
      restoredFromId: state.restoredFromId,
    })
    .returning({ id: registryStates.id });
  return row!.id;
}
