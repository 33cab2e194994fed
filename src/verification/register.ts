/**
 * The open register: every certificate with its status, as JSON (codes, for programs) and as
 * CSV (names in the reader's language, UTF-8 with a BOM so Excel shows Vietnamese correctly).
 */
import type { Catalogue } from '~/catalogue';
import {
  type CertificateStatus,
  GROUP_NAMES,
  LEVEL_NAMES,
  type Level,
  type ProductGroup,
  REGION_NAMES,
  type Region,
  STATUSES,
} from '~/catalogue';
import { type Locale, localePath } from '~/i18n/locales';
import { verificationRecord } from './public-record';
import { registerStrings } from './strings';

export interface RegisterRow {
  id: string;
  number: string | null;
  decision: string | null;
  level: Level;
  region: Region | null;
  year: number;
  issuedBy: string;
  issuedOn: string | null;
  validUntil: string;
  provinceAsListed: string;
  provinceNow: string | null;
  productId: string;
  productName: string | null;
  group: ProductGroup | null;
  facilityId: string;
  facilityName: string | null;
  status: CertificateStatus;
  statusSince: string | null;
  revokedOn: string | null;
  revocationReason: string | null;
  revocationDecision: string | null;
  supersededBy: string | null;
  url: string;
}

export function registerRows(
  catalogue: Catalogue,
  asOf: string,
  siteUrl: string,
  locale: Locale = 'vi',
): RegisterRow[] {
  return [...catalogue.data.certificates]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => {
      const r = verificationRecord(catalogue, c, asOf);
      return {
        id: c.id,
        number: r.certificate.number,
        decision: r.certificate.decision,
        level: c.level,
        region: r.certificate.region,
        year: c.year,
        issuedBy: c.issuedBy,
        issuedOn: r.certificate.issuedOn,
        validUntil: c.validUntil,
        provinceAsListed: c.provinceAsListed,
        provinceNow: r.certificate.province.current,
        productId: c.productId,
        productName: r.product?.name ?? null,
        group: r.product?.group ?? null,
        facilityId: c.facilityId,
        facilityName: r.facility?.name ?? null,
        status: r.status,
        statusSince: r.since,
        revokedOn: r.revocation?.date ?? null,
        revocationReason: r.revocation?.reason ?? null,
        revocationDecision: r.revocation?.decision ?? null,
        supersededBy: r.supersededBy?.id ?? null,
        url: new URL(localePath(locale, r.certificate.url), siteUrl).href,
      };
    });
}

export function registerJson(rows: readonly RegisterRow[], asOf: string) {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<CertificateStatus, number>;
  for (const r of rows) counts[r.status] += 1;
  return { asOf, total: rows.length, statuses: counts, certificates: rows };
}

const COLUMNS = [
  'id',
  'number',
  'decision',
  'level',
  'region',
  'year',
  'issuedBy',
  'issuedOn',
  'validUntil',
  'provinceAsListed',
  'provinceNow',
  'productName',
  'group',
  'facilityName',
  'status',
  'statusSince',
  'revokedOn',
  'revocationReason',
  'revocationDecision',
  'supersededBy',
  'url',
] as const satisfies readonly (keyof RegisterRow)[];

/**
 * One CSV cell: quoted when it holds a separator, quote or line break; a leading = + - @
 * is defused with an apostrophe so a spreadsheet never runs a cell as a formula.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function registerCsv(rows: readonly RegisterRow[], locale: Locale): string {
  const t = registerStrings(locale);
  const header = COLUMNS.map((c) => csvCell(t(c)));
  const lines = rows.map((r) =>
    COLUMNS.map((c) => {
      switch (c) {
        case 'level':
          return csvCell(LEVEL_NAMES[r.level][locale]);
        case 'region':
          return csvCell(r.region ? REGION_NAMES[r.region][locale] : null);
        case 'group':
          return csvCell(r.group ? GROUP_NAMES[r.group][locale] : null);
        case 'status':
          return csvCell(t(`status_${r.status}`));
        default:
          return csvCell(r[c]);
      }
    }).join(','),
  );
  // BOM first: Excel reads BOM-less CSV as the machine's legacy code page and garbles "ư", "ạ"…
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
