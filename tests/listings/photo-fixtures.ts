/** Images for the photo tests, made with sharp, and a reader for the GPS block of EXIF. */
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 60 } } });

/** A JPEG whose EXIF and XMP carry a GPS position (Hà Nội), with a camera make and an ICC profile. */
export function jpegWithGps(width = 1600, height = 1200, orientation = 1): Promise<Buffer> {
  return (
    solid(width, height)
      .withExif({
        IFD0: { Make: 'TestCam', Model: 'GPS-1' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '21/1 1/1 42/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '105/1 51/1 14/1',
        },
      })
      // sharp writes the orientation tag itself (an Orientation in withExif is overwritten).
      .withMetadata({ orientation })
      .withXmp(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="21,1.7N"/></rdf:RDF></x:xmpmeta>',
      )
      .jpeg({ quality: 90 })
      .toBuffer()
  );
}

export const png = (width = 900, height = 600) => solid(width, height).png().toBuffer();
export const webp = (width = 700, height = 700) => solid(width, height).webp().toBuffer();
export const jpeg = (width = 800, height = 600) => solid(width, height).jpeg().toBuffer();

/**
 * The tags of EXIF's GPS block (IFD0's tag 0x8825 points to it), or undefined without one.
 * Read by hand so the test does not trust the library that wrote the block.
 */
export function gpsTags(exif: Buffer | undefined): number[] | undefined {
  if (!exif) return undefined;
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') >= 0 ? exif.indexOf('Exif\0\0') + 6 : 0);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const entries = (at: number) =>
    Array.from({ length: u16(at) }, (_, i) => ({
      tag: u16(at + 2 + i * 12),
      value: u32(at + 2 + i * 12 + 8),
    }));
  const gps = entries(u32(4)).find((e) => e.tag === 0x8825);
  return gps ? entries(gps.value).map((e) => e.tag) : undefined;
}

/** A PNG that claims `width`×`height` pixels in its header and holds no image data to speak of. */
export function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
