/**
 * Facility claims in the database: stored by the public form, listed and decided in the console.
 * Approving invites the person as a member in the same transaction as the status change, and
 * refusing queues the e-mail in it, so a claim is never decided without its consequence.
 */
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { inviteAccount } from '~/accounts/astro';
import { type Actor, appendAudit } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { enqueueMessage } from '~/notifications/astro';
import { claimMailText } from './claims-mail';
import { type ClaimStatus, type FacilityClaimRow, facilityClaims } from './db-schema';

export interface NewClaim {
  facilityId: string;
  /** Lower-cased by the form's schema. */
  email: string;
  certificateId: string;
  name?: string | undefined;
  phone?: string | undefined;
}

/** Stores a pending claim; `duplicate` when the same address already waits for this facility. */
export async function storeClaim(
  db: Database,
  claim: NewClaim,
  now = new Date(),
): Promise<{ kind: 'stored'; id: number } | { kind: 'duplicate' }> {
  const [row] = await db
    .insert(facilityClaims)
    .values({
      facilityId: claim.facilityId,
      email: claim.email.toLowerCase(),
      certificateId: claim.certificateId,
      name: claim.name ?? null,
      phone: claim.phone ?? null,
      createdAt: now,
    })
    // Only the partial index (one pending per facility and address) can conflict.
    .onConflictDoNothing()
    .returning({ id: facilityClaims.id });
  return row ? { kind: 'stored', id: row.id } : { kind: 'duplicate' };
}

export const DECIDED_SHOWN = 50;

/** Pending claims, oldest first (the queue), then the latest decided ones. */
export async function listClaims(
  db: Database,
): Promise<{ pending: FacilityClaimRow[]; decided: FacilityClaimRow[] }> {
  const [pending, decided] = await Promise.all([
    db
      .select()
      .from(facilityClaims)
      .where(eq(facilityClaims.status, 'pending'))
      .orderBy(asc(facilityClaims.createdAt), asc(facilityClaims.id)),
    db
      .select()
      .from(facilityClaims)
      .where(ne(facilityClaims.status, 'pending'))
      .orderBy(desc(facilityClaims.decidedAt), desc(facilityClaims.id))
      .limit(DECIDED_SHOWN),
  ]);
  return { pending, decided };
}

export type Decision = { kind: 'approve' } | { kind: 'refuse'; reason: string };

export type DecideOutcome =
  | { kind: 'decided'; claim: FacilityClaimRow }
  | { kind: 'not_found' }
  /** Someone decided it first (or this is a repeated post): nothing changed. */
  | { kind: 'already'; status: ClaimStatus }
  /** Approving a claim for a facility the registry no longer has: nobody is invited to it. */
  | { kind: 'facility_gone'; facilityId: string };

export async function decideClaim(
  db: Database,
  actor: Actor,
  id: number,
  decision: Decision,
  /** The registry's name of a facility, for the e-mails; the id when it is gone from the registry. */
  facilityName: (facilityId: string) => string | undefined,
  now = new Date(),
): Promise<DecideOutcome> {
  return db.transaction(async (tx) => {
    const [claim] = await tx.select().from(facilityClaims).where(eq(facilityClaims.id, id)).for('update');
    if (!claim) return { kind: 'not_found' } as const;
    if (claim.status !== 'pending') return { kind: 'already', status: claim.status } as const;
    const registered = facilityName(claim.facilityId);
    if (!registered && decision.kind === 'approve')
      return { kind: 'facility_gone', facilityId: claim.facilityId } as const;
    const name = registered ?? claim.facilityId;
    const status: ClaimStatus = decision.kind === 'approve' ? 'approved' : 'refused';
    const reason = decision.kind === 'refuse' ? decision.reason : null;
    const [after] = await tx
      .update(facilityClaims)
      .set({ status, reason, decidedBy: actor.label, decidedAt: now })
      .where(and(eq(facilityClaims.id, id), eq(facilityClaims.status, 'pending')))
      .returning();
    await appendAudit(tx, actor, {
      action: decision.kind === 'approve' ? 'facility_claim.approve' : 'facility_claim.refuse',
      target: { type: 'facility_claim', id: String(id) },
      facilityId: claim.facilityId,
      before: { status: claim.status, email: claim.email, certificateId: claim.certificateId },
      after: {
        status,
        email: claim.email,
        certificateId: claim.certificateId,
        ...(reason ? { reason } : {}),
      },
    });
    if (decision.kind === 'approve')
      // Its own audit entry and invitation e-mail, inside this transaction (a savepoint).
      await inviteAccount(
        tx,
        actor,
        { email: claim.email, role: 'facility', facilityId: claim.facilityId, facilityName: name },
        now,
      );
    else
      await enqueueMessage(tx, {
        kind: 'facility-claim-refused',
        ref: `facility-claim-${id}`,
        to: claim.email,
        ...claimMailText({ facilityName: name, reason: decision.reason }),
      });
    return { kind: 'decided', claim: after! } as const;
  });
}
