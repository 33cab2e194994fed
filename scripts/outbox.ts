/**
 * `npm run outbox [-- --json] [--ref REF] [--to ADDRESS] [--db] [--deliver]`
 *
 * Without SMTP_URL, mail is delivered to the file mailbox DATA_DIR/outbox/: this prints it
 * (newest last; --json for machine reading). --db lists the outbox table instead, with each
 * message's status, attempts and last error; --deliver sends what is due now. Both work while
 * the server runs: with the embedded PGlite they go through the server's admin socket (one
 * process owns the folder), otherwise they open the database themselves.
 */
import { parseArgs } from 'node:util';
import { env } from '~/config/env';
import type { DeliveryReport } from '~/notifications/outbox';
import { mailboxDir, readMailbox } from '~/notifications/transport';
import { runAdminCommandFromCli } from '~/server/admin-cli';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    ref: { type: 'string' },
    to: { type: 'string' },
    db: { type: 'boolean', default: false },
    deliver: { type: 'boolean', default: false },
  },
});

/** An outbox row as the admin command returns it (JSON: dates as strings). */
interface OutboxListRow {
  id: number;
  status: string;
  attempts: number;
  kind: string;
  ref: string;
  toAddress: string;
  subject: string;
  lastError: string | null;
}

function print(items: object[], line: (item: never) => string): void {
  if (values.json) console.log(JSON.stringify(items, null, 2));
  else for (const item of items) console.log(line(item as never));
}

if (values.db || values.deliver) {
  try {
    if (values.deliver) {
      const report = (await runAdminCommandFromCli('outbox.deliver')) as DeliveryReport;
      console.log(`sent ${report.sent}, retrying ${report.retrying}, failed ${report.failed}`);
    }
    if (values.db) {
      const rows = (await runAdminCommandFromCli('outbox.list', {
        ...(values.ref ? { ref: values.ref } : {}),
        ...(values.to ? { to: values.to } : {}),
      })) as OutboxListRow[];
      print(
        rows,
        (r: OutboxListRow) =>
          `#${r.id} ${r.status} (${r.attempts} tries) ${r.kind} ${r.ref} → ${r.toAddress}: ${r.subject}` +
          (r.lastError ? `\n    last error: ${r.lastError}` : ''),
      );
    }
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
} else {
  const mails = (await readMailbox()).filter(
    (m) => (!values.ref || m.ref === values.ref) && (!values.to || m.to === values.to),
  );
  if (mails.length === 0 && !values.json) {
    console.log(
      `No messages in ${mailboxDir()}${env().SMTP_URL ? ' (SMTP_URL is set: mail goes to the SMTP server; use --db)' : ''}.`,
    );
  }
  print(
    mails,
    (m: (typeof mails)[number]) =>
      `── #${m.id} ${m.deliveredAt} ${m.kind} ${m.ref}\nTo: ${m.to}\nSubject: ${m.subject}\n\n${m.text}\n`,
  );
}
