/**
 * The order stream of 60-faults-kill.ts: a few clients placing orders back to back, each order
 * with its own Idempotency-Key, while the server is killed and restarted under them. A request
 * that gets no answer (the server died mid-request) is sent again with the same key and body
 * once the server is back: it must come back as the order it made (a replayed 201) or as a
 * fresh creation, never as a second order. Every key ends with one final answer, kept here for
 * the audit against the database (_kill-audit.ts).
 */

/** The server the clients talk to; `down()` before a kill holds them until `up(url)`. */
export class ServerGate {
  url = '';
  private opened: Promise<void> = Promise.resolve();
  private open: (() => void) | undefined;

  down(): void {
    if (this.open) return;
    this.opened = new Promise((resolve) => {
      this.open = resolve;
    });
  }

  up(url: string): void {
    this.url = url;
    this.open?.();
    this.open = undefined;
  }

  ready(): Promise<void> {
    return this.opened;
  }
}

export interface OrderBody {
  items: { sku: string; quantity: number }[];
  buyer: { name: string; phone: string; email: string; address: string; province: string; notes: string };
  paymentMethod: 'cod';
}

/** One key's final answer. */
export interface KeyOutcome {
  key: string;
  body: OrderBody;
  /** 201, 409 (out of stock), or 0 when the stream gave up on it. */
  status: number;
  code?: string;
  orderNumber?: string;
  /** Requests sent with this key (1 when the first one was answered). */
  attempts: number;
  /** The 201 came from the stored answer (`Idempotency-Replayed`): the first request had committed. */
  replayed: boolean;
  answeredAt: number;
}

type Attempt =
  | { answered: true; status: number; text: string; replayed: boolean }
  | { answered: false; reason: string };

const ATTEMPT_TIMEOUT_MS = 30_000;
const MAX_ATTEMPTS = 60;
const RETRY_PAUSE_MS = 250;

let lastClient = 0;
/** A client address nobody has used yet (10.x.y.z): the per-client order limit stays out of the way. */
function nextClient(): string {
  lastClient += 1;
  return `10.${(lastClient >> 16) & 255}.${(lastClient >> 8) & 255}.${lastClient & 255}`;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function send(url: string, key: string, body: OrderBody): Promise<Attempt> {
  try {
    const res = await fetch(`${url}/api/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': key,
        'x-forwarded-for': nextClient(),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    const text = await res.text();
    return {
      answered: true,
      status: res.status,
      text,
      replayed: res.headers.get('idempotent-replayed') === 'true',
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { answered: false, reason: cause?.code ?? (error as Error).name };
  }
}

export class OrderStream {
  readonly outcomes: KeyOutcome[] = [];
  /** Requests sent again with a key after one that got no final answer. */
  retries = 0;
  /** Why attempts got no final answer ("ECONNRESET", "http 503", "request_in_progress"…), counted. */
  readonly failures = new Map<string, number>();
  private next = 0;
  private stopping = false;
  private abandoned = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly gate: ServerGate,
    private readonly makeOrder: (n: number) => { key: string; body: OrderBody },
  ) {}

  start(clients: number): void {
    for (let i = 0; i < clients; i++) this.loops.push(this.client());
  }

  /** Lets every client finish the key it holds (retries included), then resolves. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
  }

  /** Ends the run after a failure: clients give up their keys at the next attempt. */
  abandon(): void {
    this.stopping = true;
    this.abandoned = true;
  }

  created(): number {
    return this.outcomes.filter((o) => o.status === 201).length;
  }

  /** When the first 201 at or after `since` (performance.now()) was answered, if there is one. */
  firstCreatedAfter(since: number): number | undefined {
    return this.outcomes.find((o) => o.status === 201 && o.answeredAt >= since)?.answeredAt;
  }

  private fail(reason: string): void {
    this.failures.set(reason, (this.failures.get(reason) ?? 0) + 1);
  }

  private async client(): Promise<void> {
    while (!this.stopping) {
      const { key, body } = this.makeOrder(this.next++);
      this.outcomes.push(await this.place(key, body));
    }
  }

  private async place(key: string, body: OrderBody): Promise<KeyOutcome> {
    for (let attempts = 1; attempts <= MAX_ATTEMPTS && !this.abandoned; attempts++) {
      if (attempts > 1) this.retries++;
      await this.gate.ready();
      const result = await send(this.gate.url, key, body);
      const done = (status: number, extra: Partial<KeyOutcome> = {}): KeyOutcome => ({
        key,
        body,
        status,
        attempts,
        replayed: false,
        answeredAt: performance.now(),
        ...extra,
      });
      if (!result.answered) {
        this.fail(result.reason);
        await pause(RETRY_PAUSE_MS);
        continue;
      }
      const json = parse(result.text);
      if (result.status === 201 && typeof json.orderNumber === 'string')
        return done(201, { orderNumber: json.orderNumber, replayed: result.replayed });
      const code = typeof json.error?.code === 'string' ? json.error.code : undefined;
      if (result.status === 409 && code === 'out_of_stock') return done(409, { code });
      // Worth another try with the same key: the first request is still running, or the
      // server answered while it could not serve (a 5xx).
      if ((result.status === 409 && code === 'request_in_progress') || result.status >= 500) {
        this.fail(code ?? `http ${result.status}`);
        await pause(RETRY_PAUSE_MS);
        continue;
      }
      // Anything else is a final answer the audit counts as unexpected.
      return done(result.status, { code: code ?? result.text.slice(0, 200) });
    }
    return {
      key,
      body,
      status: 0,
      code: 'gave up',
      attempts: MAX_ATTEMPTS,
      replayed: false,
      answeredAt: performance.now(),
    };
  }
}

function parse(text: string): { orderNumber?: unknown; error?: { code?: unknown } } {
  try {
    return JSON.parse(text) as { orderNumber?: unknown; error?: { code?: unknown } };
  } catch {
    return {};
  }
}
