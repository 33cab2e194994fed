/**
 * What the verification page's figure becomes when GET /api/verify brings an uploaded photo:
 * its files and size, the alt text in the page's language (the page's own "Photo of the product
 * {name}" when the facility gave none in it), or no change at all for no photo or an answer
 * that is not one of the site's photos.
 */
import { describe, expect, it } from 'vitest';
import { livePhotoSwap, VERIFY_PHOTO_SIZES } from '~/verification/live-photo';

const photo = {
  id: 'k3j9x2m4q8w1z7v5',
  url: '/media/photos/k3j9x2m4q8w1z7v5-1280.webp',
  srcset: '/media/photos/k3j9x2m4q8w1z7v5-320.webp 320w, /media/photos/k3j9x2m4q8w1z7v5-1280.webp 1280w',
  alt: { vi: 'Chai nước mắm 500 ml', en: '500 ml bottle of fish sauce' },
  width: 1280,
  height: 960,
};

describe('the verification page’s live photo', () => {
  it('takes the uploaded photo’s files, size and alt text in the page’s language', () => {
    expect(livePhotoSwap(photo, 'vi', 'Ảnh sản phẩm Nước mắm')).toEqual({
      src: photo.url,
      srcset: photo.srcset,
      sizes: VERIFY_PHOTO_SIZES,
      alt: 'Chai nước mắm 500 ml',
      width: 1280,
      height: 960,
    });
    expect(livePhotoSwap(photo, 'en', 'Photo of the product Nước mắm')?.alt).toBe(
      '500 ml bottle of fish sauce',
    );
  });

  it('uses the page’s alt text when the facility gave none in its language', () => {
    const viOnly = { ...photo, alt: { vi: 'Hộp quà', en: null } };
    expect(livePhotoSwap(viOnly, 'en', 'Photo of the product Nước mắm')?.alt).toBe(
      'Photo of the product Nước mắm',
    );
    expect(livePhotoSwap(viOnly, 'vi', 'Ảnh sản phẩm Nước mắm')?.alt).toBe('Hộp quà');
    const blank = { ...photo, alt: { vi: '  ', en: '' } };
    expect(livePhotoSwap(blank, 'vi', 'Ảnh sản phẩm Nước mắm')?.alt).toBe('Ảnh sản phẩm Nước mắm');
    expect(livePhotoSwap({ ...photo, alt: undefined }, 'vi', 'Ảnh sản phẩm X')?.alt).toBe('Ảnh sản phẩm X');
  });

  it('changes nothing without a photo, or for one that is not the site’s own file', () => {
    expect(livePhotoSwap(null, 'vi', 'x')).toBeNull();
    expect(livePhotoSwap(undefined, 'vi', 'x')).toBeNull();
    expect(livePhotoSwap('photo', 'vi', 'x')).toBeNull();
    expect(livePhotoSwap({ ...photo, url: 'https://evil.example/a.webp' }, 'vi', 'x')).toBeNull();
    expect(livePhotoSwap({ ...photo, url: undefined }, 'vi', 'x')).toBeNull();
    expect(livePhotoSwap({ ...photo, width: 0 }, 'vi', 'x')).toBeNull();
    expect(livePhotoSwap({ ...photo, height: '960' }, 'vi', 'x')).toBeNull();
  });

  it('keeps the photo without a srcset (one stored width)', () => {
    expect(livePhotoSwap({ ...photo, srcset: undefined }, 'vi', 'x')).toMatchObject({
      src: photo.url,
      srcset: '',
    });
  });
});
