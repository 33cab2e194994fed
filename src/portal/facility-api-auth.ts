/**
 * Who is calling the facility API (/api/facility/*): `Authorization: Bearer TOKEN`, the token
 * looked up by its id and its secret's hash compared in constant time. Then 60 requests a
 * minute per token on the server's shared limiter, then the route's scope. These routes are
 * outside the back office's session guard (src/accounts/access-rules.ts has no /api/facility/
 * prefix): the token is the credential, and a session cookie grants nothing here.
 */
import type { Actor } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { apiError, rateLimited } from '~/http/json';
import type { RateLimiter, RateLimitRule } from '~/security/rate-limit';
import { serverRateLimiter } from '~/security/server-limiter';
import { type FacilityScope, parseToken, secretMatches, UNKNOWN_TOKEN_HASH } from './api-tokens';
import { LAST_USED_GRANULARITY_MS, markTokenUsed, tokenForAuthentication } from './api-tokens-store';

/** PRODUCT.md: "limited to 60 requests a minute". */
export const FACILITY_API_RATE: RateLimitRule = { limit: 60, windowMs: 60_000 };

export interface FacilityApiCaller {
  tokenId: string;
  facilityId: string;
  label: string;
  scopes: readonly string[];
  /** For appendAudit: changes made through the API are the token's. */
  actor: Actor;
}

export type FacilityAuth = { ok: true; caller: FacilityApiCaller } | { ok: false; response: Response };

export interface FacilityAuthOptions {
  /** The scope the route needs; without one any valid token passes. */
  scope?: FacilityScope | undefined;
  limiter?: RateLimiter | undefined;
  now?: Date | undefined;
}

function unauthorized(message: string): FacilityAuth {
  const response = apiError(401, 'unauthorized', message);
  response.headers.set('www-authenticate', 'Bearer realm="facility-api"');
  return { ok: false, response };
}

/** The caller of a facility API request, or the response refusing it (401, 429, 403). */
export async function authenticateFacilityRequest(
  db: Database,
  request: Request,
  options: FacilityAuthOptions = {},
): Promise<FacilityAuth> {
  const header = request.headers.get('authorization');
  const bearer = header ? /^Bearer +(\S+) *$/i.exec(header)?.[1] : undefined;
  if (!bearer)
    return unauthorized(
      'Send a facility API token as "Authorization: Bearer TOKEN" (npm run facility -- token).',
    );
  const parsed = parseToken(bearer);
  if (!parsed) return unauthorized('This is not a facility API token (they start with "cnnt_fac_").');
  const row = await tokenForAuthentication(db, parsed.id);
  // An unknown id costs the same comparison as a known one.
  const matches = secretMatches(parsed.secret, row?.secretHash ?? UNKNOWN_TOKEN_HASH);
  if (!row || !matches) return unauthorized('Unknown facility API token.');
  if (row.revokedAt)
    return unauthorized(
      `This facility API token was revoked on ${row.revokedAt.toISOString().slice(0, 10)}.`,
    );

  const limit = await (options.limiter ?? serverRateLimiter()).take(
    `facility-api:token:${row.id}`,
    FACILITY_API_RATE,
  );
  if (!limit.allowed)
    return {
      ok: false,
      response: rateLimited('facility API requests with this token', limit.retryAfterSeconds),
    };

  if (options.scope && !row.scopes.includes(options.scope))
    return {
      ok: false,
      response: apiError(
        403,
        'forbidden',
        `This token may not do this: it lacks the "${options.scope}" scope.`,
      ),
    };

  const now = options.now ?? new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS)
    await markTokenUsed(db, row.id, now);

  return {
    ok: true,
    caller: {
      tokenId: row.id,
      facilityId: row.facilityId,
      label: row.label,
      scopes: row.scopes,
      actor: { kind: 'facility_token', id: row.id, label: row.label, role: 'facility' },
    },
  };
}
