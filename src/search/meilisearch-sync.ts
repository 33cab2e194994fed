/**
 * Rebuilds a Meilisearch index without downtime: a staging index gets the settings first,
 * then the documents in batches (each task awaited and checked), and only then is swapped
 * with the live index, which keeps serving the old documents until that moment. A failure
 * before the swap deletes the staging index and leaves the live one untouched.
 */
import { type EnqueuedTaskPromise, type Meilisearch, MeilisearchApiError, type Task } from 'meilisearch';
import type { SearchDocument } from './documents';
import { meilisearchSettings } from './meilisearch-settings';

export interface ReindexOptions {
  batchSize?: number;
  /** Longest wait for one task, in ms. */
  taskTimeoutMs?: number;
  /** Progress lines ("documents 2000/12000"). */
  log?: (line: string) => void;
}

/** Waits for a Meilisearch task and throws unless it succeeded. */
export async function settle(task: EnqueuedTaskPromise, what: string, timeout: number): Promise<Task> {
  const done = await task.waitTask({ timeout });
  if (done.status !== 'succeeded') {
    throw new Error(`Meilisearch ${what} ${done.status}: ${done.error?.message ?? 'no reason given'}`);
  }
  return done;
}

async function indexExists(client: Meilisearch, uid: string): Promise<boolean> {
  try {
    await client.getRawIndex(uid);
    return true;
  } catch (error) {
    if (error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found') return false;
    throw error;
  }
}

export async function reindex(
  client: Meilisearch,
  uid: string,
  documents: readonly SearchDocument[],
  { batchSize = 1000, taskTimeoutMs = 120_000, log = () => {} }: ReindexOptions = {},
): Promise<void> {
  const staging = `${uid}_staging_${Date.now()}`;
  await settle(client.createIndex(staging, { primaryKey: 'id' }), `creating index ${staging}`, taskTimeoutMs);
  try {
    const index = client.index<SearchDocument>(staging);
    await settle(index.updateSettings(meilisearchSettings(documents)), 'applying settings', taskTimeoutMs);
    log(`settings applied to ${staging}`);
    for (let start = 0; start < documents.length; start += batchSize) {
      const batch = documents.slice(start, start + batchSize);
      await settle(
        index.addDocuments(batch),
        `adding documents ${start + 1}–${start + batch.length}`,
        taskTimeoutMs,
      );
      log(`documents ${start + batch.length}/${documents.length}`);
    }
    const live = await indexExists(client, uid);
    // With no live index yet, the staging index is renamed into place (rename: first → second).
    const swap = live
      ? { indexes: [uid, staging] as [string, string], rename: false }
      : { indexes: [staging, uid] as [string, string], rename: true };
    await settle(client.swapIndexes([swap]), `swapping ${staging} into ${uid}`, taskTimeoutMs);
    log(`${uid} now serves ${documents.length} documents`);
    if (!live) return;
  } catch (error) {
    await client.deleteIndexIfExists(staging).catch(() => false);
    throw error;
  }
  // After the swap, the staging name holds the previous documents.
  await settle(client.deleteIndex(staging), `deleting the previous index`, taskTimeoutMs);
}
