import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, maskPersonalData, requestContext } from '~/config/log';

describe('maskPersonalData', () => {
  it('masks Vietnamese phone numbers, keeping the first three and last three digits', () => {
    expect(maskPersonalData('0912345678')).toBe('091****678');
    expect(maskPersonalData('phone=0912345678&x')).toBe('phone=091****678&x');
    expect(maskPersonalData('+84912345678')).toBe('+8491****678');
  });

  it('masks e-mail addresses, keeping the first letter and the domain', () => {
    expect(maskPersonalData('an@example.vn')).toBe('a***@example.vn');
    expect(maskPersonalData('to nguyen.van.a+shop@mail.example.com.')).toBe('to n***@mail.example.com.');
  });

  it('leaves order numbers, dates, ids and prices alone', () => {
    const text = 'CNNT-260101-ABCDE 2026-01-01T00:00:00.000Z id 12345 total 1250000 pid 28187';
    expect(maskPersonalData(text)).toBe(text);
  });
});

describe('the logger', () => {
  function collect() {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    return { lines, stream };
  }

  it('writes JSON lines with the request id of the request they happen in, masked', () => {
    const { lines, stream } = collect();
    const logger = createLogger('info', stream);
    requestContext.run({ requestId: 'req-1' }, () =>
      logger.info({ buyer: 'an@example.vn' }, 'order for 0912345678'),
    );
    logger.info('outside');
    logger.debug('below the level');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        requestId: 'req-1',
        buyer: 'a***@example.vn',
        msg: 'order for 091****678',
      }),
      expect.not.objectContaining({ requestId: expect.anything() }),
    ]);
  });

  it('is quiet at level silent', () => {
    const { lines, stream } = collect();
    createLogger('silent', stream).error('nothing');
    expect(lines).toEqual([]);
  });
});
