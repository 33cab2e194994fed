import { describe, expect, it } from 'vitest';
import { photoComparison } from '~/verification/photo-comparison';
import { verifyStrings } from '~/verification/strings';

const drawn = (photo: string) => ({ photo, illustration: true });
const real = (photo: string) => ({ photo, illustration: false });

describe('the verification page’s picture and comparison wording', () => {
  it('compares with a real photo, chosen before any drawing', () => {
    expect(photoComparison([real('registry')])).toEqual({
      shown: real('registry'),
      picture: 'photo',
      hint: 'compareHint',
    });
    expect(photoComparison([drawn('registry'), real('listing')])).toMatchObject({
      shown: real('listing'),
      picture: 'photo',
      hint: 'compareHint',
    });
  });

  it('with only drawings, shows one and sends the buyer to the number, name and facility', () => {
    expect(photoComparison([drawn('registry'), drawn('listing')])).toEqual({
      shown: drawn('registry'),
      picture: 'illustration',
      hint: 'compareHintIllustration',
    });
    expect(photoComparison([])).toEqual({ shown: undefined, picture: 'none', hint: 'compareHintNoPhoto' });
  });

  it('words the drawing case as an illustration not to compare with, in both languages', () => {
    const vi = verifyStrings('vi');
    const en = verifyStrings('en');
    expect(vi('compareHint')).toMatch(/^Đối chiếu ảnh, tên sản phẩm và tên cơ sở với bao bì/);
    expect(vi('compareHintIllustration')).toContain('ảnh minh họa, không phải ảnh chụp sản phẩm');
    expect(vi('compareHintIllustration')).toContain('số chứng nhận, tên sản phẩm và tên cơ sở');
    expect(en('compareHintIllustration')).toContain('only an illustration, not a photograph');
    expect(en('compareHintIllustration')).toContain('certificate number, product name and facility name');
    for (const t of [vi, en]) {
      expect(t('compareHintNoPhoto')).not.toMatch(/ảnh|photo|picture/i);
      expect(t('compareHintIllustration')).not.toMatch(/^(Đối chiếu ảnh|Check the photo)/);
    }
  });
});
