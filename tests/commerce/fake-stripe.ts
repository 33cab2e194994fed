/**
 * A local stand-in for the one Stripe endpoint the shop calls (POST /v1/checkout/sessions),
 * so tests run the real `stripe` SDK (through its host/port/protocol options) without network.
 * It decodes the SDK's form encoding, honours Idempotency-Key, and can be told to fail.
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
  /** The decoded request, for assertions. */
  params: Record<string, unknown>;
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
  /** When true, session creation answers 500 (Stripe down). */
  failing: boolean;
  close(): Promise<void>;
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const byIdempotencyKey = new Map<string, FakeSession>();
  const fake: FakeStripe = { url: '', sessions: [], failing: false, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const send = (status: number, data: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_fake' });
        res.end(JSON.stringify(data));
      };
      if (req.method !== 'POST' || req.url !== '/v1/checkout/sessions')
        return send(404, { error: { type: 'invalid_request_error', message: 'Unrecognized request URL' } });
      if (!String(req.headers.authorization).startsWith('Bearer sk_test_'))
        return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key' } });
      if (fake.failing) return send(500, { error: { type: 'api_error', message: 'Fake Stripe is down' } });
      const key = req.headers['idempotency-key'];
      const again = typeof key === 'string' ? byIdempotencyKey.get(key) : undefined;
      if (again) return send(200, again);
      const params = decodeForm(body);
      const lines = params.line_items as {
        quantity: string;
        price_data: { currency: string; unit_amount: string };
      }[];
      const id = `cs_test_${fake.sessions.length + 1}`;
      const session: FakeSession = {
        id,
        object: 'checkout.session',
        url: `https://checkout.stripe.com/c/pay/${id}`,
        mode: String(params.mode),
        currency: lines[0]!.price_data.currency,
        amount_total: lines.reduce(
          (sum, l) => sum + Number(l.price_data.unit_amount) * Number(l.quantity),
          0,
        ),
        payment_status: 'unpaid',
        status: 'open',
        client_reference_id: (params.client_reference_id as string | undefined) ?? null,
        metadata: (params.metadata as Record<string, string> | undefined) ?? {},
        params,
      };
      fake.sessions.push(session);
      if (typeof key === 'string') byIdempotencyKey.set(key, session);
      return send(200, session);
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
