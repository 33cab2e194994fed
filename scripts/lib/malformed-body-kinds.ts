/**
 * Malformed JSON bodies, by structure, for routes that take one: wrong types for each field,
 * missing and unknown fields, not an object, huge, deeply nested, truncated, duplicate keys,
 * number literals past the edges, business values out of range and every other content type.
 * Each is refused by the route's contract (a body that only gains an unknown field starts from
 * one a business rule refuses), so none may be stored. Bytes and encodings: ./malformed-text-kinds.ts.
 */
import {
  acceptedBody,
  bodyRequest,
  enc,
  inTurn,
  jsonPaths,
  type Kind,
  refusedBody,
  takesBody,
  without,
  withValue,
  wrongTypes,
} from './malformed-kit';
import { type Json, rawLiteral, toJsonText } from './malformed-routes';

function deep(depth: number, open: string, close: string, leaf: string): string {
  return open.repeat(depth) + leaf + close.repeat(depth);
}

export const BODY_KINDS: Kind[] = [
  {
    name: 'json-wrong-type',
    weight: 4,
    applies: takesBody,
    make(ctx) {
      const paths = jsonPaths(acceptedBody(ctx)).filter((p) => wrongTypes(p.value).length > 0);
      if (paths.length === 0) {
        const value = ctx.rng.pick<Json>([[], 'text', 1, null, true]);
        return bodyRequest(ctx, 'json-wrong-type', `body ${JSON.stringify(value)}`, enc(toJsonText(value)));
      }
      // Fields in turn, so every field gets a wrong type before any gets a second one.
      const field = inTurn(ctx, paths);
      const value = ctx.rng.pick(wrongTypes(field.value));
      const body = withValue(acceptedBody(ctx), field.path, value);
      return bodyRequest(
        ctx,
        'json-wrong-type',
        `${field.path} = ${JSON.stringify(value)}`,
        enc(toJsonText(body)),
      );
    },
  },
  {
    name: 'json-missing-field',
    weight: 2,
    applies: takesBody,
    make(ctx) {
      const base = refusedBody(ctx);
      const paths = jsonPaths(base);
      const field = paths.length ? inTurn(ctx, paths).path : undefined;
      const body = field ? without(base, field) : base;
      return bodyRequest(ctx, 'json-missing-field', `without ${field ?? 'anything'}`, enc(toJsonText(body)));
    },
  },
  {
    name: 'json-unknown-fields',
    weight: 2,
    applies: takesBody,
    make(ctx) {
      const extras: [string, Json][] = [
        ['isAdmin', true],
        ['status', 'paid'],
        ['total', 0],
        ['items.0.price', 1],
        ['buyer.role', 'operator'],
        ['constructor', { prototype: { polluted: true } }],
        ['unknown', { nested: { deeper: [1, 2, { x: null }] } }],
        ['x'.repeat(1000), 'long key'],
      ];
      const [path, value] = inTurn(ctx, extras);
      let text = toJsonText(withValue(refusedBody(ctx), path, value));
      // JSON.parse makes "__proto__" an own key: the server must not let it reach a prototype.
      if (ctx.turn % 3 === 0) text = text.replace(/^\{/, '{"__proto__":{"polluted":true},');
      return bodyRequest(ctx, 'json-unknown-fields', `adds ${path.slice(0, 40)}`, enc(text));
    },
  },
  {
    name: 'json-not-an-object',
    weight: 1,
    applies: takesBody,
    make(ctx) {
      const text = inTurn(ctx, ['null', '[]', '"text"', '42', 'true', '{}', '[{}]', '""', ' ', '']);
      return bodyRequest(ctx, 'json-not-an-object', `body ${JSON.stringify(text)}`, enc(text));
    },
  },
  {
    name: 'json-huge',
    weight: 2,
    applies: takesBody,
    make(ctx) {
      const mb2 = 2 * 1024 * 1024;
      const strings = jsonPaths(acceptedBody(ctx)).filter((p) => typeof p.value === 'string');
      const options: [string, () => string][] = [
        [
          '2 MB string in a field',
          () =>
            toJsonText(
              withValue(
                acceptedBody(ctx),
                strings.length ? ctx.rng.pick(strings).path : 'big',
                'x'.repeat(mb2),
              ),
            ),
        ],
        [
          '100,000 array items',
          () =>
            toJsonText(withValue(refusedBody(ctx), 'items', Array(100_000).fill({ sku: 'A', quantity: 1 }))),
        ],
        ['2 MB of whitespace around the body', () => ' '.repeat(mb2) + toJsonText(refusedBody(ctx))],
        [
          '50,000 unknown keys',
          () =>
            toJsonText({
              ...(refusedBody(ctx) as object),
              ...Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i])),
            }),
        ],
      ];
      const [note, text] = inTurn(ctx, options);
      return bodyRequest(ctx, 'json-huge', note, enc(text()));
    },
  },
  {
    name: 'json-deep',
    weight: 1,
    applies: takesBody,
    make(ctx) {
      const options: [string, string][] = [
        ['arrays nested 10,000 deep', deep(10_000, '[', ']', '1')],
        ['objects nested 10,000 deep', deep(10_000, '{"a":', '}', '1')],
        ['arrays nested 100,000 deep', deep(100_000, '[', ']', '')],
        [
          'a field nested 5,000 deep',
          toJsonText(refusedBody(ctx)).replace(/\}$/, `,"deep":${deep(5_000, '{"a":', '}', 'null')}}`),
        ],
      ];
      const [note, text] = inTurn(ctx, options);
      return bodyRequest(ctx, 'json-deep', note, enc(text));
    },
  },
  {
    name: 'json-truncated',
    weight: 2,
    applies: takesBody,
    make(ctx) {
      const text = toJsonText(acceptedBody(ctx));
      // Any strict prefix of an object's text is invalid JSON.
      const cut = 1 + ctx.rng.int(text.length - 1);
      return bodyRequest(
        ctx,
        'json-truncated',
        `cut at byte ${cut} of ${text.length}`,
        enc(text.slice(0, cut)),
      );
    },
  },
  {
    name: 'json-duplicate-keys',
    weight: 1,
    applies: takesBody,
    make(ctx) {
      const body = acceptedBody(ctx);
      const keys = body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : [];
      const key = keys.length ? inTurn(ctx, keys) : 'a';
      const original = (body as Record<string, Json>)[key] ?? null;
      const broken = ctx.rng.pick(wrongTypes(original).concat([null]));
      // The broken copy comes last: JSON.parse keeps the last one.
      const text = toJsonText(body).replace(/\}$/, `,${JSON.stringify(key)}:${JSON.stringify(broken)}}`);
      return bodyRequest(ctx, 'json-duplicate-keys', `"${key}" twice, the second broken`, enc(text));
    },
  },
  {
    name: 'json-number-edges',
    weight: 2,
    applies: takesBody,
    make(ctx) {
      const literals = [
        '1e309',
        '-1e309',
        '-0',
        '0.5',
        '1e-400',
        '9007199254740993',
        '-1',
        '0x10',
        'NaN',
        'Infinity',
        '+1',
        '01',
        '1.0e+1000',
        '.5',
      ];
      const literal = inTurn(ctx, literals);
      const paths = jsonPaths(acceptedBody(ctx)).filter(
        (p) => typeof p.value !== 'object' || p.value === null,
      );
      const numbers = paths.filter((p) => typeof p.value === 'number');
      const field = (
        numbers.length ? ctx.rng.pick(numbers) : paths.length ? ctx.rng.pick(paths) : { path: 'n' }
      ).path;
      const body = withValue(acceptedBody(ctx), field, rawLiteral(literal));
      return bodyRequest(ctx, 'json-number-edges', `${field} = ${literal}`, enc(toJsonText(body)));
    },
  },
  {
    name: 'business-values',
    weight: 4,
    applies: (ctx) => takesBody(ctx) && (ctx.shape.business?.(ctx.samples).length ?? 0) > 0,
    make(ctx) {
      const [path, value, note] = inTurn(ctx, ctx.shape.business!(ctx.samples));
      const body = withValue(acceptedBody(ctx), path, value);
      return bodyRequest(ctx, 'business-values', note, enc(toJsonText(body)));
    },
  },
  {
    name: 'content-type',
    weight: 2,
    applies: takesBody,
    make(ctx) {
      const json = toJsonText(refusedBody(ctx));
      const form = new URLSearchParams(
        jsonPaths(refusedBody(ctx)).map((p) => [p.path, typeof p.value === 'object' ? '' : String(p.value)]),
      ).toString();
      const multipart = `--b0undary\r\nContent-Disposition: form-data; name="body"\r\n\r\n${json}\r\n--b0undary--\r\n`;
      const options: [string | null, string][] = [
        [null, json],
        ['application/x-www-form-urlencoded', form],
        ['multipart/form-data; boundary=b0undary', multipart],
        ['multipart/form-data', multipart],
        ['text/plain', json],
        ['text/json', json],
        ['application/xml', `<order>${json}</order>`],
        ['application/json-patch+json', json],
        ['APPLICATION/JSON', json],
        ['application/json; charset=utf-16', json],
        ['', json],
        ['*/*', json],
        ['application/jsonp', json],
        ['application/json, text/html', json],
      ];
      const [type, text] = inTurn(ctx, options);
      return bodyRequest(
        ctx,
        'content-type',
        `Content-Type ${type === null ? 'absent' : JSON.stringify(type)}`,
        enc(text),
        {
          headers: type === null ? [] : [['Content-Type', type]],
        },
      );
    },
  },
];
