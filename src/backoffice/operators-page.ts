/**
 * /admin/operators/ (admins only): the operators and admins, an invitation form, and disabling
 * or enabling an account. Every change goes through accounts, which audits it.
 */
import { z } from 'zod';
import {
  type AccountRole,
  actorOf,
  inviteAccount,
  listStaff,
  type Principal,
  type StaffMember,
  setAccountDisabled,
} from '~/accounts/astro';
import type { Database } from '~/db/client';
import { formatDate } from '~/i18n/format';
import type { Locale } from '~/i18n/locales';
import { kickDelivery } from '~/notifications/astro';
import { consoleStrings } from './strings';

export interface OperatorsState {
  staff: StaffMember[];
  notice?: string;
  error?: string;
}

const formSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('invite'),
    email: z.string().trim().toLowerCase().email().max(254),
    role: z.enum(['admin', 'operator']),
  }),
  z.object({ action: z.enum(['disable', 'enable']), userId: z.string().min(1).max(100) }),
]);

export async function operatorsPageState(
  db: Database,
  request: Request,
  locale: Locale,
  principal: Principal & { kind: 'account' },
): Promise<OperatorsState> {
  const t = consoleStrings(locale);
  let notice: string | undefined;
  let error: string | undefined;
  if (request.method === 'POST') {
    const raw = Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]));
    const form = formSchema.safeParse(raw);
    if (!form.success) error = t('errEmail');
    else if (form.data.action === 'invite') {
      const role: AccountRole = form.data.role;
      const made = await inviteAccount(db, actorOf(principal), { email: form.data.email, role });
      // The invitation e-mail is in the outbox once committed: send it now, not at the next sweep.
      kickDelivery();
      notice = t('invited', {
        email: made.email,
        date: formatDate(made.expiresAt.toISOString().slice(0, 10), locale),
      });
    } else if (form.data.userId === principal.userId) error = t('notYourself');
    else await setAccountDisabled(db, actorOf(principal), form.data.userId, form.data.action === 'disable');
  }
  return { staff: await listStaff(db), ...(notice ? { notice } : {}), ...(error ? { error } : {}) };
}
