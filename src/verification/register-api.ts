/**
 * GET /verify/register.json and /verify/register.csv (?lang=en for English): the open register with
 * live statuses (revocations included), on request. Built once per catalogue version, day
 * and language, then served from memory; caches may keep it five minutes.
 */
import type { APIRoute } from 'astro';
import type { Catalogue } from '~/catalogue';
import { todayInVietnam } from '~/catalogue';
import { env } from '~/config/env';
import type { Locale } from '~/i18n/locales';
import { liveCatalogue } from './astro';
import { registerCsv, registerJson, registerRows } from './register';

const built = new WeakMap<Catalogue, Map<string, string>>();

export function registerRoute(format: 'json' | 'csv'): APIRoute {
  return async ({ url }) => {
    const locale: Locale = url.searchParams.get('lang') === 'en' ? 'en' : 'vi';
    const catalogue = await liveCatalogue();
    const asOf = todayInVietnam();
    const key = `${asOf}:${locale}:${format}`;
    let bodies = built.get(catalogue);
    if (!bodies) {
      bodies = new Map();
      built.set(catalogue, bodies);
    }
    let body = bodies.get(key);
    if (body === undefined) {
      // One day's and language's bodies at a time: drop yesterday's.
      for (const k of bodies.keys()) if (!k.startsWith(`${asOf}:`)) bodies.delete(k);
      const rows = registerRows(catalogue, asOf, env().PUBLIC_SITE_URL, locale);
      body = format === 'json' ? JSON.stringify(registerJson(rows, asOf)) : registerCsv(rows, locale);
      bodies.set(key, body);
    }
    const name = `so-dang-ky-cnnt-${asOf}.${format}`;
    return new Response(body, {
      headers: {
        'content-type': format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
        'content-disposition': `${format === 'csv' ? 'attachment' : 'inline'}; filename="${name}"`,
        'cache-control': 'public, max-age=300',
        'access-control-allow-origin': '*',
      },
    });
  };
}
