/**
 * Puts the facility's uploaded photo into the verification page's figure (which the build
 * filled with the catalogue's picture, usually a drawing): the image, no "illustration" label,
 * and the "compare the package with this photo" wording, which the page carries in
 * `data-photo-hint` (no strings in the script). Without an upload nothing is touched.
 */
import type { Locale } from '~/i18n/locales';
import { livePhotoSwap } from '~/verification/live-photo';

export function showLivePhoto(photo: unknown, locale: Locale): void {
  const figure = document.querySelector<HTMLElement>('[data-verify-photo]');
  if (!figure) return;
  const swap = livePhotoSwap(photo, locale, figure.dataset.photoAlt ?? '');
  if (!swap) return;
  let img = figure.querySelector('img');
  if (!img) {
    // The page had no picture at all ("no photo yet"): the photo takes that sentence's place.
    img = document.createElement('img');
    img.decoding = 'async';
    const none = figure.querySelector('[data-no-photo]');
    if (none) none.replaceWith(img);
    else figure.prepend(img);
  }
  // srcset and sizes before src, so the browser picks from the new set once.
  img.srcset = swap.srcset;
  img.sizes = swap.sizes;
  img.src = swap.src;
  img.alt = swap.alt;
  img.width = swap.width;
  img.height = swap.height;
  for (const label of figure.querySelectorAll('[data-illustration-label]')) label.remove();
  const hint = figure.querySelector('[data-compare-hint]');
  if (hint && figure.dataset.photoHint) hint.textContent = figure.dataset.photoHint;
}
