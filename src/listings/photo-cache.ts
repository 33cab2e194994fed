/**
 * The photo files this server served last, kept in memory up to a byte budget so the photos on
 * the pages people open most are not read from the database each time. Least recently used
 * first out (a Map keeps insertion order: a hit is moved to the end).
 */

export interface CachedPhotoFile {
  productId: string;
  contentType: string;
  bytes: Buffer;
}

/** 32 MB: about 500 photos at the sizes cards use, small beside the server's memory. */
export const PHOTO_CACHE_BYTES = 32 * 1024 * 1024;

export class PhotoFileCache {
  private readonly entries = new Map<string, CachedPhotoFile>();
  private used = 0;

  constructor(private readonly maxBytes = PHOTO_CACHE_BYTES) {}

  get size(): number {
    return this.used;
  }

  get(key: string): CachedPhotoFile | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  set(key: string, file: CachedPhotoFile): void {
    this.delete(key);
    // A file bigger than the whole budget would only push everything else out.
    if (file.bytes.byteLength > this.maxBytes) return;
    this.entries.set(key, file);
    this.used += file.bytes.byteLength;
    for (const [oldest, entry] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.used -= entry.bytes.byteLength;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.used -= entry.bytes.byteLength;
  }
}
