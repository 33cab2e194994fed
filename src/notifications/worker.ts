/**
 * Background delivery inside the server: the server kicks it once when it starts (so retries
 * that fell due while it was down go out without waiting for a request), kickDelivery() right
 * after a transaction that enqueued messages sends them within moments, and a timer started on
 * the first kick retries failures when they fall due. Nothing here blocks a request.
 */
import { log } from '~/config/log';
import { database } from '~/db/client';
import { deliverPending } from './outbox';
import { configuredTransport, type MailTransport } from './transport';

const RETRY_SWEEP_MS = 30_000;

// One worker per process, shared by every copy of this module in it (the server's scripts and
// the built site bundle each carry one): one timer, one run at a time.
interface WorkerState {
  transport?: MailTransport;
  running?: Promise<void>;
  again: boolean;
  timer?: ReturnType<typeof setInterval>;
  stopped: boolean;
}
const STATE = Symbol.for('cnnt.notifications.worker');
const state: WorkerState = ((globalThis as Record<symbol, unknown>)[STATE] as WorkerState | undefined) ?? {
  again: false,
  stopped: false,
};
(globalThis as Record<symbol, unknown>)[STATE] = state;

async function drain(): Promise<void> {
  const { db } = await database();
  state.transport ??= configuredTransport();
  // Keep going while full batches come back (a burst of orders), until the server stops.
  while (!state.stopped) {
    const report = await deliverPending(db, state.transport, { limit: 50 });
    if (report.sent + report.retrying + report.failed > 0) {
      log()[report.failed ? 'error' : report.retrying ? 'warn' : 'info'](
        { event: 'outbox.delivery', ...report },
        'outbox delivery',
      );
    }
    if (report.sent + report.retrying + report.failed < 50) break;
  }
}

/** Starts a delivery run now (or right after the current one) and keeps the retry timer alive. */
export function kickDelivery(): void {
  if (state.stopped) return;
  if (!state.timer) {
    state.timer = setInterval(kickDelivery, RETRY_SWEEP_MS);
    state.timer.unref();
  }
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = drain()
    .catch((error: unknown) => log().error({ err: error }, 'outbox delivery failed'))
    .finally(() => {
      state.running = undefined;
      if (state.again) {
        state.again = false;
        kickDelivery();
      }
    });
}

/** Stops the timer and waits for the current run (graceful shutdown, before the database closes). */
export async function stopDelivery(): Promise<void> {
  state.stopped = true;
  if (state.timer) clearInterval(state.timer);
  state.timer = undefined;
  state.again = false;
  await state.running;
}

/** For tests: lets a stopped worker run again. */
export function resetDelivery(): void {
  state.stopped = false;
}
