import { describe, expect, it } from 'vitest';
import { lineLabel, variantLabel } from '~/commerce/cart/line-label';

describe('order line labels', () => {
  it('names each part once', () => {
    expect(lineLabel('Nước mắm Phú Quốc', 'Nước mắm Phú Quốc – Chai 500 ml', 'Chai 500 ml')).toBe(
      'Nước mắm Phú Quốc – Chai 500 ml',
    );
    expect(lineLabel('Nước mắm Phú Quốc', 'Loại 1', 'Chai 500 ml')).toBe(
      'Nước mắm Phú Quốc – Loại 1, Chai 500 ml',
    );
    expect(lineLabel('Bánh cáy', 'Bánh cáy', 'Hộp 400 g')).toBe('Bánh cáy – Hộp 400 g');
    expect(lineLabel('Giỏ tre Hà Nội', 'Hà Nội bamboo basket – Medium piece', 'Chiếc cỡ vừa')).toBe(
      'Hà Nội bamboo basket – Medium piece',
    );
  });

  it('gives the variant its own part under the product name', () => {
    expect(variantLabel('Trà', 'Trà – Túi 500 g', 'Túi 500 g')).toBe('Túi 500 g');
    expect(variantLabel('Bánh cáy', 'Bánh cáy', 'Hộp 400 g')).toBe('Hộp 400 g');
    expect(variantLabel('Giỏ tre Hà Nội', 'Hà Nội bamboo basket – Medium piece', 'Chiếc cỡ vừa')).toBe(
      'Medium piece',
    );
    expect(variantLabel('Trà', 'Loại 1', 'Túi 500 g')).toBe('Loại 1, Túi 500 g');
  });
});
