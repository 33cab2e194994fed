/**
 * /facility/products/{productId}/photos/: a product's uploaded photos, added (multipart form),
 * described, moved up or down and deleted (a second submit confirms) by the people the portal
 * lets see the product's facility: its members, or staff. The facility is the product's, as
 * the registry says, whatever ?facility= asks: a member of another facility gets 403 before the
 * form is even read. Every change redirects back (redirect-after-post) with a notice.
 */
import { actorOf } from '~/accounts/astro';
import { type Catalogue, productPath } from '~/catalogue';
import type { Database } from '~/db/client';
import { BodyTooLarge, limitedFormData } from '~/http/limited-form';
import type { Locale } from '~/i18n/locales';
import { photoSrcset, photoUrl } from '~/listings';
import {
  addPhoto,
  deletePhoto,
  listPhotos,
  MAX_PHOTOS_PER_PRODUCT,
  movePhoto,
  PHOTO_FORM_MAX_BYTES,
  type PhotoProblem,
  type PhotoTarget,
  parseAltText,
  photoProblemStrings,
  processPhoto,
  type StoredPhoto,
  updatePhoto,
} from '~/listings/astro';
import { photosStrings } from './photos-strings';
import { type PortalContext, type PortalPrincipal, portalContext, portalStatus } from './portal-page';

export interface PhotoRow {
  id: string;
  /** 1-based, as people count. */
  n: number;
  src: string;
  srcset: string;
  width: number;
  height: number;
  alt: { vi: string; en: string };
  first: boolean;
  last: boolean;
}

export interface PhotosPageState {
  product: { id: string; name: string; publicPath: string };
  photos: PhotoRow[];
  max: number;
  full: boolean;
  /** The upload form's alt texts (kept when the upload is refused). */
  values: { alt: string; altEn: string };
  fieldErrors: { photo?: string; alt?: string; altEn?: string };
  /** A refused alt edit: what was typed and why, shown on that photo's row. */
  editing?: { id: string; alt: string; altEn: string; field: 'alt' | 'altEn'; error: string };
  /** The photo a first "delete" asked about: the page asks to confirm. */
  confirmDelete?: PhotoRow;
  notice?: string;
  error?: string;
}

export type PhotosPageOutcome =
  | {
      kind: 'page';
      context: PortalContext;
      status: number;
      state: PhotosPageState | null;
      /** Set when the product itself is unknown (404). */
      missingProduct?: string;
    }
  | { kind: 'redirect'; location: string };

export interface PhotosPageDeps {
  db: Database;
  /** The registry as the files hold it now. */
  catalogue: Catalogue;
  /** After a change: this server shows it at once (listingsChanged). */
  changed: () => Promise<void>;
}

const NOTICES = ['added', 'saved', 'moved', 'deleted'] as const;
type Notice = (typeof NOTICES)[number];

function row(photo: StoredPhoto, index: number, count: number): PhotoRow {
  return {
    id: photo.id,
    n: index + 1,
    src: photoUrl(photo.id, Math.min(photo.width, 320)),
    srcset: photoSrcset(photo),
    width: photo.width,
    height: photo.height,
    alt: { vi: photo.alt.vi, en: photo.alt.en ?? '' },
    first: index === 0,
    last: index === count - 1,
  };
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, 2000) : '';
};

export async function photosPageState(
  deps: PhotosPageDeps,
  request: Request,
  locale: Locale,
  principal: PortalPrincipal,
  productId: string | undefined,
): Promise<PhotosPageOutcome> {
  const t = photosStrings(locale);
  const problem = photoProblemStrings(locale);
  const url = new URL(request.url);
  const product = deps.catalogue.productById.get(productId ?? '');
  if (!product)
    return {
      kind: 'page',
      context: portalContext(principal, url, deps.catalogue),
      status: 404,
      state: null,
      missingProduct: productId ?? '',
    };
  // The product's facility decides, not ?facility=: members of it or staff only.
  const asked = new URL(url);
  asked.searchParams.set('facility', product.facilityId);
  const context = portalContext(principal, asked, deps.catalogue);
  if (context.kind !== 'facility')
    return { kind: 'page', context, status: portalStatus(context), state: null };
  const target: PhotoTarget = { productId: product.id, facilityId: product.facilityId };
  const actor = () => actorOf(principal);
  const back = (notice: Notice, id?: string) => {
    const query = new URLSearchParams(context.query.slice(1));
    query.set(notice, id ?? '1');
    return { kind: 'redirect', location: `${url.pathname}?${query}` } as const;
  };

  let status = 200;
  const state: PhotosPageState = {
    product: { id: product.id, name: product.name, publicPath: productPath(product.id) },
    photos: [],
    max: MAX_PHOTOS_PER_PRODUCT,
    full: false,
    values: { alt: '', altEn: '' },
    fieldErrors: {},
  };
  const refuse = (code: number, message: string) => {
    status = code;
    state.error = message;
  };
  const problemStatus = (p: PhotoProblem) => (p === 'too_large' ? 413 : p === 'too_many_photos' ? 409 : 400);

  /** A first "delete": the page asks to confirm, naming the photo (from the list read below). */
  let confirmId: string | undefined;
  if (request.method === 'POST') {
    let form: FormData | undefined;
    try {
      form = await limitedFormData(request, PHOTO_FORM_MAX_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        status = 413;
        state.fieldErrors.photo = problem('too_large');
      } else refuse(400, t('errForm'));
    }
    const action = form?.get('action');
    const id = form ? text(form, 'id') : '';
    if (form && action === 'upload') {
      state.values = { alt: text(form, 'alt'), altEn: text(form, 'altEn') };
      const file = form.get('photo');
      const alt = parseAltText(state.values.alt, state.values.altEn);
      if (!(file instanceof Blob) || file.size === 0) state.fieldErrors.photo = problem('photo_required');
      if (!alt.ok) state.fieldErrors[alt.field] = problem(alt.problem);
      if (alt.ok && file instanceof Blob && file.size > 0) {
        const processed = await processPhoto(new Uint8Array(await file.arrayBuffer()));
        if (!processed.ok) {
          status = problemStatus(processed.problem);
          state.fieldErrors.photo = problem(processed.problem);
        } else {
          const added = await addPhoto(deps.db, actor(), target, alt.alt, processed.photo);
          if (added.ok) {
            await deps.changed();
            return back('added', added.photo.id);
          }
          refuse(problemStatus(added.problem), problem(added.problem));
        }
      } else status = 400;
    } else if (form && action === 'alt') {
      const values = { alt: text(form, 'alt'), altEn: text(form, 'altEn') };
      const alt = parseAltText(values.alt, values.altEn);
      if (!alt.ok) {
        status = 400;
        state.editing = { id, ...values, field: alt.field, error: problem(alt.problem) };
      } else if (await updatePhoto(deps.db, actor(), target, id, alt.alt)) {
        await deps.changed();
        return back('saved', id);
      } else refuse(404, t('errUnknownPhoto'));
    } else if (form && action === 'move') {
      const direction = form.get('direction');
      if (direction !== 'up' && direction !== 'down') refuse(400, t('errForm'));
      else {
        const moved = await movePhoto(deps.db, actor(), target, id, direction);
        if (moved === 'mismatch') refuse(404, t('errUnknownPhoto'));
        else {
          if (moved === 'reordered') await deps.changed();
          return back('moved', id);
        }
      }
    } else if (form && action === 'delete') {
      if (form.get('confirm') === 'yes') {
        if (await deletePhoto(deps.db, actor(), target, id)) {
          await deps.changed();
          return back('deleted');
        }
        refuse(404, t('errUnknownPhoto'));
      } else confirmId = id;
    } else if (form) refuse(400, t('errForm'));
  }

  const photos = await listPhotos(deps.db, product.id);
  state.photos = photos.map((p, i) => row(p, i, photos.length));
  state.full = photos.length >= MAX_PHOTOS_PER_PRODUCT;
  if (confirmId !== undefined) {
    const asked = state.photos.find((p) => p.id === confirmId);
    if (asked) state.confirmDelete = asked;
    else refuse(404, t('errUnknownPhoto'));
  }
  if (request.method === 'GET') {
    const notice = NOTICES.find((n) => url.searchParams.has(n));
    if (notice) state.notice = t(notice);
  }
  return { kind: 'page', context, status, state };
}
