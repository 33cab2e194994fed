/**
 * better-auth, configured for the back office: sign-in by a one-time code e-mailed through the
 * outbox (no passwords, nobody signs up: invitations make the accounts), TOTP with recovery
 * codes, sessions in the database. Its HTTP handler is never mounted: our own pages and
 * routes call `auth.api.*`, so every path in front of it has our rate limits, origin checks,
 * role guard and audit log, and no endpoint of the library's is reachable that we did not put
 * in front of people on purpose.
 */
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { emailOTP } from 'better-auth/plugins/email-otp';
import { twoFactor } from 'better-auth/plugins/two-factor';
import { env } from '~/config/env';
import type { Database } from '~/db/client';
import { localSecret } from '~/security/local-secrets';
import { betterAuthSchema } from './db-schema';
import { mayStartSession } from './invitations';
import { sendSignInCode } from './sign-in-mail';

/** A back-office session lasts a working day; it is extended while used. */
const SESSION_SECONDS = 12 * 60 * 60;
/** One-time sign-in codes: valid 10 minutes, 5 tries each. */
const CODE_SECONDS = 10 * 60;
const CODE_ATTEMPTS = 5;

export const ISSUER = 'Chợ CNNT';

function authSecret(): string {
  return env().AUTH_SECRET ?? localSecret('auth-secret');
}

/**
 * better-auth's two-factor plugin withholds the session only after password sign-ins
 * ("/sign-in/email" and the like), not after "/sign-in/email-otp" (better-auth issue #9552):
 * its after-hook is given our sign-in path too, so a member with TOTP gets a challenge instead
 * of a session. The hook itself does not look at the path.
 */
function twoFactorForCodeSignIn() {
  const plugin = twoFactor({ allowPasswordless: true, issuer: ISSUER, twoFactorCookieMaxAge: CODE_SECONDS });
  const [hook] = plugin.hooks.after;
  plugin.hooks.after = [
    {
      matcher: (context) => context.path === '/sign-in/email-otp' || hook!.matcher(context),
      handler: hook!.handler,
    },
  ];
  return plugin;
}

function createAuth(db: Database) {
  const baseURL = env().PUBLIC_SITE_URL;
  return betterAuth({
    appName: ISSUER,
    baseURL,
    secret: authSecret(),
    database: drizzleAdapter(db, { provider: 'pg', schema: betterAuthSchema }),
    telemetry: { enabled: false },
    session: { expiresIn: SESSION_SECONDS, updateAge: 60 * 60 },
    user: {
      additionalFields: {
        role: { type: 'string', required: true, input: false, defaultValue: 'facility' },
        disabledAt: { type: 'date', required: false, input: false },
      },
    },
    advanced: {
      cookiePrefix: 'cnnt',
      useSecureCookies: baseURL.startsWith('https:'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
    },
    databaseHooks: {
      session: {
        create: {
          // The last word on who may hold a session: an invited, not disabled account.
          before: async (session) => ((await mayStartSession(db, session.userId)) ? undefined : false),
        },
      },
    },
    plugins: [
      emailOTP({
        disableSignUp: true,
        otpLength: 6,
        expiresIn: CODE_SECONDS,
        allowedAttempts: CODE_ATTEMPTS,
        storeOTP: 'hashed',
        sendVerificationOTP: async ({ email, otp, type }) => {
          if (type === 'sign-in') await sendSignInCode(db, email, otp, CODE_SECONDS);
        },
      }),
      twoFactorForCodeSignIn(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

// One instance per database handle, shared by every copy of this module in the process.
const SHARED = Symbol.for('cnnt.accounts.auth');
const instances: WeakMap<Database, Auth> =
  ((globalThis as Record<symbol, unknown>)[SHARED] as WeakMap<Database, Auth> | undefined) ?? new WeakMap();
(globalThis as Record<symbol, unknown>)[SHARED] = instances;

export function authFor(db: Database): Auth {
  let auth = instances.get(db);
  if (!auth) {
    auth = createAuth(db);
    instances.set(db, auth);
  }
  return auth;
}
