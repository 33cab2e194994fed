/**
 * The facility API's photo routes (PRODUCT.md): POST /api/facility/products/{productId}/photos
 * (multipart, field `photo`, optional `alt` and `altEn`) and DELETE …/photos/{photoId}. Scope
 * `photos:write`; only the token's own facility's products (403 `forbidden` otherwise, checked
 * before the body is read). The upload is refused while it is read once it passes 10 MB (413),
 * typed by its bytes, resized and stripped of its metadata (~/listings photo-processing), and
 * shown everywhere within seconds. Errors name the problem in English, as the API's others do.
 */
import type { Catalogue } from '~/catalogue';
import type { Database } from '~/db/client';
import { apiError, json } from '~/http/json';
import { BodyTooLarge, limitedFormData } from '~/http/limited-form';
import { photoJson } from '~/listings';
import {
  addPhoto,
  deletePhoto,
  PHOTO_FORM_MAX_BYTES,
  type PhotoProblem,
  type PhotoTarget,
  parseAltText,
  photoProblemStrings,
  processPhoto,
  type StoredPhoto,
} from '~/listings/astro';
import type { RateLimiter } from '~/security/rate-limit';
import { authenticateFacilityRequest, type FacilityApiCaller } from './facility-api-auth';

export interface FacilityPhotosDeps {
  db: Database;
  /** The registry as the files hold it now: which facility a product is (read after the token). */
  catalogue: () => Promise<Catalogue>;
  /** After a change: this server shows it at once (listingsChanged). */
  changed: () => Promise<void>;
  limiter?: RateLimiter | undefined;
  now?: Date | undefined;
}

const PHOTO_ID = /^[a-z0-9]{16,40}$/;
const say = photoProblemStrings('en');

const STATUS: Record<PhotoProblem, number> = {
  photo_required: 400,
  not_an_image: 400,
  unreadable: 400,
  too_small: 400,
  too_many_pixels: 400,
  alt_required: 400,
  alt_too_long: 400,
  too_large: 413,
  too_many_photos: 409,
};

function refused(problem: PhotoProblem, field?: string): Response {
  return apiError(STATUS[problem], problem, say(problem), field ? { [field]: say(problem) } : undefined);
}

type Authorised =
  | { ok: true; caller: FacilityApiCaller; target: PhotoTarget; productName: string }
  | { ok: false; response: Response };

/** The token, then the product: unknown (404) or another facility's (403). */
async function authorise(
  request: Request,
  productId: string | undefined,
  deps: FacilityPhotosDeps,
): Promise<Authorised> {
  const auth = await authenticateFacilityRequest(deps.db, request, {
    scope: 'photos:write',
    limiter: deps.limiter,
    now: deps.now,
  });
  if (!auth.ok) return auth;
  const product = (await deps.catalogue()).productById.get(productId ?? '');
  if (!product)
    return {
      ok: false,
      response: apiError(404, 'not_found', `There is no certified product "${productId}".`),
    };
  if (product.facilityId !== auth.caller.facilityId)
    return {
      ok: false,
      response: apiError(
        403,
        'forbidden',
        'This product belongs to another facility: its photos cannot be changed with this token.',
      ),
    };
  return {
    ok: true,
    caller: auth.caller,
    target: { productId: product.id, facilityId: product.facilityId },
    productName: product.name,
  };
}

/** A new photo: as GET /api/products/{id} lists photos, with each width's URL and its place. */
export function uploadedPhotoJson(photo: StoredPhoto) {
  return { ...photoJson(photo), urls: photo.urls, position: photo.position };
}

export async function handleAddPhoto(
  request: Request,
  productId: string | undefined,
  deps: FacilityPhotosDeps,
): Promise<Response> {
  const allowed = await authorise(request, productId, deps);
  if (!allowed.ok) return allowed.response;
  let form: FormData;
  try {
    form = await limitedFormData(request, PHOTO_FORM_MAX_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return refused('too_large', 'photo');
    return apiError(
      400,
      'invalid_request',
      'Send the photo as multipart/form-data, in the field "photo" (optional fields: "alt", "altEn").',
    );
  }
  const file = form.get('photo');
  if (!(file instanceof Blob)) return refused('photo_required', 'photo');
  // Without a description the product's name stands in: better than an empty alt text.
  const given = form.get('alt');
  const alt = parseAltText(
    typeof given === 'string' && given.trim() !== '' ? given : allowed.productName,
    form.get('altEn'),
  );
  if (!alt.ok) return refused(alt.problem, alt.field);
  const processed = await processPhoto(new Uint8Array(await file.arrayBuffer()));
  if (!processed.ok) return refused(processed.problem, 'photo');
  const added = await addPhoto(deps.db, allowed.caller.actor, allowed.target, alt.alt, processed.photo);
  if (!added.ok) return refused(added.problem);
  await deps.changed();
  return json(uploadedPhotoJson(added.photo), 201, { location: added.photo.url });
}

export async function handleDeletePhoto(
  request: Request,
  productId: string | undefined,
  photoId: string | undefined,
  deps: FacilityPhotosDeps,
): Promise<Response> {
  const allowed = await authorise(request, productId, deps);
  if (!allowed.ok) return allowed.response;
  const deleted =
    PHOTO_ID.test(photoId ?? '') &&
    (await deletePhoto(deps.db, allowed.caller.actor, allowed.target, photoId!));
  if (!deleted)
    return apiError(404, 'not_found', `The product "${allowed.target.productId}" has no photo "${photoId}".`);
  await deps.changed();
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
}
