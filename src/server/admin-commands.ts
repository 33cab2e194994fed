/**
 * Operators' commands that need the database, by name: a CLI runs one directly (PostgreSQL, or
 * no server holds the embedded database) or asks the running server to run it through its
 * admin socket (./admin-socket.ts), so the embedded database is never opened twice. Results
 * are plain JSON either way.
 */
import { z } from 'zod';
import { inviteAccount } from '~/accounts/astro';
import { contentDir, readCollection } from '~/catalogue/content-files';
import { commandActor } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { configuredTransport, deliverPending, kickDelivery, listOutbox } from '~/notifications/astro';

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
