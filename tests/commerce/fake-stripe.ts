/**
 * A local stand-in for the Stripe endpoints the shop calls (POST /v1/checkout/sessions,
 * GET /v1/checkout/sessions/{id}, POST /v1/refunds), so tests run the real `stripe` SDK
 * (through its host/port/protocol options) without network. It decodes the SDK's form
 * encoding, honours Idempotency-Key (the same key answers the same object, as Stripe does;
 * the same key with other parameters is refused), and can be told to fail.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSession {
  id: string;
  object: 'checkout.session';
  url: string;
  mode: string;
  currency: string;
  amount_total: number;
  payment_status: 'unpaid' | 'paid';
  status: 'open' | 'complete' | 'expired';
  client_reference_id: string | null;
  metadata: Record<string, string>;
  /** Made with the session here (Stripe makes it on payment): what refunds name. */
  payment_intent: string;
  /** The decoded request, for assertions. */
  params: Record<string, unknown>;
}

export interface FakeRefund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  payment_intent: string;
  status: 'pending' | 'succeeded' | 'failed' | 'canceled';
  failure_reason?: string;
  metadata: Record<string, string>;
  reason: string | null;
  charge: string;
  created: number;
}

/** "line_items[0][price_data][unit_amount]=5" → { line_items: [{ price_data: { unit_amount: "5" } }] } */
function decodeForm(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const path = rawKey.replace(/\]/g, '').split('[');
    let node: Record<string, unknown> = root;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else {
        node[part] ??= /^\d+$/.test(path[i + 1]!) ? [] : {};
        node = node[part] as Record<string, unknown>;
      }
    });
  }
  return root;
}

export interface FakeStripe {
  url: string;
  sessions: FakeSession[];
  /** Every refund made (one per idempotency key). */
  refunds: FakeRefund[];
  /** The status a new refund is made with ("pending" until a refund event says more). */
  refundStatus: FakeRefund['status'];
  /** When true, session and refund creation answer 500 (Stripe down). */
  failing: boolean;
  close(): Promise<void>;
}

type Send = (status: number, data: unknown) => void;

/** POST /v1/refunds: a refund of part or all of what a PaymentIntent has left unrefunded. */
function createRefund(fake: FakeStripe, params: Record<string, unknown>, send: Send): void {
  const intent = String(params.payment_intent ?? '');
  const session = fake.sessions.find((s) => s.payment_intent === intent);
  if (!session) {
    send(400, {
      error: {
        type: 'invalid_request_error',
        code: 'resource_missing',
        message: `No such payment_intent: '${intent}'`,
      },
    });
    return;
  }
  const refunded = fake.refunds
    .filter((r) => r.payment_intent === intent && r.status !== 'failed' && r.status !== 'canceled')
    .reduce((sum, r) => sum + r.amount, 0);
  const left = session.amount_total - refunded;
  const amount = params.amount === undefined ? left : Number(params.amount);
  if (!(amount > 0) || amount > left) {
    send(400, {
      error: {
        type: 'invalid_request_error',
        code: 'amount_too_large',
        message: `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`,
      },
    });
    return;
  }
  const refund: FakeRefund = {
    id: `re_test_${fake.refunds.length + 1}`,
    object: 'refund',
    amount,
    currency: session.currency,
    payment_intent: intent,
    status: fake.refundStatus,
    metadata: (params.metadata as Record<string, string> | undefined) ?? {},
    reason: (params.reason as string | undefined) ?? null,
    charge: `ch_test_${intent.slice('pi_test_'.length)}`,
    created: Math.floor(Date.now() / 1000),
  };
  fake.refunds.push(refund);
  send(200, refund);
}

function createSession(fake: FakeStripe, params: Record<string, unknown>, send: Send): FakeSession {
  const lines = params.line_items as {
    quantity: string;
    price_data: { currency: string; unit_amount: string };
  }[];
  const n = fake.sessions.length + 1;
  const id = `cs_test_${n}`;
  const session: FakeSession = {
    id,
    object: 'checkout.session',
    url: `https://checkout.stripe.com/c/pay/${id}`,
    mode: String(params.mode),
    currency: lines[0]!.price_data.currency,
    amount_total: lines.reduce((sum, l) => sum + Number(l.price_data.unit_amount) * Number(l.quantity), 0),
    payment_status: 'unpaid',
    status: 'open',
    client_reference_id: (params.client_reference_id as string | undefined) ?? null,
    metadata: (params.metadata as Record<string, string> | undefined) ?? {},
    payment_intent: `pi_test_${n}`,
    params,
  };
  fake.sessions.push(session);
  send(200, session);
  return session;
}

export async function startFakeStripe(): Promise<FakeStripe> {
  /** Per key: the request body it came with and the answer, replayed for the same key. */
  const byIdempotencyKey = new Map<string, { body: string; status: number; data: unknown }>();
  const fake: FakeStripe = {
    url: '',
    sessions: [],
    refunds: [],
    refundStatus: 'pending',
    failing: false,
    close: async () => undefined,
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const send: Send = (status, data) => {
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_fake' });
        res.end(JSON.stringify(data));
      };
      const notFound = () =>
        send(404, { error: { type: 'invalid_request_error', message: 'Unrecognized request URL' } });
      const route =
        req.method === 'POST' && req.url === '/v1/checkout/sessions'
          ? 'session'
          : req.method === 'POST' && req.url === '/v1/refunds'
            ? 'refund'
            : req.method === 'GET' && req.url?.startsWith('/v1/checkout/sessions/')
              ? 'retrieve'
              : undefined;
      if (!route) return notFound();
      if (!String(req.headers.authorization).startsWith('Bearer sk_test_'))
        return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key' } });
      if (route === 'retrieve') {
        const id = decodeURIComponent(req.url!.slice('/v1/checkout/sessions/'.length).split('?')[0]!);
        const session = fake.sessions.find((s) => s.id === id);
        return session ? send(200, session) : notFound();
      }
      if (fake.failing) return send(500, { error: { type: 'api_error', message: 'Fake Stripe is down' } });
      const key = req.headers['idempotency-key'];
      const scopedKey = typeof key === 'string' ? `${route}:${key}` : undefined;
      const again = scopedKey ? byIdempotencyKey.get(scopedKey) : undefined;
      if (again && again.body !== body)
        return send(400, {
          error: {
            type: 'idempotency_error',
            message:
              'Keys for idempotent requests can only be used with the same parameters they were first used with.',
          },
        });
      if (again) return send(again.status, again.data);
      const remember: Send = (status, data) => {
        if (scopedKey) byIdempotencyKey.set(scopedKey, { body, status, data });
        send(status, data);
      };
      const params = decodeForm(body);
      if (route === 'refund') return createRefund(fake, params, remember);
      createSession(fake, params, remember);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}

/** A Checkout Session event as Stripe would send it. */
export function sessionEvent(
  id: string,
  type: string,
  session: FakeSession,
  changes: Partial<FakeSession> = {},
) {
  const { params: _params, ...object } = { ...session, ...changes };
  return {
    id,
    object: 'event',
    type,
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    data: { object },
  };
}

/** A refund event (refund.created, refund.updated, refund.failed) as Stripe would send it. */
export function refundEvent(id: string, type: string, refund: FakeRefund, changes: Partial<FakeRefund> = {}) {
  return {
    id,
    object: 'event',
    type,
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    data: { object: { ...refund, ...changes } },
  };
}
