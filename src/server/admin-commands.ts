/**
 * Operators' commands that need the database, by name: a CLI runs one directly (PostgreSQL, or
 * no server holds the embedded database) or asks the running server to run it through its
 * admin socket (./admin-socket.ts), so the embedded database is never opened twice. Results
 * are plain JSON either way.
 */

import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { inviteAccount } from '~/accounts/astro';
import { UsageError } from '~/catalogue/astro';
import { contentDir, readCollection } from '~/catalogue/content-files';
import { appendAudit, commandActor } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { exportListings, uploadedPhotosByProduct } from '~/listings/astro';
import { configuredTransport, deliverPending, kickDelivery, listOutbox } from '~/notifications/astro';
import {
  FACILITY_SCOPES,
  FacilityTokenError,
  facilityTokens,
  makeFacilityToken,
  revokeTokenById,
} from '~/portal/astro';
import { importFileIntoRegistry, reverseCertificateRevocation, revokeCertificate } from '~/registry/astro';

const switchRecord = z
  .object({
    build: z.string().min(1).max(40),
    previous: z.string().max(40).nullable(),
    requestedBy: z.string().min(1).max(320),
    switchMs: z.number().nonnegative(),
    prepareMs: z.number().nonnegative(),
    instances: z.number().int().nonnegative(),
    removed: z.array(z.string()),
    buildSeconds: z.number().nonnegative().optional(),
    pages: z.number().int().nonnegative().optional(),
  })
  .strip();

async function recordSwitch(
  db: Database,
  action: 'site.publish' | 'site.rollback',
  args: z.infer<typeof switchRecord>,
) {
  const actor = commandActor(action === 'site.publish' ? 'publish' : 'publish -- --rollback');
  // Asked from the console: the command runs for that person, who is named in the entry.
  const label = args.requestedBy === actor.label ? actor.label : `${actor.label} (${args.requestedBy})`;
  await db.transaction((tx) =>
    appendAudit(
      tx,
      { ...actor, label },
      {
        action,
        target: { type: 'build', id: args.build },
        before: { build: args.previous },
        after: args,
      },
    ),
  );
  return { recorded: true };
}

/** A token command naming an unknown facility or token fails as bad arguments, with its message. */
async function facilityTokenCommand<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof FacilityTokenError) throw new AdminCommandError('invalid_args', error.message);
    throw error;
  }
}

interface AdminCommand<A extends z.ZodTypeAny> {
  args: A;
  run(db: Database, args: z.infer<A>): Promise<unknown>;
}

function command<A extends z.ZodTypeAny>(args: A, run: (db: Database, args: z.infer<A>) => Promise<unknown>) {
  return { args, run } satisfies AdminCommand<A>;
}

export const adminCommands = {
  /** The outbox table with each message's status, attempts and last error. */
  'outbox.list': command(
    z.object({ ref: z.string().optional(), to: z.string().optional() }).strict(),
    (db, args) => listOutbox(db, args),
  ),
  /** Sends the messages that are due now. */
  'outbox.deliver': command(z.object({}).strict(), (db) => deliverPending(db, configuredTransport())),
  /** `npm run operator -- invite EMAIL --role admin|operator`: an account and a 7-day invitation. */
  'operator.invite': command(
    z
      .object({ email: z.string().email('not an e-mail address'), role: z.enum(['admin', 'operator']) })
      .strict(),
    async (db, args) => {
      const made = await inviteAccount(db, commandActor('operator'), args);
      kickDelivery();
      return made;
    },
  ),
  /** `npm run facility -- invite FACILITY_ID EMAIL`: a member of a facility of the registry. */
  'facility.invite': command(
    z.object({ facilityId: z.string().min(1), email: z.string().email('not an e-mail address') }).strict(),
    async (db, { facilityId, email }) => {
      const facility = (await readCollection(contentDir(), 'facilities')).find((f) => f.id === facilityId);
      if (!facility)
        throw new AdminCommandError('invalid_args', `No facility "${facilityId}" in the registry.`);
      const made = await inviteAccount(db, commandActor('facility'), {
        email,
        role: 'facility',
        facilityId,
        facilityName: facility.name,
      });
      kickDelivery();
      return made;
    },
  ),
  /** `npm run facility -- token FACILITY_ID [--name LABEL] [--scope S]…`: a facility API token, shown once. */
  'facility.token': command(
    z
      .object({
        facilityId: z.string().min(1).max(200),
        name: z.string().trim().min(1).max(100).optional(),
        scopes: z.array(z.enum(FACILITY_SCOPES)).max(FACILITY_SCOPES.length).optional(),
      })
      .strict(),
    (db, args) => facilityTokenCommand(() => makeFacilityToken(db, commandActor('facility'), args)),
  ),
  /** `npm run facility -- tokens FACILITY_ID`: a facility's tokens (never their secrets). */
  'facility.tokens': command(z.object({ facilityId: z.string().min(1).max(200) }).strict(), (db, args) =>
    facilityTokenCommand(() => facilityTokens(db, args.facilityId)),
  ),
  /** `npm run facility -- revoke-token TOKEN_ID`. */
  'facility.revoke-token': command(z.object({ tokenId: z.string().min(1).max(200) }).strict(), (db, args) =>
    facilityTokenCommand(() => revokeTokenById(db, commandActor('facility'), args.tokenId)),
  ),
  /** `npm run facility -- export-listings`: the listing files with every saved listing in place. */
  'listings.export': command(z.object({}).strict(), async (db) => {
    const dir = contentDir();
    const [files, products] = await Promise.all([
      readCollection(dir, 'listings'),
      readCollection(dir, 'products'),
    ]);
    return exportListings(db, files, new Set(products.map((p) => p.id)));
  }),
  /**
   * The build's preparation (scripts/prepare-build.ts): every product's uploaded photos, in
   * order, for the cards and the product pages' first paint. Read-only.
   */
  'listings.photos': command(z.object({}).strict(), async (db) => ({
    products: await uploadedPhotosByProduct(db),
  })),
  /** `npm run revoke`: records a revocation (audit log + registry history, then certificates.json). */
  'registry.revoke': command(
    z
      .object({
        certificate: z.string().min(1).max(200),
        date: z.string().max(40),
        reason: z.string().max(2000),
        decision: z.string().max(400).optional(),
        replace: z.boolean().optional(),
      })
      .strict(),
    (db, args) => revokeCertificate(db, commandActor('revoke'), args),
  ),
  /** `npm run revoke -- --reverse`: lifts a revocation recorded by mistake, with the reason. */
  'registry.unrevoke': command(
    z.object({ certificate: z.string().min(1).max(200), reason: z.string().max(2000) }).strict(),
    (db, args) => reverseCertificateRevocation(db, commandActor('revoke'), args),
  ),
  /**
   * `npm run import -- FILE [--dry-run]`: checks the list and (unless a dry run) records the
   * change (audit log + registry history) and writes the registry files. `file` is absolute;
   * `label` is how the person named it, for the problem lines.
   */
  'registry.import': command(
    z
      .object({
        file: z.string().min(1).max(4096).refine(isAbsolute, 'must be an absolute path'),
        label: z.string().min(1).max(4096).optional(),
        dryRun: z.boolean(),
      })
      .strict(),
    async (db, args) => {
      try {
        const result = await importFileIntoRegistry(db, commandActor('import'), {
          ...args,
          dir: contentDir(),
        });
        if ('kind' in result) throw new AdminCommandError('failed', result.message);
        return result;
      } catch (error) {
        if (error instanceof UsageError) throw new AdminCommandError('invalid_args', error.message);
        throw error;
      }
    },
  ),
  /** `npm run publish` and `-- --rollback` record the switch they made (who asked, which builds). */
  'site.publish': command(switchRecord, (db, args) => recordSwitch(db, 'site.publish', args)),
  'site.rollback': command(switchRecord, (db, args) => recordSwitch(db, 'site.rollback', args)),
} as const;

export type AdminCommandName = keyof typeof adminCommands;

export class AdminCommandError extends Error {
  constructor(
    readonly code: 'unknown_command' | 'invalid_args' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'AdminCommandError';
  }
}

/** Runs a named command after validating its arguments; the result is JSON-safe. */
export async function runAdminCommand(db: Database, name: string, args: unknown): Promise<unknown> {
  if (!Object.hasOwn(adminCommands, name)) {
    throw new AdminCommandError(
      'unknown_command',
      `Unknown admin command "${name}" (known: ${Object.keys(adminCommands).join(', ')}).`,
    );
  }
  const entry = adminCommands[name as AdminCommandName] as AdminCommand<z.ZodTypeAny>;
  const parsed = entry.args.safeParse(args ?? {});
  if (!parsed.success) {
    throw new AdminCommandError(
      'invalid_args',
      `${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'args'}: ${i.message}`).join('; ')}`,
    );
  }
  return JSON.parse(JSON.stringify(await entry.run(db, parsed.data)));
}
