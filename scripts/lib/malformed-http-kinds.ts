/**
 * Malformed requests around the body: garbage headers (Idempotency-Key, Stripe-Signature, also
 * signed with the server's own secret but stale or tampered, X-Forwarded-For, Accept-Language
 * and more), methods the route does not export, and lies on the wire (Content-Length, chunked
 * framing, an accepted body cut short by the client hanging up).
 */
import { createHmac } from 'node:crypto';
import {
  acceptedBody,
  baseRequest,
  bodyAfterHeader,
  bodyRequest,
  concatBytes,
  EMPTY,
  enc,
  inTurn,
  JSON_HEADERS,
  type Kind,
  refusedBody,
  request,
  withValue,
} from './malformed-kit';
import { toJsonText } from './malformed-routes';

const always = () => true;

function stripeSignature(secret: string, time: number, payload: string): string {
  const mac = createHmac('sha256', secret).update(`${time}.${payload}`, 'utf8').digest('hex');
  return `t=${time},v1=${mac}`;
}

export const HTTP_KINDS: Kind[] = [
  {
    name: 'header-idempotency-key',
    weight: 1,
    applies: always,
    make(ctx) {
      // Keys the contract refuses (8–200 of letters, digits, _ : . -), sent with the accepted body.
      const options: [string, string[], string?][] = [
        ['7 characters', ['abcdefg']],
        ['201 characters', ['k'.repeat(201)]],
        ['10,000 characters', ['k'.repeat(10_000)]],
        ['20,000 characters (past the header limit)', ['k'.repeat(20_000)]],
        ['non-ASCII', ['khóa-đặt-hàng-😀-2025'], 'a header value with UTF-8 bytes'],
        ['a space inside', ['abc def ghij']],
        ['two headers', ['key-one-12345', 'key-two-12345']],
        ['slashes', ['../../etc/passwd']],
        ['a control character', ['abcd\u0001efgh'], 'a control character in a header'],
        ['empty', ['']],
      ];
      const [note, values, wireOnly] = inTurn(ctx, options);
      const headers = values.map((v) => ['Idempotency-Key', v] as [string, string]);
      const body = ctx.bodyMethod ? enc(toJsonText(bodyAfterHeader(ctx, 'Idempotency-Key'))) : EMPTY;
      return request(ctx, 'header-idempotency-key', note, {
        method: ctx.bodyMethod ?? ctx.mainMethod,
        headers: [...(ctx.bodyMethod ? JSON_HEADERS : []), ...headers],
        body,
        ...(wireOnly ? { wireOnly } : {}),
      });
    },
  },
  {
    name: 'header-stripe-signature',
    weight: 1,
    applies: always,
    make(ctx) {
      const payload = toJsonText(bodyAfterHeader(ctx, 'Stripe-Signature'));
      const now = ctx.samples.unixTime;
      const options: [string, string, string?][] = [
        ['no timestamp', 'v1=abc'],
        ['garbage', 't=abc,v1=zz'],
        ['empty', ''],
        ['zeros', `t=${now},v1=${'0'.repeat(64)}`],
        ['signed with another secret', stripeSignature('whsec_not_the_secret', now, payload)],
        ['10,000 characters', `t=${now},v1=${'a'.repeat(10_000)}`],
        ['non-ASCII', `t=${now},v1=chữ-ký-😀`, 'a header value with UTF-8 bytes'],
        ['only a v0 scheme', `t=${now},v0=${'1'.repeat(64)}`],
        ['a thousand v1 entries', Array.from({ length: 1_000 }, () => `v1=${'f'.repeat(64)}`).join(',')],
      ];
      const [note, value, wireOnly] = inTurn(ctx, options);
      return request(ctx, 'header-stripe-signature', note, {
        method: ctx.bodyMethod ?? ctx.mainMethod,
        headers: [...(ctx.bodyMethod ? JSON_HEADERS : []), ['Stripe-Signature', value]],
        body: ctx.bodyMethod ? enc(payload) : EMPTY,
        ...(wireOnly ? { wireOnly } : {}),
      });
    },
  },
  {
    name: 'stripe-signed-refused',
    weight: 2,
    applies: (ctx) => ctx.route.pattern.includes('stripe') && ctx.samples.stripeWebhookSecret !== undefined,
    make(ctx) {
      // Signed with the server's own secret, but each must still be refused or change nothing.
      const secret = ctx.samples.stripeWebhookSecret!;
      const now = ctx.samples.unixTime;
      const payload = toJsonText(acceptedBody(ctx));
      const unhandled = toJsonText(withValue(acceptedBody(ctx), 'type', 'customer.created'));
      const options: [string, string, string][] = [
        ['a timestamp an hour old', payload, stripeSignature(secret, now - 3_600, payload)],
        [
          'the body changed after signing',
          payload.replace('paid', 'unpaid'),
          stripeSignature(secret, now, payload),
        ],
        ['a signed truncated body', payload.slice(0, 40), stripeSignature(secret, now, payload.slice(0, 40))],
        [
          'an event type the shop ignores (200, nothing stored)',
          unhandled,
          stripeSignature(secret, now, unhandled),
        ],
      ];
      const [note, body, signature] = inTurn(ctx, options);
      return bodyRequest(ctx, 'stripe-signed-refused', note, enc(body), {
        headers: [...JSON_HEADERS, ['Stripe-Signature', signature]],
      });
    },
  },
  {
    name: 'header-forwarded-for',
    weight: 1,
    applies: always,
    make(ctx) {
      const value = inTurn(ctx, [
        'not-an-ip',
        '999.999.999.999',
        '1.2.3.4.5',
        '::::',
        'unknown',
        '"[::1]:80"',
        '10.0.0.1, garbage',
        Array.from({ length: 1_000 }, (_, i) => `10.1.${i >> 8}.${i & 255}`).join(', '),
        'x'.repeat(10_000),
        ',,,,',
        '',
        '127.0.0.1',
        '::ffff:1.2.3.4',
      ]);
      return baseRequest(ctx, 'header-forwarded-for', JSON.stringify(value.slice(0, 30)), {
        ownsForwardedFor: true,
        headers: [...(ctx.bodyMethod ? JSON_HEADERS : []), ['X-Forwarded-For', value]],
      });
    },
  },
  {
    name: 'header-garbage',
    weight: 3,
    applies: always,
    make(ctx) {
      const options: [string, string, string?][] = [
        ['Accept-Language', '*;q=xyz'],
        ['Accept-Language', 'vi-VN;q=1e309, en;q=-1'],
        ['Accept-Language', 'x'.repeat(10_000)],
        ['Accept-Language', 'tiếng-việt', 'a header value with UTF-8 bytes'],
        ['Accept-Language', ',,,;;;'],
        ['Accept', 'application/xml;q=abc'],
        ['Content-Encoding', 'gzip'],
        ['Content-Encoding', 'br, deflate, x-unknown'],
        ['X-Request-Id', 'not a token <script>'],
        ['X-Request-Id', 'r'.repeat(5_000)],
        ['Cookie', `session=${'c'.repeat(8_000)}; ;;=;`],
        ['Origin', 'https://evil.example'],
        ['Origin', 'null'],
        ['X-Forwarded-Proto', 'gopher'],
        ['X-Forwarded-Host', 'evil.example:99999'],
        ['Authorization', `Bearer ${'t'.repeat(8_000)}`],
        ['Range', 'bytes=0-1,garbage'],
        ['If-None-Match', '"\u00ff"', 'a header value with a Latin-1 byte'],
        ['Expect', 'teapot'],
      ];
      const [name, value, wireOnly] = inTurn(ctx, options);
      const base = baseRequest(ctx, 'header-garbage', `${name}: ${value.slice(0, 30)}`);
      return { ...base, headers: [...base.headers, [name, value]], ...(wireOnly ? { wireOnly } : {}) };
    },
  },
  {
    name: 'method-not-exported',
    weight: 2,
    applies: always,
    make(ctx) {
      const missing = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].filter(
        (m) => !ctx.route.methods.includes(m),
      );
      const methods: [string, string?][] = [
        ...missing.map((m) => [m] as [string]),
        ['TRACE', 'fetch refuses TRACE'],
        ['FOO', 'an unknown method'],
        ['get', 'a lower-case method'],
      ];
      const [method, wireOnly] = inTurn(ctx, methods);
      const withBody = method !== 'GET' && method !== 'TRACE' && method !== 'get';
      return request(ctx, 'method-not-exported', method, {
        method,
        headers: withBody ? JSON_HEADERS : [],
        body: withBody ? enc(toJsonText(refusedBody(ctx))) : EMPTY,
        ...(wireOnly ? { wireOnly } : {}),
      });
    },
  },
  {
    name: 'wire-framing',
    weight: 3,
    applies: always,
    make(ctx) {
      const method = ctx.bodyMethod ?? ctx.mainMethod;
      const refused = enc(toJsonText(refusedBody(ctx)));
      const accepted = enc(toJsonText(acceptedBody(ctx)));
      const chunked: [string, string][] = [...JSON_HEADERS, ['Transfer-Encoding', 'chunked']];
      const options: [string, Partial<Parameters<typeof request>[3]>][] = [
        [
          'Content-Length 50 MB, 100 bytes sent',
          { body: refused.slice(0, 100), contentLength: '52428800', awaitsMore: true },
        ],
        // The accepted body, cut short by the client hanging up: it must never be acted on.
        [
          'the accepted body with Content-Length 100 bytes longer',
          { body: accepted, contentLength: String(accepted.length + 100), awaitsMore: true },
        ],
        ['Content-Length shorter than the body', { body: refused, contentLength: '5' }],
        ['Content-Length "abc"', { body: refused, contentLength: 'abc' }],
        ['Content-Length -1', { body: refused, contentLength: '-1' }],
        ['Content-Length 2^70', { body: refused, contentLength: '1180591620717411303424' }],
        [
          'two different Content-Length headers',
          {
            body: refused,
            contentLength: null,
            headers: [...JSON_HEADERS, ['Content-Length', String(refused.length)], ['Content-Length', '3']],
          },
        ],
        [
          'chunk size "zz"',
          {
            body: concatBytes(enc('zz\r\n'), refused, enc('\r\n0\r\n\r\n')),
            contentLength: null,
            headers: chunked,
          },
        ],
        [
          'a chunk cut short',
          {
            body: concatBytes(enc('ffff\r\n'), refused),
            contentLength: null,
            headers: chunked,
            awaitsMore: true,
          },
        ],
        [
          'chunk size 2^64',
          { body: enc('ffffffffffffffffff\r\nx\r\n0\r\n\r\n'), contentLength: null, headers: chunked },
        ],
        [
          'chunked and Content-Length',
          {
            body: concatBytes(enc(`${refused.length.toString(16)}\r\n`), refused, enc('\r\n0\r\n\r\n')),
            contentLength: '10',
            headers: chunked,
          },
        ],
        ['a body on a GET', { method: 'GET', body: refused, headers: JSON_HEADERS }],
      ];
      const [note, extra] = inTurn(ctx, options);
      return request(ctx, 'wire-framing', note, {
        method,
        headers: JSON_HEADERS,
        body: EMPTY,
        ...extra,
        wireOnly: 'framing only a socket can write',
      });
    },
  },
];
