import { describe, expect, it } from 'vitest';
import { lineLabel, variantLabel } from '../../src/commerce/line-label';

describe('order line labels', () => {
  it('names each part once', () => {
    expect(lineLabel('Nước mắm Phú Quốc', 'Nước mắm Phú Quốc – Chai 500 ml', 'Chai 500 ml')).toBe('Nước mắm Phú Quốc – Chai 500 ml');
    expect(lineLabel('Nước mắm Phú Quốc', 'Loại 1', 'Chai 500 ml')).toBe('Nước mắm Phú Quốc – Loại 1, Chai 500 ml');
    expect(lineLabel('Bánh cáy', 'Bánh cáy', 'Hộp 400 g')).toBe('Bánh cáy – Hộp 400 g');
    expect(variantLabel('Trà', 'Trà – Túi 500 g', 'Túi 500 g')).toBe('Túi 500 g');
    expect(variantLabel('Trà', 'Kind A')).toBe('Kind A');
  });
});
