/**
 * Where outgoing mail goes: an SMTP server through nodemailer when SMTP_URL is set, otherwise
 * a file mailbox under DATA_DIR/outbox (one JSON file per message) that developers, the e2e
 * tests and `npm run outbox` read.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dataDir, env } from '~/config/env';

export interface OutgoingMail {
  /** The outbox row id: also the SMTP Message-ID, so a retried send is recognisable as one message. */
  id: number;
  kind: string;
  ref: string;
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
}

export interface MailTransport {
  readonly name: string;
  send(mail: OutgoingMail): Promise<void>;
}

export function smtpTransport(url: string, from: string): MailTransport {
  let transporter: Promise<import('nodemailer').Transporter> | undefined;
  return {
    name: 'smtp',
    async send(mail) {
      transporter ??= import('nodemailer').then((m) => m.default.createTransport(url));
      await (await transporter).sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        messageId: `<outbox-${mail.id}@cho-cnnt>`,
      });
    },
  };
}

/** A message as stored in the file mailbox. */
export interface MailboxFile extends OutgoingMail {
  deliveredAt: string;
}

export function fileTransport(dir: string): MailTransport {
  return {
    name: 'file',
    async send(mail) {
      await mkdir(dir, { recursive: true });
      const body: MailboxFile = { ...mail, deliveredAt: new Date().toISOString() };
      const file = path.join(dir, `${String(mail.id).padStart(8, '0')}.json`);
      // Write then rename so a reader never sees half a message.
      await writeFile(`${file}.tmp`, `${JSON.stringify(body, null, 2)}\n`);
      await rename(`${file}.tmp`, file);
    },
  };
}

export function mailboxDir(): string {
  return path.join(dataDir(), 'outbox');
}

/** The transport the configuration asks for. */
export function configuredTransport(): MailTransport {
  const { SMTP_URL, MAIL_FROM } = env();
  return SMTP_URL ? smtpTransport(SMTP_URL, MAIL_FROM) : fileTransport(mailboxDir());
}

/** Messages in a file mailbox, oldest first. */
export async function readMailbox(dir = mailboxDir()): Promise<MailboxFile[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return Promise.all(
    names.map(async (n) => JSON.parse(await readFile(path.join(dir, n), 'utf8')) as MailboxFile),
  );
}
