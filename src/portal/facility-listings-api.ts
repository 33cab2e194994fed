/**
 * PUT /api/facility/listings/{productId} (PRODUCT.md, facility API): a facility's own system
 * saves a product's listing. The body is checked by the same rules as the portal's editor
 * (src/listings/listing-input.ts); saved, it is shown everywhere within seconds. `If-Match:
 * "rev-N"` makes the save conditional on the listing still being at revision N (412 if not).
 */
import { z } from 'zod';
import type { Actor } from '~/db/audit-log';
import type { Database } from '~/db/client';
import { apiError, json, parseJsonBody } from '~/http/json';
import { type ListingBody, parseListing, problemMessages } from '~/listings';
import type { SaveOptions, SaveOutcome } from '~/listings/astro';
import type { RateLimiter } from '~/security/rate-limit';
import { authenticateFacilityRequest } from './facility-api-auth';

export interface FacilityListingsDeps {
  db: Database;
  /** Whether the product exists and is the facility's (productOfFacility). */
  lookup: (
    productId: string,
    facilityId: string,
  ) => Promise<{ ok: true } | { ok: false; reason: 'unknown_product' | 'other_facility' }>;
  save: (actor: Actor, productId: string, listing: ListingBody, options: SaveOptions) => Promise<SaveOutcome>;
  limiter?: RateLimiter | undefined;
  now?: Date | undefined;
}

const REVISION_TAG = /^\s*(?:W\/)?"rev-(\d+)"\s*$/;

const revisionTag = (revision: number) => `"rev-${revision}"`;

export async function handleFacilityListingPut(
  request: Request,
  productId: string,
  deps: FacilityListingsDeps,
): Promise<Response> {
  const auth = await authenticateFacilityRequest(deps.db, request, {
    scope: 'listings:write',
    limiter: deps.limiter,
    now: deps.now,
  });
  if (!auth.ok) return auth.response;
  const owner = await deps.lookup(productId, auth.caller.facilityId);
  if (!owner.ok)
    return owner.reason === 'unknown_product'
      ? apiError(404, 'not_found', `No certified product "${productId}".`)
      : apiError(403, 'forbidden', `Product "${productId}" is not one of this facility's products.`);

  const ifMatch = request.headers.get('if-match');
  const expected = ifMatch ? REVISION_TAG.exec(ifMatch)?.[1] : undefined;
  if (ifMatch && expected === undefined)
    return apiError(400, 'invalid_request', 'If-Match must be a listing ETag such as "rev-3".');

  const body = await parseJsonBody(request, z.unknown());
  if (!body.ok) return body.response;
  const parsed = parseListing(body.data);
  if (!parsed.ok)
    return apiError(
      400,
      'invalid_request',
      'The listing has invalid fields.',
      problemMessages(parsed.problems, 'en'),
    );

  const outcome = await deps.save(auth.caller.actor, productId, parsed.listing, {
    expectedRevision: expected === undefined ? undefined : Number(expected),
  });
  if (!outcome.ok) {
    if (outcome.reason === 'problems')
      return apiError(
        400,
        'invalid_request',
        'The listing has invalid fields.',
        problemMessages(outcome.problems, 'en'),
      );
    if (outcome.reason === 'conflict')
      return apiError(
        412,
        'precondition_failed',
        `The listing changed since: it is at revision ${outcome.currentRevision} now.`,
      );
    return apiError(409, 'conflict', 'The listing could not be saved.');
  }
  const { saved } = outcome;
  return json(
    {
      productId,
      revision: saved.revision,
      url: `/products/${productId}/`,
      listing: saved.listing && {
        description: saved.listing.description ?? null,
        variants: saved.listing.variants.map((v) => ({
          ...v,
          // Units left to sell (what orders take from), where stock is tracked.
          ...(v.stock === undefined ? {} : { stock: saved.stock[v.sku] ?? v.stock }),
        })),
      },
    },
    200,
    { etag: revisionTag(saved.revision) },
  );
}
