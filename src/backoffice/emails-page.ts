/**
 * /admin/emails/ and /admin/emails/{id}/ (operators): the e-mails that failed or wait for a
 * retry, one message as it was sent, and "retry now". The outbox belongs to notifications;
 * this parses the address and the form, and wakes the delivery worker after a retry.
 */
import { z } from 'zod';
import { actorOf, type Principal } from '~/accounts/astro';
import type { AuditRow } from '~/db/audit-log';
import type { Database } from '~/db/client';
import type { Locale } from '~/i18n/locales';
import {
  kickDelivery,
  listTroubledMessages,
  outboxMessage,
  retryMessageNow,
  type TroubledMessage,
} from '~/notifications/astro';
import { auditPage } from './audit-page';
import { emailsStrings } from './emails-strings';

const querySchema = z.object({
  only: z.enum(['all', 'failed', 'retrying']).catch('all'),
  after: z.coerce.number().int().positive().optional().catch(undefined),
  retried: z.coerce.number().int().positive().optional().catch(undefined),
});
export type EmailsQuery = z.infer<typeof querySchema>;

export function emailsQuery(url: URL): EmailsQuery {
  const raw = Object.fromEntries([...url.searchParams.entries()].filter(([, v]) => v !== ''));
  return querySchema.parse(raw);
}

export function emailsListHref(query: EmailsQuery, after?: number): string {
  const params = new URLSearchParams();
  if (query.only !== 'all') params.set('only', query.only);
  if (after) params.set('after', String(after));
  const search = params.toString();
  return search ? `?${search}` : '';
}

const retrySchema = z.object({ action: z.literal('retry'), id: z.coerce.number().int().positive() });

/**
 * A posted "retry now": null when the request is not a POST, else the address to go back to
 * (with ?retried={id}) or the error to show. Shared by the list and the message's own page.
 */
async function postedRetry(
  db: Database,
  request: Request,
  locale: Locale,
  principal: Principal & { kind: 'account' },
): Promise<{ location: string } | { error: string } | null> {
  if (request.method !== 'POST') return null;
  const t = emailsStrings(locale);
  const raw = Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]));
  const form = retrySchema.safeParse(raw);
  if (!form.success) return { error: t('errForm') };
  const outcome = await retryMessageNow(db, actorOf(principal), form.data.id);
  if (outcome.kind === 'not_found') return { error: t('errNotFound', { id: form.data.id }) };
  if (outcome.kind === 'not_troubled') return { error: t('errNotTroubled', { id: form.data.id }) };
  kickDelivery();
  const back = new URL(request.url);
  back.searchParams.set('retried', String(form.data.id));
  return { location: `${back.pathname}${back.search}` };
}

export interface EmailsState {
  query: EmailsQuery;
  rows: TroubledMessage[];
  next?: number;
  notice?: string;
  error?: string;
}

export type PageOutcome<S> =
  | { kind: 'page'; state: S; status: number }
  | { kind: 'redirect'; location: string };

export async function emailsPageState(
  db: Database,
  request: Request,
  locale: Locale,
  principal: Principal & { kind: 'account' },
): Promise<PageOutcome<EmailsState>> {
  const t = emailsStrings(locale);
  const posted = await postedRetry(db, request, locale, principal);
  if (posted && 'location' in posted) return { kind: 'redirect', location: posted.location };
  const query = emailsQuery(new URL(request.url));
  const page = await listTroubledMessages(db, {
    only: query.only === 'all' ? undefined : query.only,
    after: query.after,
  });
  const notice = !posted && query.retried ? t('retried', { id: query.retried }) : undefined;
  const state: EmailsState = {
    query,
    rows: page.rows,
    ...(page.next ? { next: page.next } : {}),
    ...(notice ? { notice } : {}),
    ...(posted ? { error: posted.error } : {}),
  };
  return { kind: 'page', state, status: posted ? 400 : 200 };
}

export interface EmailState {
  message: NonNullable<Awaited<ReturnType<typeof outboxMessage>>>;
  history: AuditRow[];
  notice?: string;
  error?: string;
}

export async function emailPageState(
  db: Database,
  request: Request,
  locale: Locale,
  principal: Principal & { kind: 'account' },
  id: number,
): Promise<PageOutcome<EmailState> | { kind: 'not_found' }> {
  const t = emailsStrings(locale);
  const posted = await postedRetry(db, request, locale, principal);
  if (posted && 'location' in posted) return { kind: 'redirect', location: posted.location };
  const message = await outboxMessage(db, id);
  if (!message) return { kind: 'not_found' };
  const history = (await auditPage(db, { targetType: 'email', targetId: String(id) })).rows;
  const notice =
    !posted && new URL(request.url).searchParams.has('retried') ? t('retried', { id }) : undefined;
  const state: EmailState = {
    message,
    history,
    ...(notice ? { notice } : {}),
    ...(posted ? { error: posted.error } : {}),
  };
  return { kind: 'page', state, status: posted ? 400 : 200 };
}
