/**
 * The server's structured log: JSON lines through pino at LOG_LEVEL, each carrying the id of
 * the request it happened in (requestContext, an AsyncLocalStorage the HTTP server enters per
 * request). Every line is passed through maskPersonalData before it is written, so a phone
 * number or e-mail address that reaches a message or field is never logged whole.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger } from 'pino';
import { env } from './env';

/** Vietnamese phone numbers: 0 or +84/84, then 9 digits, alone (not inside a longer number). */
const PHONE = /(?<![\w+])(\+?84|0)(\d{2})(\d{4})(\d{3})(?![\w])/g;
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;

/** `0912345678` → `091****678`; `an@example.vn` → `a***@example.vn`. */
export function maskPersonalData(text: string): string {
  return text.replace(PHONE, '$1$2****$4').replace(EMAIL, '$1***@$2');
}

interface RequestContext {
  requestId: string;
}

// Shared by every copy of this module in the process (the server's scripts and the built site
// bundle each carry one), so the request id the HTTP server sets is seen by route code.
const SHARED = Symbol.for('cnnt.config.log');
type Shared = {
  context: AsyncLocalStorage<RequestContext>;
  logger?: Logger;
  stdout?: ReturnType<typeof pino.destination>;
};
const shared: Shared = ((globalThis as Record<symbol, unknown>)[SHARED] as Shared | undefined) ?? {
  context: new AsyncLocalStorage<RequestContext>(),
};
(globalThis as Record<symbol, unknown>)[SHARED] = shared;

export const requestContext = shared.context;

/** The id of the request being served, if any. */
export function currentRequestId(): string | undefined {
  return shared.context.getStore()?.requestId;
}

/** Builds a logger writing masked JSON lines to `destination` (tests pass a collecting stream). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      hooks: { streamWrite: maskPersonalData },
    },
    destination ?? stdout(),
  );
}

function stdout(): ReturnType<typeof pino.destination> {
  // Asynchronous writes keep logging off the request path; flushLog() empties them before exit.
  shared.stdout ??= pino.destination({ dest: 1, sync: false });
  return shared.stdout;
}

/** The process's logger. */
export function log(): Logger {
  shared.logger ??= createLogger(env().LOG_LEVEL);
  return shared.logger;
}

/** Writes what is still buffered (before the process exits). */
export function flushLog(): void {
  try {
    shared.stdout?.flushSync();
  } catch {
    // Nothing buffered yet (the stream is still opening): nothing to lose.
  }
}
