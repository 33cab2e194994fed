/**
 * /og/products/{id}.jpg: the Open Graph image of a product, drawn at build with sharp (several
 * at a time) and cached across builds, so an unchanged rebuild only copies bytes.
 */
import type { APIRoute } from 'astro';
import { getSiteIndex } from '../../../site/astro';
import { levelName } from '../../../site/labels';
import { drawAhead, type OgCard } from '../../../site/og-image';
import { productPhotoFiles } from '../../../site/photo-files';
import { uiStrings } from '../../../ui/strings';

export async function getStaticPaths() {
  const index = await getSiteIndex();
  return index.ordered.map((id) => ({ params: { id } }));
}

async function cardOf(id: string): Promise<OgCard> {
  const { product, facility, province, headline } = (await getSiteIndex()).card(id);
  const ui = uiStrings('vi');
  const [photoPath] = await productPhotoFiles(id);
  // One image for both locales, in Vietnamese: the language products and facilities are named in.
  return {
    siteName: ui('siteName'),
    name: product.name,
    byline: `${facility.name} · ${province.name}`,
    ...(headline ? { certification: `${levelName(headline.certificate.level, 'vi')} · ${headline.certificate.year}` } : {}),
    tagline: ui('siteTagline'),
    ...(photoPath ? { photoPath } : {}),
  };
}

let take: ((id: string) => Promise<Buffer>) | undefined;

export const GET: APIRoute = async ({ params }) => {
  take ??= drawAhead((await getSiteIndex()).ordered, cardOf);
  const image = await take(params.id!);
  return new Response(new Uint8Array(image), { headers: { 'content-type': 'image/jpeg' } });
};
