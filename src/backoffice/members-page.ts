/**
 * /admin/members/ (operators): facility members, by facility; invite someone for a facility of
 * the registry; disable or enable an account. Changes go through accounts, which audits them.
 */
import { z } from 'zod';
import {
  actorOf,
  type FacilityMember,
  inviteAccount,
  listFacilityMembers,
  type Principal,
  setAccountDisabled,
} from '~/accounts/astro';
import type { Database } from '~/db/client';
import { formatDate } from '~/i18n/format';
import type { Locale } from '~/i18n/locales';
import { kickDelivery } from '~/notifications/astro';
import { membersStrings } from './members-strings';

export interface MembersState {
  members: FacilityMember[];
  facilityId: string;
  notice?: string;
  error?: string;
}

const formSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('invite'),
    email: z.string().trim().toLowerCase().email().max(254),
    facilityId: z.string().trim().min(1).max(100),
  }),
  z.object({ action: z.enum(['disable', 'enable']), userId: z.string().min(1).max(100) }),
]);

/** `facilityName(id)` answers from the registry; undefined for an unknown facility. */
export async function membersPageState(
  db: Database,
  request: Request,
  locale: Locale,
  principal: Principal & { kind: 'account' },
  facilityName: (id: string) => string | undefined,
): Promise<MembersState> {
  const t = membersStrings(locale);
  const url = new URL(request.url);
  let facilityId = url.searchParams.get('facility')?.trim().slice(0, 100) ?? '';
  let notice: string | undefined;
  let error: string | undefined;
  if (request.method === 'POST') {
    const raw = Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]));
    const form = formSchema.safeParse(raw);
    if (!form.success) error = t(raw.action === 'invite' ? 'errEmail' : 'errForm');
    else if (form.data.action === 'invite') {
      const name = facilityName(form.data.facilityId);
      facilityId = form.data.facilityId;
      if (!name) error = t('errFacility', { id: form.data.facilityId });
      else {
        const made = await inviteAccount(db, actorOf(principal), {
          email: form.data.email,
          role: 'facility',
          facilityId: form.data.facilityId,
          facilityName: name,
        });
        // The invitation e-mail is in the outbox once committed: send it now, not at the next sweep.
        kickDelivery();
        notice = t('invited', {
          email: made.email,
          facility: name,
          date: formatDate(made.expiresAt.toISOString().slice(0, 10), locale),
        });
      }
    } else await setAccountDisabled(db, actorOf(principal), form.data.userId, form.data.action === 'disable');
  }
  const members = await listFacilityMembers(db, facilityId || undefined);
  return { members, facilityId, ...(notice ? { notice } : {}), ...(error ? { error } : {}) };
}
