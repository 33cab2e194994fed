/**
 * Recording a revocation in the register (`npm run revoke`): pure, so the CLI only reads
 * arguments and files. The certificate may be named by id or printed number.
 */
import type { Certificate } from '~/catalogue';
import { type Revocation, revocationSchema } from '~/catalogue';
import { CertificateLookup } from './certificate-index';

export interface RevokeRequest {
  certificate: string;
  date: string;
  reason: string;
  decision?: string;
  /** Replace an existing, different revocation instead of refusing. */
  replace?: boolean;
}

export type RevokeOutcome =
  | { kind: 'revoked'; certificate: Certificate; certificates: Certificate[]; replaced: Revocation | null }
  | { kind: 'unchanged'; certificate: Certificate };

/** A problem with the request, worded for the operator. */
export class RevokeError extends Error {}

export function applyRevocation(certificates: readonly Certificate[], request: RevokeRequest): RevokeOutcome {
  const found = new CertificateLookup(certificates).find(request.certificate);
  if (found.length === 0)
    throw new RevokeError(`no certificate has the id or number "${request.certificate}"`);
  if (found.length > 1) {
    throw new RevokeError(
      `"${request.certificate}" is the number of several certificates; name one by id: ${found.map((c) => c.id).join(', ')}`,
    );
  }
  const target = found[0]!;
  const parsed = revocationSchema.safeParse({
    date: request.date,
    reason: request.reason.trim(),
    decision: request.decision?.trim() || undefined,
  });
  if (!parsed.success) {
    const flag = { date: '--date', reason: '--reason', decision: '--decision' } as Record<string, string>;
    throw new RevokeError(
      parsed.error.issues
        .map((i) => `${flag[String(i.path[0])] ?? i.path.join('.')}: ${i.message}`)
        .join('; '),
    );
  }
  const revocation = parsed.data;
  const start = target.issuedOn ?? `${target.year}-01-01`;
  if (revocation.date < start) {
    throw new RevokeError(`--date ${revocation.date} is before the certificate was issued (${start})`);
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
