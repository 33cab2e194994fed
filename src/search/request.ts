/**
 * Search parameters in a URL, shared by GET /api/search and the /search/ page:
 * q, group, level, region, province, availability (each one value, a comma-separated list,
 * or the parameter repeated, as a GET form with checkboxes sends it), priceMin, priceMax,
 * hasListing, sort, page, limit.
 */
import { z } from 'zod';
import { AVAILABILITIES, findProvince, LEVELS, PRODUCT_GROUPS, REGIONS } from '~/catalogue';
import { DEFAULT_LIMIT, MAX_LIMIT, type SearchQuery, SORTS } from './types';

const MAX_QUERY_LENGTH = 200;
/** Deep pages of a search are never read; the cap keeps a crawler from asking for page 10⁹. */
const MAX_PAGE = 500;

const commaList = z.string().transform((s) =>
  s
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== ''),
);

const oneOf = <U extends string, T extends Readonly<[U, ...U[]]>>(values: T) =>
  commaList.pipe(z.array(z.enum(values))).transform((list) => [...new Set(list)]);

const provinces = commaList
  .pipe(
    z.array(
      z.string().transform((name, ctx) => {
        const match = findProvince(name);
        if (!match) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: `unknown province "${name}"` });
          return z.NEVER;
        }
        return match.current.name;
      }),
    ),
  )
  .transform((list) => [...new Set(list)]);

const vnd = z.coerce
  .number({ invalid_type_error: 'expected a whole number of đồng' })
  .int('expected a whole number of đồng')
  .min(0);

export const searchParamsSchema = z
  .object({
    q: z.string().trim().max(MAX_QUERY_LENGTH, `at most ${MAX_QUERY_LENGTH} characters`).default(''),
    group: oneOf(PRODUCT_GROUPS).optional(),
    level: oneOf(LEVELS).optional(),
    region: oneOf(REGIONS).optional(),
    province: provinces.optional(),
    availability: oneOf(AVAILABILITIES).optional(),
    priceMin: vnd.optional(),
    priceMax: vnd.optional(),
    hasListing: z
      .enum(['true', 'false', '1', '0'], { message: 'expected true or false' })
      .transform((v) => v === 'true' || v === '1')
      .optional(),
    sort: z.enum(SORTS).default('relevance'),
    page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
    /** Larger requests are served at MAX_LIMIT rather than refused. */
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .default(DEFAULT_LIMIT)
      .transform((n) => Math.min(n, MAX_LIMIT)),
  })
  .refine((p) => p.priceMin === undefined || p.priceMax === undefined || p.priceMin <= p.priceMax, {
    message: 'priceMin is above priceMax',
    path: ['priceMin'],
  });

export type SearchParams = z.infer<typeof searchParamsSchema>;

/** The URL with repeated parameters joined by commas (group=food&group=other → group=food,other). */
export function joinRepeatedParams(url: URL): URL {
  const joined = new URL(url);
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key).filter((v) => v !== '');
    joined.searchParams.delete(key);
    if (values.length > 0) joined.searchParams.set(key, values.join(','));
  }
  return joined;
}

export function toSearchQuery(p: SearchParams): SearchQuery {
  const filters: SearchQuery['filters'] = {};
  if (p.group?.length) filters.group = p.group;
  if (p.level?.length) filters.level = p.level;
  if (p.region?.length) filters.region = p.region;
  if (p.province?.length) filters.province = p.province;
  if (p.availability?.length) filters.availability = p.availability;
  if (p.priceMin !== undefined) filters.priceMin = p.priceMin;
  if (p.priceMax !== undefined) filters.priceMax = p.priceMax;
  if (p.hasListing !== undefined) filters.hasListing = p.hasListing;
  return { q: p.q, filters, sort: p.sort, page: p.page, limit: p.limit };
}
