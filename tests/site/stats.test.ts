import { describe, expect, it } from 'vitest';
import { barChartLayout } from '~/site/charts';
import { SiteIndex } from '~/site/site-index';
import { programmeStats } from '~/site/stats';
import { AS_OF, fixtureCatalogue } from './fixture';

describe('programmeStats', () => {
  const stats = programmeStats(new SiteIndex(fixtureCatalogue(), AS_OF));

  it('counts certificates by level (high first), year, region, province and status', () => {
    expect(stats.certificates).toBe(5);
    expect(stats.products).toBe(4);
    expect(stats.facilities).toBe(3);
    expect(stats.provinces).toBe(3);
    expect(stats.byLevel).toEqual([
      { level: 'national', count: 1 },
      { level: 'regional', count: 1 },
      { level: 'province', count: 2 },
      { level: 'district', count: 1 },
    ]);
    expect(stats.byYear.map((y) => y.year)).toEqual([2016, 2019, 2021, 2022, 2023]);
    expect(stats.byRegion).toEqual([
      { region: 'north', count: 3 },
      { region: 'central', count: 1 },
      { region: 'south', count: 1 },
    ]);
    expect(stats.byProvince).toHaveLength(34);
    expect(stats.byProvince[0]).toMatchObject({ count: 3, province: { name: 'Hà Nội' } });
    expect(Object.fromEntries(stats.byStatus.map((s) => [s.status, s.count]))).toEqual({
      valid: 2,
      expired: 1,
      revoked: 1,
      superseded: 1,
    });
  });
});

describe('barChartLayout', () => {
  it('scales bars to the largest value and stacks rows', () => {
    const layout = barChartLayout([
      { label: 'A', value: 10, valueText: '10' },
      { label: 'B', value: 5, valueText: '5' },
      { label: 'C', value: 0, valueText: '0' },
    ]);
    const [a, b, c] = layout.rows;
    expect(a!.barWidth).toBe(2 * b!.barWidth);
    expect(c!.barWidth).toBe(0);
    expect(b!.barY - a!.barY).toBe(layout.rows[2]!.barY - b!.barY);
    expect(layout.height).toBeGreaterThan(c!.barY + layout.barHeight);
    expect(a!.valueX).toBeGreaterThan(a!.barWidth);
  });

  it('draws nothing for an all-zero series', () => {
    expect(barChartLayout([{ label: 'A', value: 0, valueText: '0' }]).rows[0]!.barWidth).toBe(0);
  });
});
