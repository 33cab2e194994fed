/**
 * The one authorisation guard of the back office. src/middleware.ts runs it before every
 * request to a back-office path (./access-rules.ts), so a page or /api/admin route cannot
 * forget it: the session (better-auth, from the cookie) becomes a Principal, the rule decides,
 * and a refusal is answered here: pages redirect to sign-in or TOTP enrolment, or say 403;
 * APIs answer 401/403 JSON.
 */
import { eq } from 'drizzle-orm';
import { requestContext } from '~/config/log';
import type { Actor } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { apiError } from '~/http/json';
import { localeOfPath, localePath, stripLocale } from '~/i18n/locales';
import { decide, type Principal } from './access-rules';
import { authFor } from './auth';
import { type AccountRole, facilityMembers } from './db-schema';
import { accountStrings } from './strings';

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** Who is asking: the account of a live session, or anonymous. */
export async function principalOf(db: Database, headers: Headers): Promise<Principal> {
  if (!headers.get('cookie')?.includes('session_token')) return ANONYMOUS;
  const session = await authFor(db).api.getSession({ headers });
  if (!session) return ANONYMOUS;
  const user = session.user as typeof session.user & {
    role: AccountRole;
    disabledAt?: Date | null;
  };
  if (user.disabledAt) return ANONYMOUS;
  const memberships = await db
    .select({ facilityId: facilityMembers.facilityId })
    .from(facilityMembers)
    .where(eq(facilityMembers.userId, user.id));
  return {
    kind: 'account',
    userId: user.id,
    email: user.email,
    role: user.role,
    twoFactorEnabled: Boolean(user.twoFactorEnabled),
    facilityIds: memberships.map((m) => m.facilityId),
  };
}

/** The audit log's actor for a signed-in person. */
export function actorOf(principal: Principal & { kind: 'account' }): Actor {
  return {
    kind: 'user',
    id: principal.userId,
    label: principal.email,
    role: principal.role,
    requestId: requestContext.getStore()?.requestId,
  };
}

const noStore = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' };

/**
 * Authorises one request to a back-office path: `null` to go on, or the response that refuses
 * it. `pathname` is the request's path (with its /en/ prefix, if any).
 */
export function refusal(pathname: string, principal: Principal): Response | null {
  const path = stripLocale(pathname);
  const decision = decide(path, principal);
  if (decision.allow) return null;
  const isApi = path.startsWith('/api/');
  const locale = localeOfPath(pathname);
  const t = accountStrings(locale);
  if (isApi) {
    if (decision.reason === 'sign_in') return apiError(401, 'unauthorized', 'Sign in first.');
    if (decision.reason === 'not_found') return apiError(404, 'not_found', 'No such route.');
    return apiError(
      403,
      decision.reason === 'forbidden' ? 'forbidden' : decision.reason,
      'Not allowed for this account.',
    );
  }
  if (decision.reason === 'sign_in' || decision.reason === 'two_factor_required') {
    const target =
      decision.reason === 'sign_in'
        ? `${localePath(locale, '/account/')}?next=${encodeURIComponent(pathname)}`
        : localePath(locale, '/account/two-factor/');
    return new Response(null, { status: 303, headers: { location: target, ...noStore } });
  }
  const status = decision.reason === 'not_found' ? 404 : 403;
  return new Response(t(status === 404 ? 'notFound' : 'forbidden'), {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', ...noStore },
  });
}
