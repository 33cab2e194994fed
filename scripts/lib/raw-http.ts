/**
 * A bare HTTP/1.1 client over a TCP socket, for requests fetch() refuses to send: request
 * targets with invalid percent-encodings or raw bytes, header values with non-ASCII bytes,
 * a Content-Length that lies, a broken chunked body. It writes the bytes as given, reads the
 * first response's status line and stops.
 */
import { connect } from 'node:net';

export interface RawRequest {
  method: string;
  /** The request-target exactly as written on the request line (UTF-8 for non-ASCII). */
  target: string;
  /** Header lines as written (UTF-8 for non-ASCII); Host and Connection are added. */
  headers: readonly (readonly [string, string])[];
  /** The bytes after the header block (already chunk-framed when the headers say chunked). */
  body: Uint8Array;
  /**
   * The Content-Length header: undefined writes the body's length when there is a body;
   * null writes none; a string writes that text (a lie, a non-number).
   */
  contentLength?: string | null | undefined;
}

export interface RawAnswer {
  /** The status code, or 0 when the server closed or kept silent without answering. */
  status: number;
  ms: number;
  /** Why there is no status: "closed" (the server hung up) or "silent" (still waiting at holdMs). */
  unanswered?: 'closed' | 'silent';
}

/** Serialises a request as it goes on the wire (Connection: close, so one request per socket). */
export function wireBytes(request: RawRequest, host: string): Buffer {
  const lines = [`${request.method} ${request.target} HTTP/1.1`, `Host: ${host}`, 'Connection: close'];
  for (const [name, value] of request.headers) lines.push(`${name}: ${value}`);
  const hasLength = request.headers.some(([n]) => /^(content-length|transfer-encoding)$/i.test(n));
  if (request.contentLength === undefined) {
    if (!hasLength && request.body.length > 0) lines.push(`Content-Length: ${request.body.length}`);
  } else if (request.contentLength !== null) lines.push(`Content-Length: ${request.contentLength}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'), request.body]);
}

/**
 * Sends one request and waits for the status line: at most `holdMs` (a server still reading a
 * body the client will never finish is "silent", not an error of the server).
 */
export function sendRaw(base: URL, request: RawRequest, holdMs: number): Promise<RawAnswer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connect({ host: base.hostname, port: Number(base.port) });
    let head = '';
    let done = false;
    const finish = (answer: Omit<RawAnswer, 'ms'>) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...answer, ms: Math.round((performance.now() - started) * 10) / 10 });
    };
    const timer = setTimeout(() => finish({ status: 0, unanswered: 'silent' }), holdMs);
    socket.on('connect', () => socket.write(wireBytes(request, base.host)));
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      // Skip interim answers (100 Continue); the final status line is the one after them.
      for (;;) {
        const match = /^HTTP\/1\.[01] (\d{3})[^\r\n]*\r\n/.exec(head);
        if (!match) return;
        const status = Number(match[1]);
        if (status >= 200) return finish({ status });
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        head = head.slice(end + 4);
      }
    });
    socket.on('error', () => finish({ status: 0, unanswered: 'closed' }));
    socket.on('close', () => finish({ status: 0, unanswered: 'closed' }));
  });
}
