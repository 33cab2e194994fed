/**
 * What the verification page shows beside the certificate for comparing with the package, and
 * how it words the comparison. A drawing (src/catalogue/illustration-mark.ts) is never offered
 * as something to compare the package with: the buyer is sent to the certificate number,
 * product name and facility instead. Pure logic.
 */
import { type FlaggedPhoto, realPhotosFirst } from '~/catalogue';

/** What the picture beside the facts is: a real photo, only a drawing, or nothing. */
export type ComparisonPicture = 'photo' | 'illustration' | 'none';

export interface PhotoComparison<T> {
  /** The picture to show: the first real photo, else the first drawing. */
  shown: FlaggedPhoto<T> | undefined;
  picture: ComparisonPicture;
  /** The key of the hint under the picture in ./strings.ts. */
  hint: 'compareHint' | 'compareHintIllustration' | 'compareHintNoPhoto';
}

/** `photos`: the product's registry photos, then its listing's, each flagged. */
export function photoComparison<T>(photos: readonly FlaggedPhoto<T>[]): PhotoComparison<T> {
  const [shown] = realPhotosFirst(photos);
  if (!shown) return { shown, picture: 'none', hint: 'compareHintNoPhoto' };
  return shown.illustration
    ? { shown, picture: 'illustration', hint: 'compareHintIllustration' }
    : { shown, picture: 'photo', hint: 'compareHint' };
}
