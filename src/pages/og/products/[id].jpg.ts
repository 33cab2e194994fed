/**
 * /og/products/{id}.jpg: the Open Graph image of a product, drawn on first request and kept
 * under DATA_DIR/og-images. Drawing all of them at build would cost minutes at 12,000
 * products (18 ms each with four at a time on two cores) for images fetched only when a
 * page is shared; on demand, each costs that once.
 */

import path from 'node:path';
import type { APIRoute } from 'astro';
import { dataDir } from '~/config/env';
import { firstUploadedPhoto } from '~/listings/astro';
import { getSiteIndex } from '~/site/astro';
import { levelName } from '~/site/labels';
import { productOgImage } from '~/site/og-image';
import { productPhotoFile } from '~/site/photo-files';
import { uiStrings } from '~/ui/strings';

export const prerender = false;

export const GET: APIRoute = async ({ params }) => {
  const index = await getSiteIndex();
  const card = index.cards.get(params.id ?? '');
  if (!card)
    return new Response('Not found', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  const { product, facility, province, headline } = card;
  const ui = uiStrings('vi');
  // The facility's first uploaded photo, else the catalogue's own picture (perhaps a drawing).
  const [uploaded, photo] = await Promise.all([firstUploadedPhoto(product.id), productPhotoFile(product.id)]);
  // One image for both locales, in Vietnamese: the language products and facilities are named in.
  const image = await productOgImage(
    {
      siteName: ui('siteName'),
      name: product.name,
      byline: `${facility.name} · ${province.name}`,
      ...(headline
        ? { certification: `${levelName(headline.certificate.level, 'vi')} · ${headline.certificate.year}` }
        : {}),
      tagline: ui('siteTagline'),
      ...(uploaded ? { uploadedPhoto: { id: uploaded.id, bytes: uploaded.bytes } } : {}),
      ...(photo ? { photoPath: photo.photo } : {}),
      ...(photo?.illustration ? { photoLabel: ui('illustrationLabel') } : {}),
    },
    product.id,
    path.join(dataDir(), 'og-images'),
  );
  return new Response(new Uint8Array(image), {
    // An hour: a photo a facility uploads reaches shared links the same day.
    headers: { 'content-type': 'image/jpeg', 'cache-control': 'public, max-age=3600' },
  });
};
