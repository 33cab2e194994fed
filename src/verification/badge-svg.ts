/**
 * The certificate badge as SVG: programme name, level, year, certificate number, valid-until
 * date and the QR code of PUBLIC_SITE_URL/verify/{id}/?c={signed code}. Drawn in millimetres
 * (viewBox units of 0.1 mm) so printers get the intended size; the PNG is rendered from it.
 */
import QRCode from 'qrcode';
import type { Certificate } from '~/catalogue';
import { LEVEL_NAMES, verifyPath } from '~/catalogue';
import { formatDate } from '~/i18n/format';
import { type Locale, localePath } from '~/i18n/locales';
import { badgeStrings } from './strings';

/** Printed size in millimetres, and the narrowest print at which the QR code still scans. */
export const BADGE_SIZE_MM = { width: 40, height: 64, minWidth: 25 } as const;

const W = BADGE_SIZE_MM.width * 10;
const H = BADGE_SIZE_MM.height * 10;
const BRAND = '#8a1c1c';
const FONT = "'Be Vietnam Pro', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";

/** The URL a badge's QR code opens. */
export function badgeUrl(
  siteUrl: string,
  certificateId: string,
  code: string,
  locale: Locale = 'vi',
): string {
  const url = new URL(localePath(locale, verifyPath(certificateId)), siteUrl);
  url.searchParams.set('c', code);
  return url.href;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The QR code's dark modules as one SVG path, one sub-path per horizontal run. */
export function qrPath(text: string): { size: number; d: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; ) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      const start = x;
      while (x < modules.size && modules.get(y, x)) x++;
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
    }
  }
  return { size: modules.size, d: parts.join('') };
}

/** A text line, squeezed to the badge width when a long certificate number would overflow. */
function line(
  text: string,
  y: number,
  size: number,
  options: { bold?: boolean; fill?: string } = {},
): string {
  const maxWidth = W - 40;
  // Average advance of these fonts is about 0.6 em (upper case, bold) or 0.52 em.
  const estimate = text.length * size * (options.bold ? 0.62 : 0.52);
  const fit = estimate > maxWidth ? ` textLength="${maxWidth}" lengthAdjust="spacingAndGlyphs"` : '';
  return `<text x="${W / 2}" y="${y}" font-size="${size}"${options.bold ? ' font-weight="700"' : ''} fill="${options.fill ?? '#1d1d1f'}" text-anchor="middle"${fit}>${escapeXml(text)}</text>`;
}

export interface BadgeInput {
  certificate: Pick<Certificate, 'id' | 'number' | 'level' | 'year' | 'validUntil'>;
  /** The signed badge code. */
  code: string;
  siteUrl: string;
  locale: Locale;
}

/**
 * The badge's outer size: millimetres for printers, or unitless points (1/72 inch) for the
 * rasteriser, which scales plain user units by density/72 but would scale millimetres twice.
 */
function outerSize(units: 'mm' | 'pt'): string {
  const { width, height } = BADGE_SIZE_MM;
  if (units === 'mm') return `width="${width}mm" height="${height}mm"`;
  const pt = (mm: number) => Math.round((mm / 25.4) * 72 * 1000) / 1000;
  return `width="${pt(width)}" height="${pt(height)}"`;
}

export function badgeSvg(
  { certificate: c, code, siteUrl, locale }: BadgeInput,
  units: 'mm' | 'pt' = 'mm',
): string {
  const t = badgeStrings(locale);
  const tag = locale === 'vi' ? 'vi-VN' : 'en-GB';
  const level = LEVEL_NAMES[c.level][locale].toLocaleUpperCase(tag);
  const number = c.number ?? c.id;
  const url = badgeUrl(siteUrl, c.id, code, locale);
  const qr = qrPath(url);
  const qrBox = 300;
  const title = `${t('programme')} ${t('programme2')}: ${level}, ${t('year', { year: c.year })}, ${t('number', { number })}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" ${outerSize(units)} viewBox="0 0 ${W} ${H}" font-family="${FONT}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    // The QR code's target in words, for printers' proofs and for anyone without a scanner.
    `<desc>${escapeXml(url)}</desc>`,
    `<rect x="4" y="4" width="${W - 8}" height="${H - 8}" rx="24" fill="#fff" stroke="${BRAND}" stroke-width="8"/>`,
    `<path d="M4 28a24 24 0 0 1 24-24h${W - 56}a24 24 0 0 1 24 24v92h-${W - 8}z" fill="${BRAND}"/>`,
    line(t('programme'), 58, 27, { bold: true, fill: '#fff' }),
    line(t('programme2'), 96, 27, { bold: true, fill: '#fff' }),
    line(level, 168, 38, { bold: true, fill: BRAND }),
    line(t('year', { year: c.year }), 212, 32, { bold: true }),
    `<svg x="${(W - qrBox) / 2}" y="232" width="${qrBox}" height="${qrBox}" viewBox="-2 -2 ${qr.size + 4} ${qr.size + 4}" shape-rendering="crispEdges">`,
    `<rect x="-2" y="-2" width="${qr.size + 4}" height="${qr.size + 4}" fill="#fff"/><path d="${qr.d}" fill="#000"/></svg>`,
    line(t('number', { number }), 566, 24, { bold: true }),
    line(t('validUntil', { date: formatDate(c.validUntil, locale) }), 596, 21),
    line(t('scan'), 624, 19, { fill: BRAND }),
    '</svg>',
  ].join('\n');
}
