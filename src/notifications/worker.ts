/**
 * Background delivery inside the server: kickDelivery() right after a transaction that
 * enqueued messages sends them within moments; a timer started on the first kick retries
 * failures when they fall due. Nothing here blocks a request.
 */
import { database } from '~/db/client';
import { deliverPending } from './outbox';
import { configuredTransport, type MailTransport } from './transport';

const RETRY_SWEEP_MS = 30_000;

let transport: MailTransport | undefined;
let running: Promise<void> | undefined;
let again = false;
let sweeping = false;

async function drain(): Promise<void> {
  const { db } = await database();
  transport ??= configuredTransport();
  // Keep going while full batches come back (a burst of orders).
  for (;;) {
    const report = await deliverPending(db, transport, { limit: 50 });
    if (report.sent + report.retrying + report.failed < 50) break;
  }
}

/** Starts a delivery run now (or right after the current one) and keeps the retry timer alive. */
export function kickDelivery(): void {
  if (!sweeping) {
    setInterval(kickDelivery, RETRY_SWEEP_MS).unref();
    sweeping = true;
  }
  if (running) {
    again = true;
    return;
  }
  running = drain()
    .catch((error: unknown) => console.error('outbox delivery failed:', error))
    .finally(() => {
      running = undefined;
      if (again) {
        again = false;
        kickDelivery();
      }
    });
}
