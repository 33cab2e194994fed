/**
 * The only way into the back office: an operator or admin invites an address (a command or the
 * console), which makes its account with a role (and facility membership) and e-mails it a
 * sign-in link valid 7 days. The link carries no secret: signing in needs the one-time code
 * sent to the address. Disabling an account ends its sessions at once.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { env } from '~/config/env';
import { type Actor, appendAudit } from '~/db/audit-log';
import type { Database } from '~/db/client';
import {
  type AccountRole,
  accountInvitations,
  authSession,
  authUser,
  facilityMembers,
  ROLES,
} from './db-schema';
import { queueInvitationMail } from './sign-in-mail';

export const INVITATION_DAYS = 7;

export const invitationSchema = z
  .object({
    email: z.string().trim().toLowerCase().email('not an e-mail address').max(254),
    role: z.enum(ROLES),
    /** For a facility member: the facility (registry id) they act for. */
    facilityId: z.string().min(1).max(100).optional(),
    facilityName: z.string().max(300).optional(),
  })
  .strict()
  .refine((v) => (v.role === 'facility') === (v.facilityId !== undefined), {
    message: 'a facility member is invited to one facility; operators and admins to none',
    path: ['facilityId'],
  });

export type InvitationInput = z.input<typeof invitationSchema>;

export interface InvitationResult {
  userId: string;
  email: string;
  role: AccountRole;
  invitationId: number;
  expiresAt: Date;
  created: boolean;
}

/** The role an account keeps when invited again: the strongest of what it had and was given. */
function strongest(a: AccountRole, b: AccountRole): AccountRole {
  return ROLES.indexOf(a) <= ROLES.indexOf(b) ? a : b;
}

export function signInUrl(email: string): string {
  return new URL(`/account/?email=${encodeURIComponent(email)}`, env().PUBLIC_SITE_URL).href;
}

/** Invites an address: account, membership, invitation, audit entry and e-mail in one transaction. */
export async function inviteAccount(
  db: Database,
  actor: Actor,
  input: InvitationInput,
  now = new Date(),
): Promise<InvitationResult> {
  const { email, role, facilityId, facilityName } = invitationSchema.parse(input);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(authUser).where(eq(authUser.email, email)).for('update');
    let userId = existing?.id ?? randomUUID();
    const roleAfter = existing ? strongest(existing.role, role) : role;
    if (existing) {
      if (existing.role !== roleAfter)
        await tx.update(authUser).set({ role: roleAfter, updatedAt: now }).where(eq(authUser.id, userId));
    } else {
      const [made] = await tx
        .insert(authUser)
        .values({ id: userId, email, name: email.split('@')[0]!, role, createdAt: now, updatedAt: now })
        .returning({ id: authUser.id });
      userId = made!.id;
    }
    if (facilityId) await tx.insert(facilityMembers).values({ userId, facilityId }).onConflictDoNothing();
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
    const [invitation] = await tx
      .insert(accountInvitations)
      .values({
        userId,
        role,
        facilityId: facilityId ?? null,
        invitedBy: actor.label,
        createdAt: now,
        expiresAt,
      })
      .returning({ id: accountInvitations.id });
    await appendAudit(tx, actor, {
      action: 'account.invite',
      target: { type: 'account', id: userId },
      facilityId: facilityId ?? null,
      before: existing ? { email, role: existing.role, disabled: existing.disabledAt !== null } : null,
      after: { email, role: roleAfter, facilityId: facilityId ?? null, expiresAt: expiresAt.toISOString() },
    });
    await queueInvitationMail(tx, {
      invitationId: invitation!.id,
      email,
      role,
      facilityName: facilityName ?? facilityId,
      // A command has no person to name: the site invites.
      inviter: actor.kind === 'user' ? actor.label : 'Chợ CNNT',
      expiresAt,
      signInUrl: signInUrl(email),
    });
    return { userId, email, role: roleAfter, invitationId: invitation!.id, expiresAt, created: !existing };
  });
}

/**
 * Whether this account may start a session now: not disabled, and either it has signed in
 * before (an accepted invitation) or an invitation is still open, which this accepts.
 */
export async function mayStartSession(db: Database, userId: string, now = new Date()): Promise<boolean> {
  const [user] = await db
    .select({ disabledAt: authUser.disabledAt })
    .from(authUser)
    .where(eq(authUser.id, userId));
  if (!user || user.disabledAt) return false;
  const invitations = await db
    .select()
    .from(accountInvitations)
    .where(eq(accountInvitations.userId, userId))
    .orderBy(desc(accountInvitations.createdAt));
  if (invitations.some((i) => i.acceptedAt)) return true;
  const open = invitations.find((i) => i.expiresAt > now);
  if (!open) return false;
  await db
    .update(accountInvitations)
    .set({ acceptedAt: now })
    .where(
      and(
        eq(accountInvitations.userId, userId),
        isNull(accountInvitations.acceptedAt),
        gt(accountInvitations.expiresAt, now),
      ),
    );
  return true;
}

/** Disables (or enables again) an account; disabling ends every session it has. */
export async function setAccountDisabled(
  db: Database,
  actor: Actor,
  userId: string,
  disabled: boolean,
  now = new Date(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(authUser).where(eq(authUser.id, userId)).for('update');
    if (!user) return false;
    if (Boolean(user.disabledAt) === disabled) return true;
    await tx
      .update(authUser)
      .set({ disabledAt: disabled ? now : null, updatedAt: now })
      .where(eq(authUser.id, userId));
    if (disabled) await tx.delete(authSession).where(eq(authSession.userId, userId));
    await appendAudit(tx, actor, {
      action: disabled ? 'account.disable' : 'account.enable',
      target: { type: 'account', id: userId },
      before: { email: user.email, disabled: Boolean(user.disabledAt) },
      after: { email: user.email, disabled },
    });
    return true;
  });
}
