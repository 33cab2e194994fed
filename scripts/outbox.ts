/**
 * `npm run outbox [-- --json] [--ref REF] [--to ADDRESS] [--db] [--deliver]`
 *
 * Without SMTP_URL, mail is delivered to the file mailbox DATA_DIR/outbox/: this prints it
 * (newest last; --json for machine reading). --db lists the outbox table instead, with each
 * message's status, attempts and last error; --deliver sends what is due now. Both open the
 * database: with the embedded PGlite, stop the server first (one process owns its files).
 */
import { parseArgs } from 'node:util';
import { env } from '~/config/env';
import { openDatabase } from '~/db/client';
import { deliverPending, listOutbox } from '~/notifications/outbox';
import { configuredTransport, mailboxDir, readMailbox } from '~/notifications/transport';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    ref: { type: 'string' },
    to: { type: 'string' },
    db: { type: 'boolean', default: false },
    deliver: { type: 'boolean', default: false },
  },
});

function print(items: object[], line: (item: never) => string): void {
  if (values.json) console.log(JSON.stringify(items, null, 2));
  else for (const item of items) console.log(line(item as never));
}

if (values.db || values.deliver) {
  const handle = await openDatabase({ url: env().DATABASE_URL });
  try {
    if (values.deliver) {
      const report = await deliverPending(handle.db, configuredTransport());
      console.log(`sent ${report.sent}, retrying ${report.retrying}, failed ${report.failed}`);
    }
    if (values.db) {
      const rows = await listOutbox(handle.db, { ref: values.ref, to: values.to });
      print(
        rows,
        (r: (typeof rows)[number]) =>
          `#${r.id} ${r.status} (${r.attempts} tries) ${r.kind} ${r.ref} → ${r.toAddress}: ${r.subject}` +
          (r.lastError ? `\n    last error: ${r.lastError}` : ''),
      );
    }
  } finally {
    await handle.close();
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
