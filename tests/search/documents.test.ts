import { describe, expect, it } from 'vitest';
import { nameSortKey, typoBudget } from '~/search/analysis';
import { synonymsOf } from '~/search/synonyms';
import { fixtureDocuments } from './fixture';

const doc = (id: string) => fixtureDocuments.find((d) => d.id === id)!;

describe('search documents', () => {
  it('flattens a product with its facility, province, region, lowest price and codes', () => {
    const d = doc('nuoc-mam-phu-quoc-40-do-dam');
    expect(d).toMatchObject({
      name: 'Nước mắm Phú Quốc 40 độ đạm',
      url: '/products/nuoc-mam-phu-quoc-40-do-dam/',
      facility: 'Công ty TNHH Nước mắm Hưng Thành',
      province: 'An Giang',
      region: 'south',
      level: 'national',
      levelRank: 4,
      group: 'food',
      price: 120_000,
      availability: 'in_stock',
      hasListing: true,
      certificateNumbers: ['QG-2023-045'],
      decisions: ['1234/QĐ-BCT'],
      newestYear: 2023,
      nameText: 'nuoc mam phu quoc 40 do dam',
      joinedText: 'nuocmam mamphu phuquoc quoc40 40do dodam',
    });
    expect(d.codeKeys.split(' ')).toEqual(expect.arrayContaining(['qg2023045', '1234qdbct']));
    // The former province on the certificate is searchable too.
    expect(d.placeText).toContain('kien giang');
  });

  it('takes the highest current level: a valid regional over an expired national', () => {
    expect(doc('khan-lua-to-tam-van-phuc').level).toBe('regional');
    expect(doc('mi-chu-bac-giang').level).toBe('regional'); // expired only: still shown at its level
    expect(doc('lang-hoa-may-tre').level).toBe('province'); // revoked only
  });

  it('marks products without a listing as not sold online, without a price', () => {
    const d = doc('may-xay-xat-gao-mini');
    expect(d.hasListing).toBe(false);
    expect(d.availability).toBe('not_sold_online');
    expect(d.price).toBeUndefined();
  });

  it('adds synonyms with diacritics compared as written', () => {
    expect(synonymsOf('Chè Tân Cương')).toEqual(expect.arrayContaining(['che', 'tra', 'tea']));
    expect(synonymsOf('Mỳ Quảng')).toEqual(expect.arrayContaining(['mi', 'my', 'noodles']));
    expect(synonymsOf('Tượng gỗ mỹ nghệ')).toEqual([]);
    expect(synonymsOf('Cá tra phi lê')).toEqual([]);
    expect(synonymsOf('Nước mắm cốt nhĩ')).toEqual(expect.arrayContaining(['fish', 'sauce']));
  });

  it('leaves out capitalised words inside a sentence: they are names, like Trà Bồng', () => {
    expect(synonymsOf('Tinh dầu quế Trà Bồng')).toEqual([]);
    expect(synonymsOf('Nước Mắm Cốt Nhĩ')).toEqual([]); // Title Case hides the common words
    expect(synonymsOf('Vỏ quế Trà Bồng.\nTrà thảo mộc')).toEqual(expect.arrayContaining(['tea']));
  });
});

describe('search text analysis', () => {
  it('sorts names in Vietnamese alphabetical order, tones ignored', () => {
    const names = ['Đường phèn', 'Dưa hấu', 'Da bò', 'Ăn liền', 'Âu', 'Bánh', 'An', 'Ơn', 'Ông', 'Ốc'];
    const sorted = [...names].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : 1));
    expect(sorted).toEqual([
      'An',
      'Ăn liền',
      'Âu',
      'Bánh',
      'Da bò',
      'Dưa hấu',
      'Đường phèn',
      'Ốc',
      'Ông',
      'Ơn',
    ]);
  });

  it('allows no typo in short syllables, one from 4 letters, two from 8', () => {
    expect([typoBudget('mam'), typoBudget('mamm'), typoBudget('nghieng'), typoBudget('battrang')]).toEqual([
      0, 1, 1, 2,
    ]);
  });
});
