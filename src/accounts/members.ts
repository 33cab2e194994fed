/** Facility members, for the console's people screen: who acts for which facility. */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '~/db/client';
import { accountInvitations, authUser, facilityMembers } from './db-schema';

export interface FacilityMember {
  userId: string;
  email: string;
  facilityIds: string[];
  disabled: boolean;
  joined: boolean;
}

/** Every facility member, or those of one facility. */
export async function listFacilityMembers(db: Database, facilityId?: string): Promise<FacilityMember[]> {
  const rows = await db
    .select({
      userId: authUser.id,
      email: authUser.email,
      disabledAt: authUser.disabledAt,
      facilityId: facilityMembers.facilityId,
    })
    .from(facilityMembers)
    .innerJoin(authUser, eq(authUser.id, facilityMembers.userId))
    .where(facilityId ? eq(facilityMembers.facilityId, facilityId) : undefined)
    .orderBy(asc(authUser.email), asc(facilityMembers.facilityId));
  const ids = [...new Set(rows.map((r) => r.userId))];
  const joined = new Set(
    ids.length === 0
      ? []
      : (
          await db
            .select({ userId: accountInvitations.userId })
            .from(accountInvitations)
            .where(and(inArray(accountInvitations.userId, ids), isNotNull(accountInvitations.acceptedAt)))
        ).map((r) => r.userId),
  );
  const byUser = new Map<string, FacilityMember>();
  for (const r of rows) {
    const member = byUser.get(r.userId) ?? {
      userId: r.userId,
      email: r.email,
      facilityIds: [],
      disabled: r.disabledAt !== null,
      joined: joined.has(r.userId),
    };
    member.facilityIds.push(r.facilityId);
    byUser.set(r.userId, member);
  }
  return [...byUser.values()];
}
