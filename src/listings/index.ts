/** Listings kept by facilities: the pure parts (input rules, photo URLs), safe in the browser. */
export {
  LISTING_PROBLEMS,
  type ListingBody,
  type ListingProblem,
  type ListingProblems,
  listingInput,
  MAX_VARIANTS,
  parseListing,
  SKU_SHAPE,
  type VariantBody,
} from './listing-input';
export { listingProblemStrings, problemMessages } from './listing-strings';
export {
  type AltText,
  MAX_ALT_LENGTH,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS_PER_PRODUCT,
  PHOTO_PROBLEMS,
  type PhotoProblem,
  parseAltText,
} from './photo-rules';
export { photoProblemStrings } from './photo-strings';
export {
  type LivePhoto,
  PHOTO_URL_SHAPE,
  PHOTO_WIDTHS,
  photoJson,
  photoSrcset,
  photoUrl,
  storedWidths,
} from './photo-urls';
