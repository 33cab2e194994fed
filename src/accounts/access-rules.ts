/**
 * Who may reach each back-office route: one line per route file, by its URL pattern without
 * the locale prefix. There are no wildcards on purpose: tests/accounts/route-access.test.ts
 * lists every route under src/pages and fails when a back-office route has no line here, so a
 * route added later is never reachable by default. Pure: no framework, no database.
 */
import type { AccountRole } from './db-schema';

/** public: anyone; member: any signed-in account; the rest: that role or a stronger one. */
export type Access = 'public' | 'member' | 'facility' | 'operator' | 'admin';

export const ACCESS_RULES: Readonly<Record<string, Access>> = {
  // Signing in: the steps before a session exist, and the person's own sessions.
  '/account/': 'public',
  '/account/two-factor/': 'public',
  '/account/sessions/': 'member',
  // The operators' console.
  '/admin/': 'operator',
  '/admin/operators/': 'admin',
  '/admin/members/': 'operator',
  '/admin/orders/': 'operator',
  '/admin/orders/[orderNumber]/': 'operator',
  '/admin/payments/': 'operator',
  '/admin/refunds/': 'operator',
  '/admin/refunds/[orderNumber]/': 'operator',
  '/admin/audit/': 'admin',
  '/admin/reports/': 'operator',
  '/admin/reports/[id]/': 'operator',
  '/admin/emails/': 'operator',
  '/admin/emails/[id]/': 'operator',
  '/api/admin/queues': 'operator',
  // Publishing the site and rolling it back.
  '/admin/publish/': 'operator',
  // Registry: certificates (find, revoke, reverse a revocation).
  '/admin/registry/certificates/': 'operator',
  '/admin/registry/certificates/[id]/': 'operator',
  // Registry: import a list (upload, review its diff, apply or discard).
  '/admin/registry/import/': 'operator',
  '/admin/registry/import/[id]/': 'operator',
  // Registry: history (changes and publishes), one state, restoring it.
  '/admin/registry/': 'operator',
  '/admin/registry/states/[id]/': 'operator',
  // Facility claims ("Are you this facility?"): approve (invite) or refuse.
  '/admin/facility-claims/': 'operator',
  // Facility portal, read-only pages: the page also checks ?facility= is the member's own.
  '/facility/': 'facility',
  '/facility/products/': 'facility',
  // Facility API tokens made in the portal: the page checks ?facility= as the pages above.
  '/facility/tokens/': 'facility',
  // The facility's inbox (orders and quote requests): each page checks ?facility= as above, and
  // that the shipment or request is that facility's.
  '/facility/inbox/': 'facility',
  '/facility/inbox/orders/[shipmentId]/': 'facility',
  '/facility/inbox/quotes/[requestId]/': 'facility',
  // A product's photos: the page checks the signed-in person belongs to the product's facility.
  '/facility/products/[productId]/photos/': 'facility',
  // A product's listing editor: the page checks the person belongs to the product's facility.
  '/facility/products/[productId]/': 'facility',
  // A facility's signed link works without an account (the token is the credential).
  '/facility/orders/[token]/': 'public',
};

/** Path prefixes that make a route part of the back office (and so need a line above). */
export const BACK_OFFICE_PREFIXES = ['/account/', '/admin/', '/api/admin/', '/facility/'] as const;

/**
 * Whether a path belongs to the back office. Compared decoded and without case, as the router
 * may match "/%61dmin/" or "/ADMIN/" to the same route: the guard must never miss one.
 */
export function isBackOffice(path: string): boolean {
  const plain = canonicalPath(path).toLowerCase();
  return BACK_OFFICE_PREFIXES.some((prefix) => plain === prefix.slice(0, -1) || plain.startsWith(prefix));
}

/** The path percent-decoded (once; left as it is when malformed) with repeated slashes folded. */
export function canonicalPath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // not valid percent-encoding: the router will not match it either
  }
  return decoded.replace(/\/+/g, '/');
}

/** The person asking, as far as authorisation cares. */
export type Principal =
  | { kind: 'anonymous' }
  | {
      kind: 'account';
      userId: string;
      email: string;
      role: AccountRole;
      twoFactorEnabled: boolean;
      facilityIds: readonly string[];
    };

export type Decision =
  | { allow: true }
  | { allow: false; reason: 'sign_in' | 'two_factor_required' | 'forbidden' | 'not_found' };

const RANK: Record<AccountRole, number> = { facility: 1, operator: 2, admin: 3 };
const NEEDS: Record<Exclude<Access, 'public' | 'member'>, number> = { facility: 1, operator: 2, admin: 3 };

/** The rule whose pattern matches this path ("[param]" matches one segment), if any. */
export function ruleFor(path: string): { pattern: string; access: Access } | undefined {
  // The server hands API routes to Astro with a slash added (src/server/api-paths.ts); the
  // table spells them as the contract does, without it.
  const plain = canonicalPath(path);
  const segments = (plain.startsWith('/api/') && plain.length > 5 ? plain.replace(/\/$/, '') : plain).split(
    '/',
  );
  for (const [pattern, access] of Object.entries(ACCESS_RULES)) {
    const parts = pattern.split('/');
    if (parts.length !== segments.length) continue;
    if (
      parts.every((part, i) =>
        /^\[[^\]]+\]$/.test(part) ? segments[i] !== '' : part === segments[i]!.toLowerCase(),
      )
    )
      return { pattern, access };
  }
  return undefined;
}

/**
 * The decision for a back-office path. A path with no rule is not found for everyone: a route
 * someone forgot to list is closed, not open. Operators and admins must have TOTP enrolled.
 */
export function decide(path: string, principal: Principal): Decision {
  const rule = ruleFor(path);
  if (!rule) return { allow: false, reason: 'not_found' };
  if (rule.access === 'public') return { allow: true };
  if (principal.kind === 'anonymous') return { allow: false, reason: 'sign_in' };
  if (principal.role !== 'facility' && !principal.twoFactorEnabled)
    return { allow: false, reason: 'two_factor_required' };
  if (rule.access === 'member') return { allow: true };
  return RANK[principal.role] >= NEEDS[rule.access] ? { allow: true } : { allow: false, reason: 'forbidden' };
}
