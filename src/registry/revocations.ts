/**
 * Revoking a certificate and reversing a revocation, from the console or `npm run revoke`
 * (through the admin command): the pure rules of ~/verification (applyRevocation,
 * reverseRevocation), then the registry's writing order. Holding the catalogue's write lock,
 * read the files; in one database transaction record the new state in the history, append the
 * audit entry, and write certificates.json last, so a failed write rolls both back and a
 * failed commit leaves the file as it was. The running server's live-revocation overlay
 * (~/verification/live-revocations.ts) reads the file within a second: /verify and /api/verify
 * show the change at once, and the next build and import read it from the same file.
 */
import type { Certificate, Revocation } from '~/catalogue';
import {
  ContentLockTimeoutError,
  contentDir,
  readCatalogueData,
  serialiseCollection,
  withContentLock,
  writeCollections,
} from '~/catalogue/astro';
import { type Actor, appendAudit } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { applyRevocation, type ReverseRequest, type RevokeRequest, reverseRevocation } from '~/verification';
import { readRegistryFiles, recordRegistryChange } from './history-store';

/** Another writer (an import, a restore, a revoke) held the catalogue longer than we wait. */
export class RegistryBusyError extends Error {
  constructor(cause: Error) {
    super(cause.message);
    this.name = 'RegistryBusyError';
  }
}

export type RevokeResult =
  | { kind: 'revoked'; certificate: Certificate; replaced: Revocation | null; stateId: number }
  | { kind: 'unchanged'; certificate: Certificate };

export type ReverseResult =
  | { kind: 'reversed'; certificate: Certificate; reversed: Revocation; reason: string; stateId: number }
  | { kind: 'unchanged'; certificate: Certificate };

export interface RevocationOptions {
  /** The content folder (default: CONTENT_DIR). */
  dir?: string;
  /** How long to wait for another writer of the catalogue (default 30 s). */
  lockTimeoutMs?: number;
}

const label = (c: Certificate) => `${c.id}${c.number ? ` (${c.number})` : ''}`;

/** Records a revocation (RevokeError on a bad request: nothing is written). */
export function revokeCertificate(
  db: Database,
  actor: Actor,
  request: RevokeRequest,
  options: RevocationOptions = {},
): Promise<RevokeResult> {
  return writeCertificates(db, actor, options, (certificates): Planned<RevokeResult> => {
    const outcome = applyRevocation(certificates, request);
    if (outcome.kind === 'unchanged') return { result: outcome };
    const { certificate, replaced } = outcome;
    const revocation = certificate.revocation!;
    return {
      certificates: outcome.certificates,
      summary: `revoke ${label(certificate)} from ${revocation.date}: ${revocation.reason}${replaced ? ` (replaces the revocation of ${replaced.date})` : ''}`,
      action: 'revoke',
      certificate,
      before: { revocation: replaced },
      after: { revocation },
      done: (stateId) => ({ kind: 'revoked', certificate, replaced, stateId }),
    };
  });
}

/** Lifts a revocation recorded by mistake, with the reason why (RevokeError on a bad request). */
export function reverseCertificateRevocation(
  db: Database,
  actor: Actor,
  request: ReverseRequest,
  options: RevocationOptions = {},
): Promise<ReverseResult> {
  return writeCertificates(db, actor, options, (certificates): Planned<ReverseResult> => {
    const outcome = reverseRevocation(certificates, request);
    if (outcome.kind === 'unchanged') return { result: outcome };
    const { certificate, reversed, reason } = outcome;
    return {
      certificates: outcome.certificates,
      summary: `unrevoke ${label(certificate)} (revoked from ${reversed.date}): ${reason}`,
      action: 'unrevoke',
      certificate,
      before: { revocation: reversed },
      after: { revocation: null, reason },
      done: (stateId) => ({ kind: 'reversed', certificate, reversed, reason, stateId }),
    };
  });
}

/** A change to write, or the answer when there is nothing to write. */
type Planned<R> =
  | {
      action: 'revoke' | 'unrevoke';
      /** The certificate as it becomes. */
      certificate: Certificate;
      /** The whole register with it. */
      certificates: Certificate[];
      /** For the history: short, English. */
      summary: string;
      /** The audit entry's before and after (the state id is added to after). */
      before: Record<string, unknown>;
      after: Record<string, unknown>;
      done: (stateId: number) => R;
    }
  | { result: R };

/** The registry's writing order (see the top of this file) for a change of certificates.json. */
async function writeCertificates<R>(
  db: Database,
  actor: Actor,
  options: RevocationOptions,
  plan: (certificates: Certificate[]) => Planned<R>,
): Promise<R> {
  const dir = options.dir ?? contentDir();
  try {
    return await withContentLock(
      dir,
      async () => {
        const data = await readCatalogueData(dir);
        const planned = plan(data.certificates);
        if ('result' in planned) return planned.result;
        const before = await readRegistryFiles(dir);
        const after = { ...before, certificates: serialiseCollection(planned.certificates) };
        return db.transaction(async (tx) => {
          const { stateId } = await recordRegistryChange(tx, {
            action: planned.action,
            actor,
            summary: planned.summary,
            before,
            after,
          });
          await appendAudit(tx, actor, {
            action: `registry.${planned.action}`,
            target: { type: 'certificate', id: planned.certificate.id },
            before: planned.before,
            after: { ...planned.after, stateId },
          });
          await writeCollections(dir, { certificates: planned.certificates });
          return planned.done(stateId);
        });
      },
      options.lockTimeoutMs === undefined ? {} : { timeoutMs: options.lockTimeoutMs },
    );
  } catch (error) {
    if (error instanceof ContentLockTimeoutError) throw new RegistryBusyError(error);
    throw error;
  }
}
