/** The e-mails of accounts: a sign-in code, an invitation. Both go through the outbox. */
import { randomUUID } from 'node:crypto';
import type { Database } from '~/db/client';
import { formatDate } from '~/i18n/format';
import { LOCALES, type Locale } from '~/i18n/locales';
import { enqueueMessage, kickDelivery } from '~/notifications/astro';
import type { AccountRole } from './db-schema';
import { accountMailStrings } from './mail-strings';

/** Vietnamese, then English: the address's language is not known before its first sign-in. */
const both = (line: (t: ReturnType<typeof accountMailStrings>, locale: Locale) => string) =>
  LOCALES.map((locale) => line(accountMailStrings(locale), locale)).join('\n\n');

/** Queues a sign-in code and wakes the deliverer: the person is waiting for it. */
export async function sendSignInCode(
  db: Database,
  email: string,
  code: string,
  seconds: number,
): Promise<void> {
  const minutes = Math.round(seconds / 60);
  await enqueueMessage(db, {
    kind: 'sign-in-code',
    // Every code is its own message (the outbox stores one per kind, ref and address).
    ref: `code-${randomUUID()}`,
    to: email,
    subject: accountMailStrings('vi')('codeSubject', { code }),
    text: both((t) => t('codeBody', { code, minutes })),
  });
  kickDelivery();
}

export interface InvitationMail {
  invitationId: number;
  email: string;
  role: AccountRole;
  facilityName?: string | undefined;
  inviter: string;
  expiresAt: Date;
  signInUrl: string;
}

/** Queues an invitation; pass the transaction that made it. */
export async function queueInvitationMail(tx: Database, mail: InvitationMail): Promise<void> {
  const expires = mail.expiresAt.toISOString().slice(0, 10);
  await enqueueMessage(tx, {
    kind: 'account-invitation',
    ref: `invitation-${mail.invitationId}`,
    to: mail.email,
    subject: accountMailStrings('vi')('inviteSubject'),
    text: both((t, locale) =>
      t('inviteBody', {
        inviter: mail.inviter,
        role: t(`role_${mail.role}`, { facility: mail.facilityName ?? '' }),
        expires: formatDate(expires, locale),
        url: mail.signInUrl,
      }),
    ),
  });
}
