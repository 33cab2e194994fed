/**
 * Malformed JSON bodies, by their bytes: invalid UTF-8 spliced into a field, escapes no text
 * column can hold (NUL, unpaired surrogates), escapes JSON does not have, and the body in
 * UTF-16, UTF-32 or Latin-1. Each lands in a body the route would otherwise accept, so the
 * server must refuse the bytes themselves (not U+FFFD them into a stored row, not fail in
 * PostgreSQL with a 500).
 */
import {
  acceptedBody,
  bodyRequest,
  type Ctx,
  concatBytes,
  enc,
  inTurn,
  jsonPaths,
  type Kind,
  refusedBody,
  takesBody,
  withValue,
} from './malformed-kit';
import { toJsonText } from './malformed-routes';

/** Where bytes JSON.stringify cannot write are spliced into the text of a body. */
const MARK = 'MARK-7f3a';

/**
 * The accepted body with "ab{MARK}yz" in a string field, each field in turn. "yz" are not hex
 * digits: a spliced "\\u12" must stay a broken escape, not become the character U+12YZ.
 */
function withMarker(ctx: Ctx): { text: string; field: string } {
  const strings = jsonPaths(acceptedBody(ctx)).filter((p) => typeof p.value === 'string');
  const field = strings.length ? inTurn(ctx, strings).path : 'note';
  return { text: toJsonText(withValue(acceptedBody(ctx), field, `ab${MARK}yz`)), field };
}

function splice(text: string, bytes: Uint8Array): Uint8Array {
  const [before, after] = text.split(MARK) as [string, string];
  return concatBytes(enc(before), bytes, enc(after));
}

const INVALID_UTF8: [string, number[]][] = [
  ['a lone 0xFF byte', [0xff]],
  ['0xC3 then ASCII', [0xc3, 0x28]],
  ['an encoded surrogate (ED A0 80)', [0xed, 0xa0, 0x80]],
  ['an overlong slash (C0 AF)', [0xc0, 0xaf]],
  ['a five-byte sequence', [0xf8, 0x88, 0x80, 0x80, 0x80]],
  ['a lone continuation byte', [0x80]],
  ['a cut three-byte sequence', [0xe1, 0xbb]],
  ['a code point past U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80]],
];

export const TEXT_KINDS: Kind[] = [
  {
    name: 'json-invalid-utf8',
    weight: 2,
    applies: takesBody,
    make(ctx) {
      const [what, bytes] = inTurn(ctx, INVALID_UTF8);
      const { text, field } = withMarker(ctx);
      return bodyRequest(
        ctx,
        'json-invalid-utf8',
        `${what} in ${field}`,
        splice(text, Uint8Array.from(bytes)),
      );
    },
  },
  {
    name: 'json-unstorable-escapes',
    weight: 2,
    applies: takesBody,
    make(ctx) {
      // Legal JSON escapes that no text column can hold: NUL, unpaired surrogates.
      const escapes = ['\\u0000', 'a\\u0000', '\\ud800', '\\udfff', '\\udc00\\ud800', '\\u0000\\u0000'];
      const sequence = inTurn(ctx, escapes);
      const { text, field } = withMarker(ctx);
      return bodyRequest(
        ctx,
        'json-unstorable-escapes',
        `"${sequence}" in ${field}`,
        enc(text.replace(MARK, sequence)),
      );
    },
  },
  {
    name: 'json-bad-escapes',
    weight: 1,
    applies: takesBody,
    make(ctx) {
      const escapes = ['\\x41', '\\u12', '\\q', '\\', '\\u{1F600}', '\t\n raw control'];
      const sequence = inTurn(ctx, escapes);
      const { text, field } = withMarker(ctx);
      return bodyRequest(
        ctx,
        'json-bad-escapes',
        `${JSON.stringify(sequence)} in ${field}`,
        enc(text.replace(MARK, sequence)),
      );
    },
  },
  {
    name: 'json-encoding',
    weight: 2,
    applies: takesBody,
    make(ctx) {
      const text = toJsonText(acceptedBody(ctx));
      const options: [string, () => Uint8Array, string][] = [
        [
          'UTF-16LE with BOM',
          () => concatBytes(Uint8Array.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')),
          'application/json; charset=utf-16',
        ],
        ['UTF-16LE without BOM', () => Buffer.from(text, 'utf16le'), 'application/json'],
        ['UTF-16BE', () => Buffer.from(text, 'utf16le').swap16(), 'application/json; charset=utf-16be'],
        ['Latin-1 bytes', () => Buffer.from(text, 'latin1'), 'application/json; charset=iso-8859-1'],
        [
          'UTF-8 BOM on a refused body',
          () => concatBytes(Uint8Array.from([0xef, 0xbb, 0xbf]), enc(toJsonText(refusedBody(ctx)))),
          'application/json',
        ],
        [
          'UTF-32LE',
          () =>
            Uint8Array.from(
              [...text].flatMap((c) => {
                const p = c.codePointAt(0)!;
                return [p & 255, (p >> 8) & 255, (p >> 16) & 255, 0];
              }),
            ),
          'application/json; charset=utf-32',
        ],
      ];
      const [note, bytes, type] = inTurn(ctx, options);
      return bodyRequest(ctx, 'json-encoding', note, bytes(), { headers: [['Content-Type', type]] });
    },
  },
];
