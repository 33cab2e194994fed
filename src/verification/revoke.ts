/**
 * Recording and reversing a revocation in the register (`npm run revoke`, and the console's
 * certificate page through the same functions): pure, so callers only read input and files.
 * The certificate may be named by id or printed number. Every refusal carries a `problem`
 * (what went wrong, as data) for callers that word it in their own language; the message is
 * the CLI's English wording.
 */
import type { Certificate } from '~/catalogue';
import { type Revocation, revocationSchema } from '~/catalogue';
import { CertificateLookup } from './certificate-lookup';

export interface RevokeRequest {
  certificate: string;
  date: string;
  reason: string;
  decision?: string | undefined;
  /** Replace an existing, different revocation instead of refusing. */
  replace?: boolean | undefined;
}

export interface ReverseRequest {
  certificate: string;
  /** Why the revocation is lifted (e.g. "recorded on the wrong certificate"): kept in the audit log. */
  reason: string;
}

export type RevokeOutcome =
  | { kind: 'revoked'; certificate: Certificate; certificates: Certificate[]; replaced: Revocation | null }
  | { kind: 'unchanged'; certificate: Certificate };

export type ReverseOutcome =
  | {
      kind: 'reversed';
      certificate: Certificate;
      certificates: Certificate[];
      reversed: Revocation;
      reason: string;
    }
  | { kind: 'unchanged'; certificate: Certificate };

export type RevocationField = 'date' | 'reason' | 'decision';

/** What was wrong with a request, as data. */
export type RevokeProblem =
  | { code: 'unknown_certificate'; text: string }
  | { code: 'ambiguous_number'; text: string; ids: string[] }
  | { code: 'invalid'; fields: RevocationField[] }
  | { code: 'before_issue'; date: string; start: string }
  | { code: 'already_revoked'; id: string; previous: Revocation };

/** A problem with the request, worded for the operator. */
export class RevokeError extends Error {
  constructor(
    readonly problem: RevokeProblem,
    message: string,
  ) {
    super(message);
    this.name = 'RevokeError';
  }
}

const FLAGS: Record<RevocationField, string> = { date: '--date', reason: '--reason', decision: '--decision' };

function findOne(certificates: readonly Certificate[], text: string): Certificate {
  const found = new CertificateLookup(certificates).find(text);
  if (found.length === 0)
    throw new RevokeError(
      { code: 'unknown_certificate', text },
      `no certificate has the id or number "${text}"`,
    );
  if (found.length > 1) {
    const ids = found.map((c) => c.id);
    throw new RevokeError(
      { code: 'ambiguous_number', text, ids },
      `"${text}" is the number of several certificates; name one by id: ${ids.join(', ')}`,
    );
  }
  return found[0]!;
}

function invalid(issues: readonly { path: readonly PropertyKey[]; message: string }[]): RevokeError {
  const fields = [...new Set(issues.map((i) => String(i.path[0]) as RevocationField))];
  return new RevokeError(
    { code: 'invalid', fields },
    issues
      .map((i) => `${FLAGS[String(i.path[0]) as RevocationField] ?? i.path.join('.')}: ${i.message}`)
      .join('; '),
  );
}

export function applyRevocation(certificates: readonly Certificate[], request: RevokeRequest): RevokeOutcome {
  const target = findOne(certificates, request.certificate);
  const parsed = revocationSchema.safeParse({
    date: request.date,
    reason: request.reason.trim(),
    decision: request.decision?.trim() || undefined,
  });
  if (!parsed.success) throw invalid(parsed.error.issues);
  const revocation = parsed.data;
  const start = target.issuedOn ?? `${target.year}-01-01`;
  if (revocation.date < start) {
    throw new RevokeError(
      { code: 'before_issue', date: revocation.date, start },
      `--date ${revocation.date} is before the certificate was issued (${start})`,
    );
  }
  const previous = target.revocation ?? null;
  if (
    previous &&
    previous.date === revocation.date &&
    previous.reason === revocation.reason &&
    previous.decision === revocation.decision
  ) {
    return { kind: 'unchanged', certificate: target };
  }
  if (previous && !request.replace) {
    throw new RevokeError(
      { code: 'already_revoked', id: target.id, previous },
      `${target.id} is already revoked on ${previous.date} (${previous.reason}); add --replace to record the new revocation instead`,
    );
  }
  const updated: Certificate = { ...target, revocation };
  return {
    kind: 'revoked',
    certificate: updated,
    certificates: certificates.map((c) => (c.id === target.id ? updated : c)),
    replaced: previous,
  };
}

/**
 * Lifts a certificate's revocation (one recorded by mistake). The reason is required, as for
 * a revocation; a certificate that is not revoked is left as it is ("unchanged"), so a form
 * posted twice changes nothing the second time.
 */
export function reverseRevocation(
  certificates: readonly Certificate[],
  request: ReverseRequest,
): ReverseOutcome {
  const target = findOne(certificates, request.certificate);
  const reason = revocationSchema.shape.reason.safeParse(request.reason.trim());
  if (!reason.success) throw invalid(reason.error.issues.map((i) => ({ ...i, path: ['reason'] })));
  const previous = target.revocation;
  if (!previous) return { kind: 'unchanged', certificate: target };
  const { revocation: _lifted, ...updated } = target;
  return {
    kind: 'reversed',
    certificate: updated,
    certificates: certificates.map((c) => (c.id === target.id ? updated : c)),
    reversed: previous,
    reason: reason.data,
  };
}
