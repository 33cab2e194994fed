/** The operators and admins, for the console's people screen. */
import { asc, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '~/db/client';
import { accountInvitations, authUser } from './db-schema';

export interface StaffMember {
  userId: string;
  email: string;
  role: 'admin' | 'operator';
  twoFactorEnabled: boolean;
  disabled: boolean;
  /** False until the first sign-in accepts an invitation. */
  joined: boolean;
}

export async function listStaff(db: Database): Promise<StaffMember[]> {
  const users = await db
    .select()
    .from(authUser)
    .where(inArray(authUser.role, ['admin', 'operator']))
    .orderBy(asc(authUser.email));
  const joined = new Set(
    (
      await db
        .select({ userId: accountInvitations.userId })
        .from(accountInvitations)
        .where(isNotNull(accountInvitations.acceptedAt))
    ).map((r) => r.userId),
  );
  return users.map((u) => ({
    userId: u.id,
    email: u.email,
    role: u.role as 'admin' | 'operator',
    twoFactorEnabled: Boolean(u.twoFactorEnabled),
    disabled: u.disabledAt !== null,
    joined: joined.has(u.id),
  }));
}
