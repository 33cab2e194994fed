/**
 * Malformed URLs: absurd query parameters (huge, repeated, as arrays, bad percent-encodings,
 * wrong types, unknown names) and path parameters with ../, NUL, emoji, 10,000 characters or
 * broken percent-encodings. Bodies, when the route takes one, are the refused base body.
 */
import { baseRequest, type Ctx, defaultQuery, encodeQuery, inTurn, type Kind, target } from './malformed-kit';

const hasParams = (ctx: Ctx) => ctx.route.params.length > 0;
const always = () => true;

/** The route's query with one parameter's raw (already encoded) value replaced or added. */
function queryWith(ctx: Ctx, rawValue: string): { text: string; name: string } {
  const pairs = defaultQuery(ctx);
  const name = pairs.length ? inTurn(ctx, pairs)[0] : 'q';
  const rest = pairs.filter(([k]) => k !== name);
  const text = [`${encodeURIComponent(name)}=${rawValue}`, encodeQuery(rest)].filter(Boolean).join('&');
  return { text, name };
}

/** A path parameter's raw value on the wire; the others keep their acceptable values. */
function paramTarget(ctx: Ctx, raw: string): string {
  const name = ctx.rng.pick(ctx.route.params);
  return target(ctx, { [name]: raw });
}

const BAD_PERCENT = [
  '%E0%A4%A',
  '%',
  '%zz',
  '%%',
  '%C0%AF',
  '%ED%A0%80',
  '%FF%FE',
  '%u0041',
  'abc%',
  '%E2%82',
];

export const URL_KINDS: Kind[] = [
  {
    name: 'query-huge',
    weight: 1,
    applies: always,
    make(ctx) {
      const options: [string, () => string][] = [
        ['a value of 8,000 characters', () => queryWith(ctx, 'x'.repeat(8_000)).text],
        [
          'a value of 20,000 characters (past the header limit)',
          () => queryWith(ctx, 'y'.repeat(20_000)).text,
        ],
        ['1,500 distinct parameters', () => Array.from({ length: 1_500 }, (_, i) => `p${i}=${i}`).join('&')],
        [
          'a value of 2,000 emoji',
          () => queryWith(ctx, encodeURIComponent('😀'.repeat(2_000)).slice(0, 14_000)).text,
        ],
      ];
      const [note, text] = inTurn(ctx, options);
      return baseRequest(ctx, 'query-huge', note, { target: target(ctx, {}, text()) });
    },
  },
  {
    name: 'query-repeated',
    weight: 1,
    applies: always,
    make(ctx) {
      const { name } = queryWith(ctx, '');
      const count = inTurn(ctx, [2, 50, 1_000]);
      const same = ctx.rng.next() < 0.5;
      const text = Array.from(
        { length: count },
        (_, i) => `${encodeURIComponent(name)}=${same ? 'a' : `v${i}`}`,
      ).join('&');
      return baseRequest(ctx, 'query-repeated', `${name} ${count} times`, { target: target(ctx, {}, text) });
    },
  },
  {
    name: 'query-array',
    weight: 1,
    applies: always,
    make(ctx) {
      const { name } = queryWith(ctx, '');
      const n = encodeURIComponent(name);
      const text = inTurn(ctx, [
        `${n}[]=a&${n}[]=b`,
        `${n}[0]=a`,
        `${n}[a][b]=c`,
        `${n}=a,b,,,c,`,
        `${n}[]=`,
        `${n}=&${n}=&${n}=`,
      ]);
      return baseRequest(ctx, 'query-array', text.slice(0, 40), { target: target(ctx, {}, text) });
    },
  },
  {
    name: 'query-bad-percent',
    weight: 1,
    applies: always,
    make(ctx) {
      const raw = inTurn(ctx, [...BAD_PERCENT, '%00', 'a%00b']);
      const { text, name } = queryWith(ctx, raw);
      return baseRequest(ctx, 'query-bad-percent', `${name}=${raw}`, { target: target(ctx, {}, text) });
    },
  },
  {
    name: 'query-wrong-type',
    weight: 2,
    applies: always,
    make(ctx) {
      const values = [
        '',
        ' ',
        '-1',
        '0',
        '1e309',
        'NaN',
        'Infinity',
        '0x10',
        '１２',
        'true',
        '[object Object]',
        'null',
        '9'.repeat(400),
        '\u202egnp.exe',
        '😀',
        'a\u0000b',
        '1,2',
        '{"$gt":""}',
      ];
      const value = inTurn(ctx, values);
      const { text, name } = queryWith(ctx, encodeURIComponent(value));
      return baseRequest(ctx, 'query-wrong-type', `${name}=${JSON.stringify(value).slice(0, 30)}`, {
        target: target(ctx, {}, text),
      });
    },
  },
  {
    name: 'query-unknown',
    weight: 1,
    applies: always,
    make(ctx) {
      const extra = inTurn(ctx, [
        '__proto__=1',
        'constructor[prototype][x]=1',
        'toString=1',
        'hasOwnProperty=x',
        '=value',
        'a=b=c',
        '&&&',
        '?=?',
      ]);
      const text = [encodeQuery(defaultQuery(ctx)), extra].filter(Boolean).join('&');
      return baseRequest(ctx, 'query-unknown', extra, { target: target(ctx, {}, text) });
    },
  },
  {
    name: 'param-odd',
    weight: 4,
    applies: hasParams,
    make(ctx) {
      const options: [string, string, string?][] = [
        ['../', '..%2F'],
        ['../../../etc/passwd encoded', '..%2F..%2F..%2Fetc%2Fpasswd'],
        ['dot segments', '%2e%2e%2f%2e%2e'],
        ['raw ../ segments', '../../../etc/passwd'],
        ['backslashes', '..%5C..%5Cwindows'],
        ['NUL', '%00'],
        ['NUL inside', 'CNNT-250614%00K7QXM'],
        ['control characters', '%01%1F%7F'],
        ['a newline', 'a%0Ab'],
        ['emoji', '%F0%9F%98%80'],
        ['raw emoji bytes', '😀', 'the request line holds raw UTF-8'],
        ['RTL override and combining marks', encodeURIComponent('\u202eBG-\u0301\u0301')],
        ['10,000 characters', 'A'.repeat(10_000)],
        ['3,000 encoded emoji (past the header limit)', '%F0%9F%98%80'.repeat(3_000)],
        ['blank', '%20'],
        ['a tab', '%09'],
        ['empty', ''],
        ['"null"', 'null'],
        ['"[object Object]"', '%5Bobject%20Object%5D'],
        ['-1', '-1'],
        ['SQL', encodeURIComponent("' OR 1=1 --")],
        ['a query-looking segment', encodeURIComponent('?x=1#y')],
      ];
      const [note, raw, wireOnly] = inTurn(ctx, options);
      return baseRequest(ctx, 'param-odd', note, {
        target: paramTarget(ctx, raw),
        ...(wireOnly ? { wireOnly } : {}),
      });
    },
  },
  {
    name: 'param-bad-percent',
    weight: 1,
    applies: hasParams,
    make(ctx) {
      const raw = inTurn(ctx, BAD_PERCENT);
      return baseRequest(ctx, 'param-bad-percent', raw, { target: paramTarget(ctx, raw) });
    },
  },
];
