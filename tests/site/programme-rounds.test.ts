import { describe, expect, it } from 'vitest';
import { OFFICIAL_FIGURES, OFFICIAL_ROUNDS, OFFICIAL_TOTALS } from '~/site/programme-facts';
import {
  type CertifiedItem,
  certifiedItems,
  compareRounds,
  compareTotals,
  countInScope,
  formatShare,
  inScope,
  programmeRoundsView,
  roundRowsView,
  totalRowsView,
} from '~/site/programme-rounds';
import { PAIRED_CHART, pairedChartLayout } from '~/site/rounds-chart';
import { SiteIndex } from '~/site/site-index';
import { catalogueOf, certificate as cert, facility, product } from '../catalogue/fixture-builders';

const round = (id: string) => {
  const r = OFFICIAL_ROUNDS.find((x) => x.id === id);
  if (!r) throw new Error(`no round ${id}`);
  return r;
};
const sum = (ids: string[]) => ids.reduce((s, id) => s + round(id).certified!, 0);

describe('official figures by round', () => {
  it('hold the published figures and decisions', () => {
    expect(round('national-2015').byGroup).toEqual({ handicraft: 25, food: 40, machinery: 25, other: 10 });
    expect(round('national-2017').certified).toBe(102);
    expect(round('national-2019')).toMatchObject({ certified: 110, applications: 226 });
    expect(round('national-2021')).toMatchObject({
      certified: 200,
      source: { decision: '1997/QĐ-BCT', decidedOn: '2021-08-23' },
    });
    expect(round('national-2023')).toMatchObject({
      certified: 173,
      applications: 441,
      provinces: { applied: 59, won: 54 },
      source: { decision: '3116/QĐ-BCT' },
    });
    expect(round('regional-2020-north')).toMatchObject({ certified: 110, applications: 194 });
    expect(round('regional-2022-north')).toMatchObject({
      certified: 141,
      source: { decision: '76/QĐ-CTĐP' },
    });
    expect(round('regional-2022-south')).toMatchObject({
      certified: 200,
      applications: 364,
      source: { decision: '83/QĐ-CTĐP' },
    });
    expect(round('regional-2024')).toMatchObject({ certified: 439, applications: 889, region: 'all' });
    expect(round('regional-2024-north')).toMatchObject({
      certified: 126,
      source: { decision: '44/QĐ-CTĐP' },
    });
    expect(round('regional-2024-south').certified).toBe(189);
  });

  it('leave the 2025 total unpublished, not zero', () => {
    const r = round('national-2025');
    expect(r.certified).toBeUndefined();
    expect(r).toMatchObject({ ordinal: 6, source: { decision: '2568/QĐ-BCT' } });
  });

  it('derive the 2024 central figure, and mark it so', () => {
    expect(round('regional-2024-central')).toMatchObject({
      certified: 124,
      derived: { total: 439, minus: [126, 189] },
    });
    expect(['regional-2024-north', 'regional-2024-south'].some((id) => round(id).derived)).toBe(false);
  });

  it('agree with the published totals and with each other', () => {
    const total = (id: string) => OFFICIAL_TOTALS.find((t) => t.id === id)!.certified;
    expect(sum(['national-2015', 'national-2017', 'national-2019'])).toBe(total('national-2014-2020'));
    expect(sum(['national-2015', 'national-2017', 'national-2019', 'national-2021'])).toBe(
      total('national-2012-2022'),
    );
    expect(total('regional-2014-2020')).toBe(880);
    expect(total('regional-2012-2022')).toBe(1632);
    expect(Object.values(round('national-2015').byGroup!).reduce((a, b) => a + b, 0)).toBe(100);
    for (const r of OFFICIAL_ROUNDS) expect(r.year % 2, r.id).toBe(r.level === 'national' ? 1 : 0);
    expect(new Set(OFFICIAL_ROUNDS.map((r) => r.id)).size).toBe(OFFICIAL_ROUNDS.length);
    // The summary figures on the home page are the same numbers, not copies.
    const fig = (label: string) => OFFICIAL_FIGURES.find((f) => f.label === label)!.value;
    expect([fig('factNational2012'), fig('factRegional2012'), fig('factNational2023')]).toEqual([
      512, 1632, 173,
    ]);
  });
});

describe('counting the catalogue per round', () => {
  const item = (level: CertifiedItem['level'], year: number, region?: CertifiedItem['region']) =>
    ({ level, year, ...(region ? { region } : {}) }) as CertifiedItem;

  it('matches level, year and region', () => {
    const north2024 = { level: 'regional', from: 2024, to: 2024, region: 'north' } as const;
    expect(inScope(item('regional', 2024, 'north'), north2024)).toBe(true);
    expect(inScope(item('regional', 2024, 'south'), north2024)).toBe(false);
    expect(inScope(item('regional', 2022, 'north'), north2024)).toBe(false);
    expect(inScope(item('national', 2024), north2024)).toBe(false);
    expect(inScope(item('regional', 2024, 'central'), { ...north2024, region: 'all' })).toBe(true);
    expect(inScope(item('national', 2023), { level: 'national', from: 2023, to: 2023 })).toBe(true);
    expect(inScope(item('province', 2023), { level: 'national', from: 2023, to: 2023 })).toBe(false);
  });

  it('counts district and commune certificates in no round', () => {
    const items = [
      item('district', 2023),
      item('commune', 2025),
      item('province', 2024),
      item('district', 2024),
    ];
    for (const c of compareRounds(items)) expect(c.catalogue, c.round.id).toBe(0);
    for (const c of compareTotals(items)) expect(c.catalogue, c.total.id).toBe(0);
  });

  it('counts year spans inclusively', () => {
    const items = [2012, 2014, 2016, 2020, 2022].map((y) => item('regional', y, 'south'));
    const totals = Object.fromEntries(compareTotals(items).map((c) => [c.total.id, c.catalogue]));
    expect(totals).toMatchObject({
      'regional-2014-2020': 3,
      'regional-2012-2022': 5,
      'national-2012-2022': 0,
    });
    expect(countInScope(items, { level: 'regional', from: 2016, to: 2016 })).toBe(1);
  });

  it('counts revoked and superseded certificates in the round they were awarded in', () => {
    const catalogue = catalogueOf({
      facilities: [facility('f', 'Cơ sở F', 'Hà Nội')],
      products: [product('a', 'A', 'f', 'food'), product('b', 'B', 'f', 'handicraft')],
      certificates: [
        cert('a-kv-2022', 'a', 'f', 'regional', 2022),
        cert('a-qg-2023', 'a', 'f', 'national', 2023),
        cert('b-qg-2023', 'b', 'f', 'national', 2023, {
          revocation: { date: '2024-01-10', reason: 'Cơ sở ngừng sản xuất' },
        }),
        cert('b-kv-2024', 'b', 'f', 'regional', 2024, { region: 'south' }),
      ],
      listings: [],
    });
    // The premise: one of them is superseded and one revoked on this day.
    const index = new SiteIndex(catalogue, '2024-06-01');
    const statuses = Object.fromEntries(
      ['a', 'b'].flatMap((p) => index.certificatesOf(p).map((c) => [c.certificate.id, c.status])),
    );
    expect(statuses).toMatchObject({ 'a-kv-2022': 'superseded', 'b-qg-2023': 'revoked' });

    const counts = Object.fromEntries(
      compareRounds(certifiedItems(catalogue)).map((c) => [c.round.id, c.catalogue]),
    );
    expect(counts).toMatchObject({
      'national-2023': 2,
      'regional-2022-north': 1,
      'regional-2022-south': 0,
      'regional-2024': 1,
      'regional-2024-south': 1,
      'regional-2024-north': 0,
      'national-2025': 0,
    });
  });

  it('counts the 2015 round by product group', () => {
    const catalogue = catalogueOf({
      facilities: [facility('f', 'Cơ sở F', 'Hà Nội')],
      products: [
        product('a', 'A', 'f', 'food'),
        product('b', 'B', 'f', 'food'),
        product('c', 'C', 'f', 'other'),
      ],
      certificates: [
        cert('a15', 'a', 'f', 'national', 2015),
        cert('b15', 'b', 'f', 'national', 2015),
        cert('c15', 'c', 'f', 'national', 2015),
        cert('c17', 'c', 'f', 'national', 2017),
      ],
      listings: [],
    });
    const r2015 = compareRounds(certifiedItems(catalogue)).find((c) => c.round.id === 'national-2015')!;
    expect(r2015.catalogue).toBe(3);
    expect(Object.fromEntries(r2015.groups.map((g) => [g.group, [g.official, g.catalogue]]))).toEqual({
      handicraft: [25, 0],
      food: [40, 2],
      machinery: [25, 0],
      other: [10, 1],
    });
  });
});

describe('shares and row texts', () => {
  it('formats shares the vi-VN way', () => {
    expect(formatShare(0.455, 'vi')).toBe('45,5\u00a0%');
    expect(formatShare(0.455, 'en')).toBe('45.5%');
    expect(formatShare(1, 'vi')).toBe('100\u00a0%');
    expect(formatShare(45 / 35, 'vi')).toBe('128,6\u00a0%');
  });

  const items: CertifiedItem[] = [
    ...Array.from({ length: 91 }, () => ({ level: 'national' as const, year: 2023 })),
    ...Array.from({ length: 150 }, () => ({
      level: 'regional' as const,
      year: 2024,
      region: 'north' as const,
    })),
  ];
  const rows = (locale: 'vi' | 'en') => roundRowsView(compareRounds(items), locale);
  const row = (locale: 'vi' | 'en', id: string) => rows(locale).find((r) => r.id === id)!;

  it('prints the 2023 national round with its decision and share, in both languages', () => {
    expect(row('vi', 'national-2023')).toMatchObject({
      label: 'Cấp quốc gia 2023',
      official: '173',
      decision: '3116/QĐ-BCT',
      catalogue: '91',
      share: '52,6\u00a0%',
      over: false,
      notes: ['trên 441 hồ sơ', 'hồ sơ từ 59 tỉnh, thành phố; 54 tỉnh, thành phố có sản phẩm đạt'],
    });
    expect(row('en', 'national-2023')).toMatchObject({
      label: 'National 2023',
      official: '173',
      decision: '3116/QĐ-BCT',
      share: '52.6%',
      notes: ['from 441 applications', 'applications from 59 provinces; winners from 54'],
    });
    expect(row('vi', 'national-2021').decision).toBe('1997/QĐ-BCT, 23/08/2021');
    expect(row('en', 'national-2021').decision).toBe('1997/QĐ-BCT, 23 Aug 2021');
    expect(row('en', 'national-2017').decision).toBe('results announcement');
  });

  it('says "not yet published" for 2025, never 0, and shows no share', () => {
    expect(row('vi', 'national-2025')).toMatchObject({ official: 'chưa công bố', share: '—', over: false });
    expect(row('en', 'national-2025')).toMatchObject({
      official: 'not yet published',
      notes: ['national round no. 6'],
      decision: '2568/QĐ-BCT',
    });
  });

  it('flags a catalogue holding more than the official figure', () => {
    expect(row('vi', 'regional-2024-north')).toMatchObject({
      label: 'Cấp khu vực 2024, khu vực phía Bắc',
      official: '126',
      catalogue: '150',
      share: '119\u00a0%',
      over: true,
    });
    expect(row('en', 'regional-2024')).toMatchObject({
      label: 'Regional 2024, all three regions',
      over: false,
    });
  });

  it('marks the derived figure and reads the 2015 groups with their round', () => {
    expect(row('vi', 'regional-2024-central').officialNote).toBe('suy ra: 439 − 126 − 189');
    expect(row('en', 'regional-2024-central').officialNote).toBe('derived: 439 − 126 − 189');
    expect(row('vi', 'regional-2024-north').officialNote).toBeUndefined();
    const groups = rows('vi').filter((r) => r.sub);
    expect(groups.map((g) => g.official)).toEqual(['25', '40', '25', '10']);
    expect(groups.every((g) => g.context === 'Cấp quốc gia 2015')).toBe(true);
    expect(rows('vi').findIndex((r) => r.sub)).toBe(
      rows('vi').findIndex((r) => r.id === 'national-2015') + 1,
    );
  });

  it('prints the totals by period', () => {
    const totals = totalRowsView(compareTotals(items), 'vi');
    expect(totals.map((t) => [t.label, t.official])).toEqual([
      ['Cấp quốc gia 2014–2020', '312'],
      ['Cấp khu vực 2014–2020', '880'],
      ['Cấp quốc gia 2012–2022', '512'],
      ['Cấp khu vực 2012–2022', '1.632'],
    ]);
    expect(totalRowsView(compareTotals(items), 'en')[3]).toMatchObject({
      official: '1,632',
      catalogue: '0',
      share: '0%',
      notes: ['6 rounds'],
    });
  });
});

describe('programmeRoundsView', () => {
  it('builds the tables and both charts from a catalogue, and says when it is sample data', () => {
    const catalogue = catalogueOf({
      facilities: [facility('f', 'Cơ sở F', 'Hà Nội')],
      products: [product('a', 'A', 'f', 'food')],
      certificates: [cert('a-qg-2023', 'a', 'f', 'national', 2023)],
      listings: [],
    });
    const view = programmeRoundsView(catalogue, 'vi');
    expect(view.sample).toBe(true);
    expect(view.rounds.find((r) => r.id === 'national-2023')).toMatchObject({
      catalogue: '1',
      share: '0,6\u00a0%',
    });
    expect(view.totals).toHaveLength(OFFICIAL_TOTALS.length);
    expect(view.national.map((d) => d.label)).toEqual(
      [2015, 2017, 2019, 2021, 2023, 2025].map((y) => `Cấp quốc gia ${y}`),
    );
    expect(view.national.at(-1)).toMatchObject({
      official: undefined,
      officialText: 'chưa công bố',
      catalogueText: '0',
    });
    expect(view.national.at(-2)).toMatchObject({ officialText: '173', catalogueText: '1 (0,6\u00a0%)' });
    expect(view.regional.find((d) => d.label.includes('miền Trung'))!.officialText).toBe('124 (suy ra)');
    expect(view.regional).toHaveLength(OFFICIAL_ROUNDS.filter((r) => r.level === 'regional').length);
  });
});

describe('pairedChartLayout', () => {
  const room = PAIRED_CHART.width - PAIRED_CHART.valueRoom;
  const datum = (official: number | undefined, catalogue: number) => ({
    label: 'x',
    official,
    catalogue,
    officialText: String(official),
    catalogueText: String(catalogue),
  });

  it('puts official and catalogue on one scale, never past the chart', () => {
    const layout = pairedChartLayout([datum(100, 50), datum(50, 200)]);
    const [a, b] = layout.rows;
    expect(a!.official.width).toBe(room / 2);
    expect(a!.catalogue.width).toBe(room / 4);
    expect(b!.catalogue.width).toBe(room);
    for (const r of layout.rows)
      for (const bar of [r.official, r.catalogue]) {
        expect(bar.width).toBeLessThanOrEqual(room);
        expect(bar.textX).toBeGreaterThan(bar.width);
        expect(bar.textX).toBeLessThan(layout.width);
      }
  });

  it('stacks the pair under its label and rows under each other', () => {
    const layout = pairedChartLayout([datum(10, 10), datum(10, 10), datum(10, 10)]);
    const [a, b, c] = layout.rows;
    expect(a!.catalogue.y).toBeGreaterThan(a!.official.y + layout.barHeight - 1);
    expect(b!.labelY).toBeGreaterThan(a!.catalogue.y + layout.barHeight);
    expect(c!.labelY - b!.labelY).toBe(b!.labelY - a!.labelY);
    expect(layout.height).toBeGreaterThanOrEqual(c!.catalogue.y + layout.barHeight);
  });

  it('draws no official bar when the figure is not published, and nothing for zeros', () => {
    const layout = pairedChartLayout([datum(undefined, 3), datum(0, 0)]);
    expect(layout.rows[0]!.official.width).toBe(0);
    expect(layout.rows[0]!.catalogue.width).toBe(room);
    expect(layout.rows[1]!.official.width + layout.rows[1]!.catalogue.width).toBe(0);
    expect(pairedChartLayout([datum(0, 0)]).rows[0]!.catalogue.width).toBe(0);
  });
});
