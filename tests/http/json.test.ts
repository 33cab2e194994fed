import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJsonBody, parseQuery } from '~/http/json';

const schema = z.object({ name: z.string(), tags: z.array(z.string()).optional() });

function post(body: string | Uint8Array<ArrayBuffer>, type = 'application/json'): Request {
  return new Request('http://localhost/api/x', { method: 'POST', headers: { 'content-type': type }, body });
}

async function errorOf(result: Awaited<ReturnType<typeof parseJsonBody>>) {
  if (result.ok) throw new Error('expected a refusal');
  return { status: result.response.status, ...((await result.response.json()) as { error: object }) };
}

describe('parseJsonBody', () => {
  it('parses UTF-8 JSON, Vietnamese and emoji included, and a leading byte-order mark', async () => {
    const text = '{"name":"Nước mắm 😀","tags":["a"]}';
    expect(await parseJsonBody(post(text), schema)).toEqual({
      ok: true,
      data: { name: 'Nước mắm 😀', tags: ['a'] },
    });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect((await parseJsonBody(post(withBom), schema)).ok).toBe(true);
  });

  it('refuses bytes that are not UTF-8 as invalid_json instead of storing U+FFFD in their place', async () => {
    for (const bytes of [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe1, 0xbb]]) {
      const body = new Uint8Array([
        ...new TextEncoder().encode('{"name":"ab'),
        ...bytes,
        ...new TextEncoder().encode('cd"}'),
      ]);
      expect(await errorOf(await parseJsonBody(post(body), schema)), String(bytes)).toMatchObject({
        status: 400,
        error: { code: 'invalid_json' },
      });
    }
  });

  it('refuses text no database column can hold (NUL, unpaired surrogates), naming the field', async () => {
    for (const [text, field] of [
      ['{"name":"a\\u0000b"}', 'name'],
      ['{"name":"\\ud800"}', 'name'],
      ['{"name":"x","tags":["ok","\\udc00\\ud800"]}', 'tags.1'],
      ['{"name":"x","extra":{"\\u0000":1}}', 'extra'],
    ] as const) {
      expect(await errorOf(await parseJsonBody(post(text), schema)), text).toMatchObject({
        status: 400,
        error: { code: 'invalid_request', fields: { [field]: expect.stringContaining('NUL') } },
      });
    }
    // A surrogate pair is one character, not a broken one.
    expect((await parseJsonBody(post('{"name":"\\ud83d\\ude00"}'), schema)).ok).toBe(true);
  });

  it('refuses bodies nested 100,000 deep with a 400, not a stack overflow', async () => {
    for (const text of [
      '['.repeat(100_000) + ']'.repeat(100_000),
      `{"name":"x","a":${'['.repeat(100_000)}"\u0000"${']'.repeat(100_000)}}`,
    ]) {
      expect((await errorOf(await parseJsonBody(post(text), schema))).status).toBe(400);
    }
  });

  it('answers 415 for another content type and 400 invalid_json for JSON that does not parse', async () => {
    expect((await errorOf(await parseJsonBody(post('{}', 'text/plain'), schema))).status).toBe(415);
    expect(await errorOf(await parseJsonBody(post('{"name":'), schema))).toMatchObject({
      error: { code: 'invalid_json' },
    });
  });
});

describe('parseQuery', () => {
  it('refuses a NUL in a parameter, naming it', async () => {
    const result = parseQuery(new URL('http://localhost/api/x?name=a%00b'), schema);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(await result.response.json()).toMatchObject({
        error: { code: 'invalid_request', fields: { name: expect.stringContaining('NUL') } },
      });
    expect(parseQuery(new URL('http://localhost/api/x?name=b%C3%A1nh'), schema)).toEqual({
      ok: true,
      data: { name: 'bánh' },
    });
  });
});
