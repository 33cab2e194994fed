import { describe, expect, it } from 'vitest';
import { CertificateLookup, classifyCode } from '~/verification/certificate-index';
import { sampleData } from './fixtures';

const lookup = new CertificateLookup(sampleData().certificates);
const ids = (text: string) => lookup.find(text).map((c) => c.id);

describe('certificate lookup', () => {
  it('finds by id, also typed in capitals or with spaces', () => {
    expect(ids('qg-2023-nmpq')).toEqual(['qg-2023-nmpq']);
    expect(ids('  QG-2023-NMPQ ')).toEqual(['qg-2023-nmpq']);
    expect(ids('qg 2023 nmpq')).toEqual(['qg-2023-nmpq']);
  });

  it('finds by printed number ignoring case, spaces, punctuation and diacritics', () => {
    for (const typed of ['173/GCN-BCT', '173/gcn-bct', '173 GCN BCT', '173gcnbct', 'Số 173/GCN-BCT']) {
      expect(ids(typed)).toEqual(['qg-2023-nmpq']);
    }
    for (const typed of ['Số 45/QĐ-UBND', 'so 45 qd ubnd', '45/QD-UBND', '45 / qđ - ubnd']) {
      expect(ids(typed)).toEqual(['tinh-2022-nmpq']);
    }
  });

  it('returns every certificate sharing a printed number', () => {
    expect(ids('12/GCN').sort()).toEqual(['tinh-2018-am-chen', 'tinh-2022-am-chen']);
  });

  it('finds nothing for unknown or empty text', () => {
    expect(ids('999/GCN-BCT')).toEqual([]);
    expect(ids('')).toEqual([]);
    expect(ids('///')).toEqual([]);
  });

  it('tells badge codes from typed numbers', () => {
    expect(classifyCode('b1.qg-2023-nmpq.n.2023.20261231.k.sig')).toBe('badge');
    expect(classifyCode('173/GCN-BCT')).toBe('text');
    expect(classifyCode('b1-2023')).toBe('text');
  });
});
