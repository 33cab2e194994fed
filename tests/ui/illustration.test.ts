import { describe, expect, it } from 'vitest';
import { illustrationLabel, photoAlt } from '~/ui/illustration';
import { uiStrings } from '~/ui/strings';

describe('illustration wording', () => {
  it('labels a drawing in Vietnamese (with its diacritics) and in English', () => {
    expect(illustrationLabel('vi')).toBe('Ảnh minh họa');
    expect(illustrationLabel('en')).toBe('Illustration');
    expect(uiStrings('vi')('illustrationLabel').normalize('NFC')).toBe(uiStrings('vi')('illustrationLabel'));
  });

  it('says so in a drawing’s alt text, and leaves a real photo’s and a decorative image’s alone', () => {
    expect(photoAlt('Nước mắm cá cơm Phú Quốc', true, 'vi')).toBe('Ảnh minh họa: Nước mắm cá cơm Phú Quốc');
    expect(photoAlt('Nước mắm cá cơm Phú Quốc', true, 'en')).toBe('Illustration: Nước mắm cá cơm Phú Quốc');
    expect(photoAlt('Nước mắm cá cơm Phú Quốc', false, 'vi')).toBe('Nước mắm cá cơm Phú Quốc');
    expect(photoAlt('', true, 'vi')).toBe('');
  });
});
