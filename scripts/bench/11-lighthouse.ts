/**
 * Lighthouse (mobile, simulated throttling) on the catalogue pages — home, a browse page, a
 * product, a facility and /programme/, in Vietnamese and English — against the built site
 * served locally (offline). Targets: performance ≥ 95, accessibility 100, best practices ≥ 95,
 * SEO 100; each page's scores are printed with the audits that cost points.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { localePath } from '~/i18n/locales';
import { catalogueExamples } from '~tests/e2e/catalogue-examples';
import type { BenchContext } from '../lib/bench-context';

const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 95, seo: 100 } as const;
type Category = keyof typeof TARGETS;

export async function run(ctx: BenchContext): Promise<void> {
  const server = await ctx.startServer({ DATA_DIR: '.bench/lighthouse-data' });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const missed: string[] = [];
  try {
    const { pages } = catalogueExamples();
    for (const locale of ['vi', 'en'] as const) {
      for (const { name, path } of pages) {
        const url = `${server.url}${localePath(locale, path)}`;
        const result = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: Object.keys(TARGETS),
        });
        if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
        const { lhr } = result;
        const scores = Object.fromEntries(
          (Object.keys(TARGETS) as Category[]).map((c) => [
            c,
            Math.round((lhr.categories[c]?.score ?? 0) * 100),
          ]),
        ) as Record<Category, number>;
        const lost = Object.values(lhr.audits)
          .filter(
            (a) =>
              a.score !== null &&
              a.score < 1 &&
              a.scoreDisplayMode !== 'informative' &&
              a.scoreDisplayMode !== 'manual',
          )
          .filter((a) =>
            (Object.keys(TARGETS) as Category[]).some((c) =>
              lhr.categories[c]?.auditRefs.some((r) => r.id === a.id && r.weight > 0),
            ),
          )
          .map((a) => a.id);
        ctx.record(`lighthouse ${locale} ${name}`, {
          ...scores,
          lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
          tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
          cls: Math.round((lhr.audits['cumulative-layout-shift']?.numericValue ?? 0) * 1000) / 1000,
          lostPointsOn: lost.join(' ') || '-',
        });
        for (const c of Object.keys(TARGETS) as Category[]) {
          if (scores[c] < TARGETS[c]) missed.push(`${locale} ${name} ${c} ${scores[c]} < ${TARGETS[c]}`);
        }
      }
    }
  } finally {
    await chrome.kill();
    await server.stop();
  }
  console.log(
    missed.length === 0
      ? 'Lighthouse: every target met.'
      : `Lighthouse: targets missed:\n  ${missed.join('\n  ')}`,
  );
}
