/**
 * The accounts capability's server entry: the back-office guard the middleware runs, and what
 * back-office pages use to act for the signed-in person.
 */
import { database } from '~/db/client';
import { stripLocale } from '~/i18n/locales';
import { isBackOffice, type Principal } from './access-rules';
import { principalOf, refusal } from './guard';

export type { Principal } from './access-rules';
export { authFor } from './auth';
export type { AccountRole } from './db-schema';
export { actorOf } from './guard';
export { inviteAccount, setAccountDisabled } from './invitations';

/**
 * Runs the guard for a back-office path: null to go on (and `locals.principal` is set), or the
 * refusing response. Other paths are left alone.
 */
export async function guardBackOffice(
  pathname: string,
  request: Request,
  locals: { principal?: Principal },
): Promise<Response | null> {
  if (!isBackOffice(stripLocale(pathname))) return null;
  const { db } = await database();
  const principal = await principalOf(db, request.headers);
  locals.principal = principal;
  return refusal(pathname, principal);
}

/** The principal the guard let in; a page reached without the guard fails loudly instead. */
export function guardedPrincipal(locals: { principal?: Principal }): Principal {
  if (!locals.principal) throw new Error('back-office page rendered without the guard (src/middleware.ts)');
  return locals.principal;
}

/** A 303 to `location` carrying better-auth's cookies (session, challenge, or their removal). */
export function redirectWithCookies(location: string, cookies: readonly string[]): Response {
  const headers = new Headers({ location, 'cache-control': 'no-store' });
  for (const cookie of cookies) headers.append('set-cookie', cookie);
  return new Response(null, { status: 303, headers });
}

export { type FacilityMember, listFacilityMembers } from './members';
export { sessionsPageState } from './sessions-page';
export { signInPageState } from './sign-in-page';
export { listStaff, type StaffMember } from './staff';
export { twoFactorPageState } from './two-factor-page';
