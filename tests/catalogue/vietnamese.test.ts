import { describe, expect, it } from 'vitest';
import { compactKey, foldDiacritics, foldForMatch, slugify } from '~/text/vietnamese';

/** Every vowel with its six tones (none, huyền, sắc, hỏi, ngã, nặng), lower case. */
const VOWELS: Record<string, string[]> = {
  a: ['a', 'à', 'á', 'ả', 'ã', 'ạ'],
  ă: ['ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'],
  â: ['â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'],
  e: ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'],
  ê: ['ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'],
  i: ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'],
  o: ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'],
  ô: ['ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'],
  ơ: ['ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'],
  u: ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'],
  ư: ['ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'],
  y: ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
};
const BASE: Record<string, string> = {
  a: 'a',
  ă: 'a',
  â: 'a',
  e: 'e',
  ê: 'e',
  i: 'i',
  o: 'o',
  ô: 'o',
  ơ: 'o',
  u: 'u',
  ư: 'u',
  y: 'y',
};

describe('slugify', () => {
  const cases: [string, string][] = [];
  for (const [vowel, forms] of Object.entries(VOWELS)) {
    for (const form of forms) {
      cases.push([form, BASE[vowel]!]);
      cases.push([form.toUpperCase(), BASE[vowel]!]);
    }
  }
  cases.push(['đ', 'd'], ['Đ', 'd']);

  it('covers 12 vowels × 6 tones × 2 cases plus đ/Đ', () => {
    expect(cases).toHaveLength(12 * 6 * 2 + 2);
  });

  it.each(cases)('folds %s to %s', (letter, ascii) => {
    expect(slugify(`x${letter}x`)).toBe(`x${ascii}x`);
    expect(slugify(letter)).toBe(ascii);
  });

  it('folds decomposed (NFD) input the same as composed', () => {
    expect(slugify('Nước mắm'.normalize('NFD'))).toBe('nuoc-mam');
  });

  it('makes URL-safe slugs from whole names', () => {
    expect(slugify('Nước mắm Phú Quốc')).toBe('nuoc-mam-phu-quoc');
    expect(slugify('ĐỒ GỖ MỸ NGHỆ – Đồng Kỵ!')).toBe('do-go-my-nghe-dong-ky');
    expect(slugify('  Bánh pía (Sóc Trăng) 500g ')).toBe('banh-pia-soc-trang-500g');
    expect(slugify('Kẹo dừa Bến Tre', 8)).toBe('keo-dua');
  });
});

describe('folding for matching', () => {
  it('removes marks and case', () => {
    expect(foldDiacritics('Điện Biên Phủ')).toBe('Dien Bien Phu');
    expect(foldForMatch('  Hoà  Bình ')).toBe('hoa binh');
    expect(foldForMatch('Hòa Bình')).toBe('hoa binh');
  });
  it('compacts header names', () => {
    expect(compactKey('Tên sản phẩm')).toBe(compactKey('ten_san_pham'));
    expect(compactKey('TEN SAN PHAM')).toBe('tensanpham');
  });
});
