import QRCode from 'qrcode';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { signBadgeCode } from '~/verification/badge-code';
import { badgePng } from '~/verification/badge-png';
import { badgeSvg, badgeUrl, qrPath } from '~/verification/badge-svg';
import { testKeyring } from './fixtures';

const keyring = testKeyring();
const certificate = {
  id: 'qg-2023-nmpq',
  number: '173/GCN-BCT',
  level: 'national' as const,
  year: 2023,
  validUntil: '2026-12-31',
};
const code = signBadgeCode(certificate, keyring.signer);
const input = { certificate, code, siteUrl: 'https://cho-cnnt.vn', locale: 'vi' as const };

describe('badge image', () => {
  it('points the QR code at the verification page with the signed code', () => {
    expect(badgeUrl('https://cho-cnnt.vn', 'qg-2023-nmpq', code)).toBe(
      `https://cho-cnnt.vn/verify/qg-2023-nmpq/?c=${code}`,
    );
    expect(badgeUrl('https://cho-cnnt.vn/', 'qg-2023-nmpq', code, 'en')).toBe(
      `https://cho-cnnt.vn/en/verify/qg-2023-nmpq/?c=${code}`,
    );
  });

  it('draws exactly the QR modules of that URL', async () => {
    const text = badgeUrl(input.siteUrl, certificate.id, code);
    const { size, d } = qrPath(text);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
    const { data, info } = await sharp(Buffer.from(svg), { density: 72 })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([size, size]);
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    let mismatches = 0;
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++)
        if ((data[y * size + x]! < 128 ? 1 : 0) !== modules.get(y, x)) mismatches++;
    expect(mismatches).toBe(0);
  });

  it('states level, year, number and validity, in the chosen language, at print size', () => {
    const vi = badgeSvg(input);
    expect(vi).toContain('width="40mm" height="64mm"');
    for (const text of ['CẤP QUỐC GIA', 'NĂM 2023', 'Số: 173/GCN-BCT', 'Hiệu lực đến 31/12/2026'])
      expect(vi).toContain(text);
    expect(vi).toContain(`<desc>https://cho-cnnt.vn/verify/qg-2023-nmpq/?c=${code}</desc>`);
    const en = badgeSvg({ ...input, locale: 'en' });
    for (const text of ['NATIONAL LEVEL', 'No. 173/GCN-BCT', 'Valid until 31 Dec 2026'])
      expect(en).toContain(text);
  });

  it('escapes text and squeezes a long number to fit', () => {
    const svg = badgeSvg({
      ...input,
      certificate: { ...certificate, number: '<b>&"1234567890/GCN-UBND-SCT-KTCN"' },
    });
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&#60;b&#62;&#38;&#34;1234567890');
    expect(svg).toMatch(/textLength="360"[^>]*>Số: &#60;b/);
  });

  it('renders a 300 dpi PNG: 40 × 64 mm = 472 × 756 px', async () => {
    const png = await badgePng(input);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height, meta.density]).toEqual(['png', 472, 756, 300]);
    expect(await badgePng(input)).toBe(png); // cached
  });
});
