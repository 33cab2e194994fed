/** /og/products/{id}.jpg: the Open Graph image of a product, drawn at build (cached across builds). */
import type { APIRoute } from 'astro';
import { getSiteIndex } from '../../../site/astro';
import { levelName } from '../../../site/labels';
import { productOgImage } from '../../../site/og-image';
import { productPhotoFiles } from '../../../site/photo-files';
import { uiStrings } from '../../../ui/strings';

export async function getStaticPaths() {
  const index = await getSiteIndex();
  return index.ordered.map((id) => ({ params: { id } }));
}

export const GET: APIRoute = async ({ params }) => {
  const index = await getSiteIndex();
  const { product, facility, province, headline } = index.card(params.id!);
  const ui = uiStrings('vi');
  const [photoPath] = await productPhotoFiles(product.id);
  // Shared by both locales: Vietnamese, the language the product and facility are named in.
  const image = await productOgImage({
    siteName: ui('siteName'),
    name: product.name,
    byline: `${facility.name} · ${province.name}`,
    ...(headline ? { certification: `${levelName(headline.certificate.level, 'vi')} · ${headline.certificate.year}` } : {}),
    tagline: ui('siteTagline'),
    ...(photoPath ? { photoPath } : {}),
  });
  return new Response(new Uint8Array(image), { headers: { 'content-type': 'image/jpeg' } });
};
