/**
 * Parsing of single cell values of the registry import format: levels, regions, groups, dates,
 * years and scores in the spellings operators use. Each parser returns a value or a message,
 * in English (the CLI's) and in Vietnamese (the console's).
 */
import { z } from 'zod';
import { FIRST_ROUND_YEAR, type Level, type ProductGroup, type Region } from '~/catalogue/programme';
import { foldForMatch } from '~/text/vietnamese';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; messageVi: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string, messageVi: string): Parsed<T> => ({ ok: false, message, messageVi });

function lookup<T>(table: Record<string, T>, text: string): T | undefined {
  return Object.hasOwn(table, text) ? table[text] : undefined;
}

const LEVEL_WORDS: Record<string, Level> = {
  'quoc gia': 'national',
  national: 'national',
  qg: 'national',
  'khu vuc': 'regional',
  regional: 'regional',
  region: 'regional',
  kv: 'regional',
  vung: 'regional',
  tinh: 'province',
  'tinh thanh pho': 'province',
  'tinh tp': 'province',
  province: 'province',
  provincial: 'province',
  huyen: 'district',
  'quan huyen': 'district',
  district: 'district',
  xa: 'commune',
  'xa phuong': 'commune',
  'phuong xa': 'commune',
  commune: 'commune',
};

/** "quốc gia", "Cấp Quốc gia", "national", "cấp tỉnh", "Tỉnh", "huyện", "xã", … */
export function parseLevel(text: string): Parsed<Level> {
  const folded = foldForMatch(text)
    .replace(/^cap\s+/, '')
    .replace(/\s+level$/, '')
    .trim();
  const level = lookup(LEVEL_WORDS, folded);
  return level
    ? ok(level)
    : fail(
        `unknown level "${text}" (expected quốc gia/national, khu vực/regional, tỉnh/province, huyện/district or xã/commune)`,
        `cấp “${text}” không hợp lệ (cần một trong: quốc gia, khu vực, tỉnh, huyện, xã)`,
      );
}

const REGION_WORDS: Record<string, Region> = {
  'phia bac': 'north',
  bac: 'north',
  'mien bac': 'north',
  'bac bo': 'north',
  north: 'north',
  northern: 'north',
  'mien trung tay nguyen': 'central',
  'mien trung va tay nguyen': 'central',
  'trung tay nguyen': 'central',
  'mien trung': 'central',
  trung: 'central',
  central: 'central',
  'central central highlands': 'central',
  'central and central highlands': 'central',
  'central highlands': 'central',
  'phia nam': 'south',
  nam: 'south',
  'mien nam': 'south',
  'nam bo': 'south',
  south: 'south',
  southern: 'south',
};

/** "phía Bắc", "Khu vực miền Trung - Tây Nguyên", "south", … */
export function parseRegion(text: string): Parsed<Region> {
  const folded = foldForMatch(text)
    .replace(/^khu vuc\s+/, '')
    .replace(/\s+region$/, '')
    .trim();
  const region = lookup(REGION_WORDS, folded);
  return region
    ? ok(region)
    : fail(
        `unknown region "${text}" (expected phía Bắc/north, miền Trung - Tây Nguyên/central or phía Nam/south)`,
        `khu vực “${text}” không hợp lệ (cần phía Bắc, miền Trung - Tây Nguyên hoặc phía Nam)`,
      );
}

const GROUP_ORDER: readonly ProductGroup[] = ['handicraft', 'food', 'machinery', 'other'];

const GROUP_PHRASES: [string, ProductGroup][] = [
  ['thu cong my nghe', 'handicraft'],
  ['tcmn', 'handicraft'],
  ['handicraft', 'handicraft'],
  ['handicrafts', 'handicraft'],
  ['che bien nong lam thuy san va thuc pham', 'food'],
  ['nong lam thuy san va thuc pham', 'food'],
  ['thuc pham', 'food'],
  ['food', 'food'],
  ['processed agricultural forestry and aquatic products and food', 'food'],
  ['thiet bi may moc dung cu va phu tung co khi', 'machinery'],
  ['may moc thiet bi', 'machinery'],
  ['co khi', 'machinery'],
  ['machinery', 'machinery'],
  ['equipment', 'machinery'],
  ['equipment machinery tools and mechanical parts', 'machinery'],
  ['san pham khac', 'other'],
  ['khac', 'other'],
  ['other', 'other'],
  ['others', 'other'],
  ['other products', 'other'],
];

/** By Vietnamese name (full or a clear beginning of it), number 1–4, or English key. */
export function parseGroup(text: string): Parsed<ProductGroup> {
  const folded = foldForMatch(text);
  const numbered = /^(?:nhom|group)?\s*([1-4])(?:\s|$)/.exec(folded);
  if (numbered) return ok(GROUP_ORDER[Number(numbered[1]) - 1]!);
  const stripped = folded.replace(/^(nhom|group)\s+/, '');
  for (const [phrase, group] of GROUP_PHRASES) if (stripped === phrase) return ok(group);
  if (stripped.length >= 6) {
    for (const [phrase, group] of GROUP_PHRASES) {
      if (phrase.length >= 6 && (phrase.startsWith(stripped) || stripped.startsWith(phrase)))
        return ok(group);
    }
  }
  return fail(
    `unknown product group "${text}" (expected 1–4, a group name such as "Thủ công mỹ nghệ", or handicraft, food, machinery, other)`,
    `nhóm sản phẩm “${text}” không hợp lệ (cần số 1–4 hoặc tên nhóm, ví dụ “Thủ công mỹ nghệ”)`,
  );
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** dd/mm/yyyy (also with "-" or "."), or ISO yyyy-mm-dd; impossible dates are rejected. */
export function parseDate(text: string): Parsed<string> {
  const t = text.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = dmy ? null : /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.000)?)?Z?)?$/.exec(t);
  if (!dmy && !iso)
    return fail(
      `"${text}" is not a date (expected dd/mm/yyyy or yyyy-mm-dd)`,
      `“${text}” không phải là ngày (cần dạng dd/mm/yyyy hoặc yyyy-mm-dd)`,
    );
  const [d, m, y] = dmy
    ? [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])]
    : [Number(iso![3]), Number(iso![2]), Number(iso![1])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) || y < 1900) {
    return fail(`"${text}" is not a real calendar date`, `ngày “${text}” không có trên lịch`);
  }
  return ok(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

export function parseYear(text: string, maxYear: number): Parsed<number> {
  const t = text.trim().replace(/\.0+$/, '');
  if (!/^\d{4}$/.test(t))
    return fail(
      `"${text}" is not a year (expected four digits, e.g. 2023)`,
      `“${text}” không phải là năm (cần bốn chữ số, ví dụ 2023)`,
    );
  const year = Number(t);
  if (year < FIRST_ROUND_YEAR)
    return fail(
      `year ${year} is before the programme's first round (${FIRST_ROUND_YEAR})`,
      `năm ${year} trước kỳ bình chọn đầu tiên của chương trình (${FIRST_ROUND_YEAR})`,
    );
  if (year > maxYear) return fail(`year ${year} is in the future`, `năm ${year} là năm trong tương lai`);
  return ok(year);
}

export function parseScore(text: string): Parsed<number> {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(?:\.\d+)?$/.test(t))
    return fail(
      `"${text}" is not a score (expected a number from 0 to 100)`,
      `“${text}” không phải là điểm (cần một số từ 0 đến 100)`,
    );
  const score = Number(t);
  if (score > 100)
    return fail(`score ${text} is over 100 (expected 0–100)`, `điểm ${text} lớn hơn 100 (cần từ 0 đến 100)`);
  return ok(Math.round(score * 100) / 100);
}

export function parsePhone(text: string): Parsed<string> {
  const t = text.trim().replace(/\s+/g, ' ');
  const digits = t.replace(/\D/g, '');
  if (!/^[+0-9 ().-]{8,20}$/.test(t) || digits.length < 8 || digits.length > 13) {
    return fail(`"${text}" is not a phone number`, `“${text}” không phải là số điện thoại`);
  }
  return ok(t);
}

const emailSchema = z.string().email();

export function parseEmail(text: string): Parsed<string> {
  const t = text.trim();
  return emailSchema.safeParse(t).success
    ? ok(t)
    : fail(`"${text}" is not an e-mail address`, `“${text}” không phải là địa chỉ email`);
}

/** Trims and collapses inner whitespace (names copied from PDFs often carry line breaks). */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
