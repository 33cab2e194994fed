/**
 * The load of 61-faults-postgres.ts: order clients placing COD orders back to back (each with
 * its own Idempotency-Key, written into the buyer's notes too, so the audit can tell which
 * request made which stored order), a client looking up orders answered 201, a client
 * verifying certificates, and a /readyz poll every READYZ_EVERY_MS. Every answer is kept with
 * its start and end time, so the scenario can say what was answered while PostgreSQL was down.
 * Each client comes from its own address (X-Forwarded-For; the server trusts one proxy hop).
 */

export type RequestKind = 'order' | 'lookup' | 'verify' | 'readyz';

export interface Answer {
  kind: RequestKind;
  /** performance.now() when sent and when the whole body was read (or the request failed). */
  startedAt: number;
  endedAt: number;
  /** The HTTP status, or 0 when no answer came (see `failure`). */
  status: number;
  /** Why no answer came: a connection reset or refused, or no answer within HANG_MS. */
  failure?: string;
  /** The API's error code (`error.code`) of an error answer. */
  code?: string;
  key?: string;
  orderNumber?: string;
  /** A 201 from the stored answer to an earlier request with the same Idempotency-Key. */
  replayed?: boolean;
}

export interface OrderBody {
  items: { sku: string; quantity: number }[];
  buyer: { name: string; phone: string; address: string; province: string; notes: string };
  paymentMethod: 'cod';
}

export const BUYER_PHONE = '0912345678';
/** Past the 10 s an answer may take: such a request is recorded as hung, not awaited further. */
export const HANG_MS = 15_000;
const READYZ_EVERY_MS = 150;
const ORDER_CLIENTS = 3;
/** After an error answer a client waits this long before its next request (no hot loop). */
const BACKOFF_MS = 100;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

let lastClient = 0;
function nextClient(): string {
  lastClient += 1;
  return `10.61.${(lastClient >> 8) & 255}.${lastClient & 255}`;
}

/** The error's innermost cause code (undici wraps socket errors: fetch failed ← ECONNRESET). */
function failureOf(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'no answer within 15 s';
  let e = error as { code?: string; cause?: unknown; message?: string } | undefined;
  while (e?.cause) e = e.cause as typeof e;
  return e?.code ?? e?.message ?? String(error);
}

export class RestartLoad {
  readonly answers: Answer[] = [];
  /** Order numbers answered 201, for the lookup client. */
  readonly created: string[] = [];
  private running = false;
  private loops: Promise<void>[] = [];
  private ordersMade = 0;

  constructor(
    private readonly url: string,
    private readonly makeOrder: (n: number) => { key: string; body: OrderBody },
    private readonly certificateIds: readonly string[],
  ) {}

  /** performance.now() once warmUp() is done: later answers are the load's. */
  warmedAt = 0;

  /**
   * One request of each kind, one after another, before the load: the first of each is slow
   * (the catalogue, the search index and the stock rows are loaded or seeded on first use),
   * which is no outage's doing. Returns how long it took; the order is kept for the audit.
   */
  async warmUp(): Promise<number> {
    const started = performance.now();
    await this.send('readyz', '/readyz');
    await this.verify();
    const answer = await this.order();
    if (answer.status !== 201)
      throw new Error(`warm-up order answered ${answer.status} ${answer.code ?? ''}`);
    await this.lookup();
    this.warmedAt = performance.now();
    return Math.round(this.warmedAt - started);
  }

  start(): void {
    this.running = true;
    for (let i = 0; i < ORDER_CLIENTS; i++) this.loops.push(this.loop(() => this.order()));
    this.loops.push(this.loop(() => this.lookup()));
    this.loops.push(this.loop(() => this.verify()));
    this.loops.push(this.pollReadiness());
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** Sends one request and records its answer (also used for the retries after the run). */
  async send(
    kind: RequestKind,
    path: string,
    init: RequestInit = {},
    extra: Pick<Answer, 'key'> = {},
  ): Promise<Answer> {
    const startedAt = performance.now();
    const headers = new Headers(init.headers);
    headers.set('x-forwarded-for', nextClient());
    let answer: Answer;
    try {
      const res = await fetch(`${this.url}${path}`, {
        ...init,
        headers,
        signal: AbortSignal.timeout(HANG_MS),
      });
      const text = await res.text();
      answer = { kind, startedAt, endedAt: performance.now(), status: res.status, ...extra };
      if (res.headers.get('idempotent-replayed') === 'true') answer.replayed = true;
      try {
        const body = JSON.parse(text) as { orderNumber?: string; error?: { code?: string } };
        if (body.orderNumber) answer.orderNumber = body.orderNumber;
        if (body.error?.code) answer.code = body.error.code;
      } catch {
        // not JSON (an HTML error page): the status says it
      }
    } catch (error) {
      answer = {
        kind,
        startedAt,
        endedAt: performance.now(),
        status: 0,
        failure: failureOf(error),
        ...extra,
      };
    }
    this.answers.push(answer);
    return answer;
  }

  sendOrder(key: string, body: OrderBody): Promise<Answer> {
    return this.send(
      'order',
      '/api/orders',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      },
      { key },
    );
  }

  private async loop(request: () => Promise<Answer | undefined>): Promise<void> {
    while (this.running) {
      const answer = await request();
      if (!answer || answer.status === 0 || answer.status >= 400) await pause(BACKOFF_MS);
    }
  }

  private async order(): Promise<Answer> {
    const { key, body } = this.makeOrder(this.ordersMade++);
    const answer = await this.sendOrder(key, body);
    if (answer.status === 201 && answer.orderNumber) this.created.push(answer.orderNumber);
    return answer;
  }

  private async lookup(): Promise<Answer | undefined> {
    const number = this.created[Math.floor(Math.random() * this.created.length)];
    if (!number) return undefined;
    return this.send('lookup', `/api/orders/${number}?phone=${BUYER_PHONE}`);
  }

  private verify(): Promise<Answer> {
    const id = this.certificateIds[Math.floor(Math.random() * this.certificateIds.length)]!;
    return this.send('verify', `/api/verify?code=${encodeURIComponent(id)}`);
  }

  private async pollReadiness(): Promise<void> {
    while (this.running) {
      const sent = performance.now();
      await this.send('readyz', '/readyz');
      await pause(Math.max(0, READYZ_EVERY_MS - (performance.now() - sent)));
    }
  }
}
