/**
 * A tiny SMTP server on 127.0.0.1 that accepts every message and keeps what a benchmark needs
 * to count deliveries: the envelope sender, the recipients and the Message-ID header. Enough of
 * RFC 5321 for nodemailer over plain TCP (no STARTTLS, no AUTH, no pipelining advertised).
 *
 * Why not the file mailbox: it names each file by outbox id, so a message delivered twice
 * overwrites itself and the duplicate cannot be seen; every SMTP transaction here is one entry.
 */
import { createServer, type Socket } from 'node:net';

export interface SunkMail {
  from: string;
  to: string[];
  /** The Message-ID header as sent (without the angle brackets), '' when there was none. */
  messageId: string;
}

export interface SmtpSink {
  url: string;
  mails: SunkMail[];
  close(): Promise<void>;
}

const address = (arg: string) => /<([^>]*)>/.exec(arg)?.[1] ?? arg.trim();

function messageIdOf(data: string): string {
  const head = data.split('\r\n\r\n', 1)[0] ?? '';
  // Unfold continuation lines before matching the header.
  const unfolded = head.replace(/\r\n[ \t]+/g, ' ');
  return /^message-id:\s*<?([^>\r\n]*)>?/im.exec(unfolded)?.[1]?.trim() ?? '';
}

function serve(socket: Socket, mails: SunkMail[], acceptDelayMs: number): void {
  let buffered = '';
  let inData = false;
  let from = '';
  let to: string[] = [];
  const reply = (line: string) => socket.writable && socket.write(`${line}\r\n`);
  socket.setEncoding('latin1');
  socket.on('error', () => socket.destroy());
  reply('220 bench-sink ESMTP');
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    for (;;) {
      if (inData) {
        // The body ends with a line holding one dot; a body may also be empty.
        const end = buffered.startsWith('.\r\n') ? 0 : buffered.indexOf('\r\n.\r\n');
        if (end < 0) return;
        const data = buffered.slice(0, end);
        buffered = buffered.slice(end === 0 ? 3 : end + 5);
        inData = false;
        mails.push({ from, to, messageId: messageIdOf(data) });
        from = '';
        to = [];
        // A slow acceptance widens the window in which two deliverers could overlap.
        setTimeout(() => reply('250 2.0.0 queued'), acceptDelayMs);
        continue;
      }
      const newline = buffered.indexOf('\r\n');
      if (newline < 0) return;
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 2);
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO') {
        reply('250-bench-sink');
        reply('250 8BITMIME');
      } else if (verb === 'HELO' || verb === 'NOOP') reply('250 OK');
      else if (verb === 'MAIL') {
        from = address(line.slice(line.indexOf(':') + 1));
        reply('250 OK');
      } else if (verb === 'RCPT') {
        to.push(address(line.slice(line.indexOf(':') + 1)));
        reply('250 OK');
      } else if (verb === 'DATA') {
        inData = true;
        reply('354 end with <CRLF>.<CRLF>');
      } else if (verb === 'RSET') {
        from = '';
        to = [];
        reply('250 OK');
      } else if (verb === 'QUIT') {
        reply('221 bye');
        socket.end();
        return;
        // RFC 5321's answer to a command a server does not offer (VRFY, AUTH, …): nodemailer
        // sends none of them to a server that did not announce them, so a 502 here is a bug in a test.
      } else reply('502 command not implemented');
    }
  });
}

export async function startSmtpSink(options: { acceptDelayMs?: number } = {}): Promise<SmtpSink> {
  const mails: SunkMail[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serve(socket, mails, options.acceptDelayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
