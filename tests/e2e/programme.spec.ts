/**
 * /programme/ in official figures, in Chromium on the built site, in both languages: the 2023
 * national round shows its official 173 and decision 3116/QĐ-BCT beside the number of 2023
 * national certificates in the content files the site was built from, 2025 says "not yet
 * published" (never 0), the 2024 central figure is marked as derived, both charts have a text
 * alternative, the section ships no script, and axe finds nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const CONTENT = process.env.CONTENT_DIR ?? 'content';

/** National certificates of the 2023 round in the content files, whatever their status. */
function national2023(): number {
  const certificates = JSON.parse(readFileSync(path.join(CONTENT, 'registry/certificates.json'), 'utf8')) as {
    level: string;
    year: number;
  }[];
  return certificates.filter((c) => c.level === 'national' && c.year === 2023).length;
}

const CASES = [
  {
    locale: 'vi',
    path: '/programme/',
    tag: 'vi-VN',
    caption: 'Số sản phẩm được công nhận theo đợt: số chính thức và số trong danh mục',
    label: 'Cấp quốc gia 2023',
    notPublished: 'chưa công bố',
    derived: 'suy ra: 439 − 126 − 189',
    share: /^\d+(,\d)?\u00a0%/,
    charts: [
      'Cấp quốc gia: số chính thức và số trong danh mục',
      'Cấp khu vực: số chính thức và số trong danh mục',
    ],
  },
  {
    locale: 'en',
    path: '/en/programme/',
    tag: 'en-GB',
    caption: 'Products certified by round: official figure and in the catalogue',
    label: 'National 2023',
    notPublished: 'not yet published',
    derived: 'derived: 439 − 126 − 189',
    share: /^\d+(\.\d)?%/,
    charts: [
      'National rounds: official figure and in the catalogue',
      'Regional rounds: official figure and in the catalogue',
    ],
  },
] as const;

for (const c of CASES) {
  test(`${c.path} shows each round's official figure beside the catalogue's (${c.locale})`, async ({
    page,
  }) => {
    await page.goto(c.path);
    const table = page.getByRole('table', { name: c.caption });
    await expect(table).toBeVisible();

    const row = table.locator('#round-national-2023');
    await expect(row.getByRole('rowheader')).toHaveText(c.label);
    const cells = row.getByRole('cell');
    await expect(cells.nth(0)).toHaveText('3116/QĐ-BCT');
    await expect(cells.nth(1)).toHaveText('173');
    await expect(cells.nth(2)).toHaveText(new Intl.NumberFormat(c.tag).format(national2023()));
    await expect(cells.nth(3)).toHaveText(c.share);

    const next = table.locator('#round-national-2025').getByRole('cell');
    await expect(next.nth(0)).toHaveText('2568/QĐ-BCT');
    await expect(next.nth(1)).toHaveText(c.notPublished);
    await expect(next.nth(3)).toHaveText('—');
    await expect(table.locator('#round-regional-2024-central').getByRole('cell').nth(1)).toContainText(
      c.derived,
    );

    for (const title of c.charts) {
      const chart = page.getByRole('img', { name: new RegExp(`^${title}`) });
      await expect(chart).toBeVisible();
    }
    await expect(page.locator('#rounds-national-desc')).toContainText(c.label);
    await expect(page.locator('section[aria-labelledby="rounds"] script')).toHaveCount(0);

    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`),
    ).toEqual([]);
  });
}
