import { describe, expect, it } from 'vitest';
import { Catalogue } from '~/catalogue/catalogue';
import { verdictOf } from '~/verification/public-record';
import { describeVerdict } from '~/verification/verdict';
import { AS_OF, certificate, sampleCatalogue, sampleData } from './fixtures';

const catalogue = sampleCatalogue();
const cert = (id: string) => catalogue.certificateById.get(id)!;

describe('status matrix', () => {
  it.each([
    ['kv-2024-binh-gom', AS_OF, 'valid', null],
    ['qg-2023-nmpq', AS_OF, 'valid', null],
    ['tinh-2022-nmpq', AS_OF, 'superseded', '2023-11-20'],
    // Before the national certificate existed the province one was simply valid.
    ['tinh-2022-nmpq', '2023-11-19', 'valid', null],
    ['tinh-2022-am-chen', AS_OF, 'revoked', '2024-03-01'],
    // The revocation counts from its own date, inclusive.
    ['tinh-2022-am-chen', '2024-02-29', 'valid', null],
    ['tinh-2022-am-chen', '2024-03-01', 'revoked', '2024-03-01'],
    // A revoked newer certificate supersedes nothing: the old one is just expired.
    ['tinh-2018-am-chen', AS_OF, 'expired', '2022-01-01'],
    // Valid through the whole last day, expired from the next.
    ['kv-2024-binh-gom', '2027-12-31', 'valid', null],
    ['kv-2024-binh-gom', '2028-01-01', 'expired', '2028-01-01'],
  ] as const)('%s on %s is %s (since %s)', (id, asOf, status, since) => {
    const v = verdictOf(catalogue, cert(id), asOf);
    expect(v.status).toBe(status);
    expect(v.since).toBe(since);
    expect(v.asOf).toBe(asOf);
  });

  it('gives the newer certificate for a superseded one', () => {
    const v = verdictOf(catalogue, cert('tinh-2022-nmpq'), AS_OF);
    expect(v.supersededBy).toEqual({
      id: 'qg-2023-nmpq',
      number: '173/GCN-BCT',
      level: 'national',
      year: 2023,
      url: '/verify/qg-2023-nmpq/',
    });
  });

  it('keeps a revocation with a later date as a notice on a valid certificate', () => {
    const data = sampleData();
    data.certificates = data.certificates.map((c) =>
      c.id === 'kv-2024-binh-gom'
        ? { ...c, revocation: { date: '2025-07-01', reason: 'Cơ sở ngừng sản xuất' } }
        : c,
    );
    const v = verdictOf(
      new Catalogue(data),
      data.certificates.find((c) => c.id === 'kv-2024-binh-gom')!,
      AS_OF,
    );
    expect(v.status).toBe('valid');
    expect(v.revocationScheduled?.date).toBe('2025-07-01');
    expect(describeVerdict(v, 'vi').lines).toContain(
      'Lưu ý: chứng nhận sẽ bị thu hồi từ ngày 01/07/2025. Lý do: Cơ sở ngừng sản xuất',
    );
  });

  it('a same-level certificate of a later round supersedes; a lower level does not', () => {
    const data = sampleData();
    data.certificates.push(
      certificate({
        id: 'tinh-2024-nmpq',
        level: 'province',
        year: 2024,
        issuedOn: '2024-09-01',
        validUntil: '2027-12-31',
      }),
    );
    const c = new Catalogue(data);
    expect(c.statusOf(c.certificateById.get('qg-2023-nmpq')!, AS_OF).status).toBe('valid');
    expect(c.statusOf(c.certificateById.get('tinh-2022-nmpq')!, AS_OF)).toEqual({
      status: 'superseded',
      supersededBy: 'qg-2023-nmpq',
    });
  });
});

describe('verdict wording', () => {
  const say = (id: string, locale: 'vi' | 'en') =>
    describeVerdict(verdictOf(catalogue, cert(id), AS_OF), locale);

  it('states valid until, in vi-VN and English dates', () => {
    expect(say('kv-2024-binh-gom', 'vi')).toMatchObject({
      tone: 'ok',
      headline: 'Chứng nhận CÒN HIỆU LỰC',
      lines: ['Còn hiệu lực đến hết ngày 31/12/2027.'],
    });
    expect(say('kv-2024-binh-gom', 'en').lines).toEqual(['Valid until the end of 31 Dec 2027.']);
  });

  it('states expired since', () => {
    expect(say('tinh-2018-am-chen', 'vi')).toMatchObject({
      tone: 'warn',
      headline: 'Chứng nhận ĐÃ HẾT HIỆU LỰC',
      lines: ['Hết hiệu lực từ ngày 01/01/2022 (hiệu lực đến hết ngày 31/12/2021).'],
    });
  });

  it('states revoked on, why and the decision', () => {
    expect(say('tinh-2022-am-chen', 'vi')).toMatchObject({
      tone: 'bad',
      headline: 'Chứng nhận ĐÃ BỊ THU HỒI',
      lines: [
        'Thu hồi từ ngày 01/03/2024.',
        'Lý do: Sản phẩm không còn đáp ứng tiêu chí',
        'Quyết định thu hồi: 99/QĐ-UBND',
      ],
    });
  });

  it('states superseded by, with a link to the newer certificate in the same language', () => {
    const en = say('tinh-2022-nmpq', 'en');
    expect(en.headline).toBe('Certificate SUPERSEDED');
    expect(en.lines).toEqual([
      'Since 20 Nov 2023 this product has a newer certificate: National level, 2023, number 173/GCN-BCT.',
    ]);
    expect(en.link).toEqual({ href: '/en/verify/qg-2023-nmpq/', label: 'See the newer certificate' });
    expect(say('tinh-2022-nmpq', 'vi').link?.href).toBe('/verify/qg-2023-nmpq/');
  });
});
