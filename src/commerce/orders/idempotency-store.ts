/**
 * Idempotency-Key for POST /api/orders (and the checkout form's hidden key): the first
 * request with a key records the hash of its validated body in the order transaction; a
 * repeat with the same body gets the stored response, a repeat with another body is refused.
 * Two identical requests racing: the second one's INSERT waits on the first's uncommitted row
 * and then sees it, so only one order is made.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { idempotencyKeys } from '~/commerce/db-schema';
import type { Database } from '~/db/client';

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_:.-]{8,200}$/;

/** Key order does not matter: {a,b} and {b,a} hash the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

export function requestHash(body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(body)))
    .digest('hex');
}

export type KeyClaim =
  | { state: 'new' }
  | { state: 'replay'; statusCode: number; response: unknown }
  | { state: 'mismatch' }
  | { state: 'in_progress' };

export async function claimKey(tx: Database, key: string, hash: string): Promise<KeyClaim> {
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({ key, requestHash: hash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length === 1) return { state: 'new' };
  const [row] = await tx.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
  if (!row || row.requestHash !== hash) return { state: 'mismatch' };
  if (row.statusCode === null) return { state: 'in_progress' };
  return { state: 'replay', statusCode: row.statusCode, response: row.response };
}

export async function storeResponse(
  db: Database,
  key: string,
  statusCode: number,
  response: unknown,
): Promise<void> {
  await db.update(idempotencyKeys).set({ statusCode, response }).where(eq(idempotencyKeys.key, key));
}

/** Records which order the key's request made (in the order's transaction). */
export async function linkKey(tx: Database, key: string, orderId: number): Promise<void> {
  await tx.update(idempotencyKeys).set({ orderId }).where(eq(idempotencyKeys.key, key));
}

/** Gives every key that made `orderId` its final answer (an expired order's, say). */
export async function settleKeysOf(
  tx: Database,
  orderId: number,
  statusCode: number,
  response: unknown,
): Promise<void> {
  await tx.update(idempotencyKeys).set({ statusCode, response }).where(eq(idempotencyKeys.orderId, orderId));
}

/** Forgets a key whose request failed after its transaction (so the client may retry with it). */
export async function forgetKey(db: Database, key: string): Promise<void> {
  await db.delete(idempotencyKeys).where(eq(idempotencyKeys.key, key));
}
