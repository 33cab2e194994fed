/**
 * Facility API tokens in the database (facility_api_tokens, migration 0601): made, listed,
 * revoked (each change audited in its own transaction), found for a request, marked used.
 * The token itself is returned once by createFacilityToken and stored nowhere.
 */
import { and, asc, eq, isNull, lt, or } from 'drizzle-orm';
import { type Actor, appendAudit } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { FACILITY_SCOPES, type FacilityScope, newToken } from './api-tokens';
import { type FacilityApiTokenRow, facilityApiTokens } from './db-schema';

/** A token as it may be shown: everything but the secret's hash. */
export interface FacilityTokenSummary {
  id: string;
  facilityId: string;
  label: string;
  scopes: FacilityScope[];
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface CreatedFacilityToken extends FacilityTokenSummary {
  /** Shown to whoever made it, once. */
  token: string;
}

/** How often a token's last use is written at most: a busy client must not cost a write each time. */
export const LAST_USED_GRANULARITY_MS = 60_000;

const summaryColumns = {
  id: facilityApiTokens.id,
  facilityId: facilityApiTokens.facilityId,
  label: facilityApiTokens.label,
  scopes: facilityApiTokens.scopes,
  createdBy: facilityApiTokens.createdBy,
  createdAt: facilityApiTokens.createdAt,
  lastUsedAt: facilityApiTokens.lastUsedAt,
  revokedAt: facilityApiTokens.revokedAt,
};

const asSummary = (row: Omit<FacilityApiTokenRow, 'secretHash'>): FacilityTokenSummary => ({
  ...row,
  scopes: row.scopes.filter((s): s is FacilityScope => (FACILITY_SCOPES as readonly string[]).includes(s)),
});

/** Makes a token for a facility (its existence is the caller's check) and audits it. */
export async function createFacilityToken(
  db: Database,
  actor: Actor,
  input: { facilityId: string; label: string; scopes: readonly FacilityScope[] },
): Promise<CreatedFacilityToken> {
  const made = newToken();
  const scopes = FACILITY_SCOPES.filter((s) => input.scopes.includes(s));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(facilityApiTokens)
      .values({
        id: made.id,
        facilityId: input.facilityId,
        label: input.label,
        secretHash: made.secretHash,
        scopes,
        createdBy: actor.label,
      })
      .returning(summaryColumns);
    const summary = asSummary(row!);
    await appendAudit(tx, actor, {
      action: 'facility.token.create',
      target: { type: 'facility_api_token', id: made.id },
      facilityId: input.facilityId,
      before: null,
      // What was made, never the token or its hash.
      after: { label: summary.label, scopes: summary.scopes },
    });
    return { ...summary, token: made.token };
  });
}

/** A facility's tokens, oldest first, revoked ones included. */
export async function listFacilityTokens(db: Database, facilityId: string): Promise<FacilityTokenSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(facilityApiTokens)
    .where(eq(facilityApiTokens.facilityId, facilityId))
    .orderBy(asc(facilityApiTokens.createdAt), asc(facilityApiTokens.id));
  return rows.map(asSummary);
}

export async function findFacilityToken(db: Database, id: string): Promise<FacilityTokenSummary | undefined> {
  const [row] = await db.select(summaryColumns).from(facilityApiTokens).where(eq(facilityApiTokens.id, id));
  return row ? asSummary(row) : undefined;
}

export type RevokeOutcome =
  | { kind: 'unknown' }
  | { kind: 'revoked' | 'already_revoked'; token: FacilityTokenSummary };

/**
 * Revokes a token (audited); a token already revoked is left as it was. `facilityId`, when
 * given, must be the token's: a member revoking from the portal can reach only their facility's.
 */
export async function revokeFacilityToken(
  db: Database,
  actor: Actor,
  id: string,
  facilityId?: string,
): Promise<RevokeOutcome> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select(summaryColumns)
      .from(facilityApiTokens)
      .where(eq(facilityApiTokens.id, id))
      .for('update');
    if (!current || (facilityId !== undefined && current.facilityId !== facilityId))
      return { kind: 'unknown' };
    if (current.revokedAt) return { kind: 'already_revoked', token: asSummary(current) };
    const [row] = await tx
      .update(facilityApiTokens)
      .set({ revokedAt: new Date() })
      .where(eq(facilityApiTokens.id, id))
      .returning(summaryColumns);
    await appendAudit(tx, actor, {
      action: 'facility.token.revoke',
      target: { type: 'facility_api_token', id },
      facilityId: current.facilityId,
      before: { label: current.label, revokedAt: null },
      after: { label: current.label, revokedAt: row!.revokedAt!.toISOString() },
    });
    return { kind: 'revoked', token: asSummary(row!) };
  });
}

/** What a request's authentication needs: the token's facility, scopes, state and hash. */
export async function tokenForAuthentication(
  db: Database,
  id: string,
): Promise<FacilityApiTokenRow | undefined> {
  const [row] = await db.select().from(facilityApiTokens).where(eq(facilityApiTokens.id, id));
  return row;
}

/**
 * Records a use at `now`, unless one was recorded less than a minute before (the condition is
 * in the UPDATE, so instances racing on one token write it once).
 */
export async function markTokenUsed(db: Database, id: string, now: Date): Promise<void> {
  const staleBefore = new Date(now.getTime() - LAST_USED_GRANULARITY_MS);
  await db
    .update(facilityApiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(facilityApiTokens.id, id),
        or(isNull(facilityApiTokens.lastUsedAt), lt(facilityApiTokens.lastUsedAt, staleBefore)),
      ),
    );
}
