/** The in-memory photo file cache: a byte budget, least recently used out first. */
import { describe, expect, it } from 'vitest';
import { PHOTO_CACHE_BYTES, PhotoFileCache } from '~/listings/photo-cache';

const file = (bytes: number) => ({ productId: 'p', contentType: 'image/webp', bytes: Buffer.alloc(bytes) });

describe('PhotoFileCache', () => {
  it('keeps at most its byte budget, dropping the least recently used first', () => {
    const cache = new PhotoFileCache(100);
    cache.set('a-320', file(40));
    cache.set('b-320', file(40));
    expect(cache.get('a-320')).toBeDefined(); // a is now the most recent
    cache.set('c-320', file(40));
    expect(cache.get('b-320')).toBeUndefined();
    expect(cache.get('a-320')).toBeDefined();
    expect(cache.get('c-320')).toBeDefined();
    expect(cache.size).toBe(80);
  });

  it('replaces an entry without counting it twice, and skips a file bigger than the budget', () => {
    const cache = new PhotoFileCache(100);
    cache.set('a-320', file(40));
    cache.set('a-320', file(50));
    expect(cache.size).toBe(50);
    cache.set('huge-1280', file(101));
    expect(cache.get('huge-1280')).toBeUndefined();
    expect(cache.size).toBe(50);
  });

  it('defaults to 32 MB', () => {
    expect(PHOTO_CACHE_BYTES).toBe(32 * 1024 * 1024);
  });
});
