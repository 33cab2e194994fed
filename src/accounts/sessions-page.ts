/**
 * /account/sessions/: who is signed in, the account's open sessions, sign out here or
 * everywhere (every session of the account ends, on every device, at once).
 */
import { appendAudit } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { type Locale, localePath } from '~/i18n/locales';
import type { Principal } from './access-rules';
import { authFor } from './auth';
import { actorOf } from './guard';

export interface SessionRow {
  current: boolean;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: Date;
}

export type SessionsState =
  | { kind: 'view'; principal: Principal & { kind: 'account' }; sessions: SessionRow[] }
  | { kind: 'redirect'; location: string; cookies: string[] };

export async function sessionsPageState(
  db: Database,
  request: Request,
  locale: Locale,
  principal: Principal & { kind: 'account' },
): Promise<SessionsState> {
  const auth = authFor(db);
  if (request.method === 'POST') {
    const action = String((await request.formData()).get('action') ?? '');
    const signedOut = `${localePath(locale, '/account/')}?signed-out=1`;
    if (action === 'sign-out-everywhere') {
      await auth.api.revokeSessions({ headers: request.headers });
      await appendAudit(db, actorOf(principal), {
        action: 'account.sign_out_everywhere',
        target: { type: 'account', id: principal.userId },
      });
    }
    if (action === 'sign-out' || action === 'sign-out-everywhere') {
      const result = await auth.api
        .signOut({ headers: request.headers, returnHeaders: true })
        .catch(() => undefined);
      return { kind: 'redirect', location: signedOut, cookies: result?.headers.getSetCookie() ?? [] };
    }
  }
  const [current, sessions] = await Promise.all([
    auth.api.getSession({ headers: request.headers }),
    auth.api.listSessions({ headers: request.headers }),
  ]);
  return {
    kind: 'view',
    principal,
    sessions: sessions.map((s) => ({
      current: s.token === current?.session.token,
      ipAddress: s.ipAddress ?? null,
      userAgent: s.userAgent ?? null,
      createdAt: new Date(s.createdAt),
    })),
  };
}
