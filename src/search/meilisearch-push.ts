/**
 * Live changes to a Meilisearch index: the changed products' whole documents, and the ids of
 * products that no longer have one, sent by the server that notices the change (each one
 * does; sending the same documents again leaves the index as it was, so that is harmless).
 * addDocuments, not updateDocuments: Meilisearch's update merges fields, which would keep the
 * price of a product no longer sold online; a whole document replaces what was there.
 * `npm run search:sync` still rebuilds the index (and its settings) from scratch.
 */
import type { Meilisearch } from 'meilisearch';
import type { DocumentChanges } from './catalogue-changes';
import type { SearchDocument } from './documents';
import { settle } from './meilisearch-sync';

export async function pushDocumentChanges(
  client: Meilisearch,
  uid: string,
  changes: DocumentChanges,
  taskTimeoutMs = 30_000,
): Promise<void> {
  const index = client.index<SearchDocument>(uid);
  // Awaited and checked, so a failure leaves the changes to be sent again (live-search.ts).
  if (changes.upserts.length > 0)
    await settle(
      index.addDocuments(changes.upserts, { primaryKey: 'id' }),
      `updating ${changes.upserts.length} documents`,
      taskTimeoutMs,
    );
  if (changes.removed.length > 0)
    await settle(
      index.deleteDocuments(changes.removed),
      `deleting ${changes.removed.length} documents`,
      taskTimeoutMs,
    );
}
