/**
 * The portal capability as the server's pages, routes and commands see it (server only).
 * Each portal feature adds its exports here.
 */

// Facility API tokens and the facility API's authentication.
export { FACILITY_SCOPES, type FacilityScope } from './api-tokens';
export {
  FacilityTokenError,
  facilityTokens,
  makeFacilityToken,
  revokeTokenById,
} from './api-tokens-commands';
export {
  createFacilityToken,
  type FacilityTokenSummary,
  listFacilityTokens,
  revokeFacilityToken,
} from './api-tokens-store';
export { pendingClaimCount } from './claim-queue';
// Facility claims, "Are you this facility?": the public form and the console's decisions.
export { CLAIM_FIELDS, type ClaimField, claimPath, refusalSchema } from './claims';
export { claimDeps } from './claims-deps';
export { type ClaimPageOutcome, type ClaimPageState, claimPageState } from './claims-page';
export { DECIDED_SHOWN, type DecideOutcome, decideClaim, listClaims, storeClaim } from './claims-store';
export { CLAIM_STATUSES, type ClaimStatus, type FacilityClaimRow } from './db-schema';
// The facility API: token authentication, GET /api/facility/products.
export { authenticateFacilityRequest, FACILITY_API_RATE, type FacilityApiCaller } from './facility-api-auth';
export { handleFacilityListingPut } from './facility-listings-api';
// Photos: the facility API's photo routes and /facility/products/{id}/photos/.
export { type FacilityPhotosDeps, handleAddPhoto, handleDeletePhoto } from './facility-photos-api';
export { handleFacilityProducts } from './facility-products-api';
// /facility/inbox/: the facility's orders and quote requests, their pages, the e-mail preferences.
export { INBOX_BOXES, type InboxBox, type InboxFilters, type InboxState } from './inbox-filters';
export { type InboxOrderOutcome, inboxOrderPageState } from './inbox-order-page';
export {
  type InboxCounts,
  type InboxPageOutcome,
  type InboxPageState,
  inboxCounts,
  inboxPageState,
  inboxPendingCount,
  type OrderRowView,
  type QuoteRowView,
} from './inbox-page';
export { INBOX_PATH, inboxOrderPath, inboxPath, inboxQuotePath } from './inbox-paths';
export { type InboxPreferences, inboxPreferences, saveInboxPreferences } from './inbox-preferences-store';
export { type InboxQuoteDeps, type InboxQuoteOutcome, inboxQuotePageState } from './inbox-quote-page';
export { memberCopyRecipients } from './inbox-recipients';
// /facility/products/{id}/: the listing editor (save, history, undo).
export {
  LISTING_FORM_MAX_BYTES,
  type ListingEditorDeps,
  type ListingEditorOutcome,
  type ListingEditorState,
  listingEditorPageState,
} from './listing-editor-page';
export { listingFromForm } from './listing-form';
export {
  type PhotoRow,
  type PhotosPageDeps,
  type PhotosPageOutcome,
  type PhotosPageState,
  photosPageState,
} from './photos-page';
// The portal's read-only pages: overview and products.
export {
  type CertifiedProduct,
  type FacilityChoice,
  type OverviewState,
  overviewState,
  type PortalContext,
  type PortalPrincipal,
  type ProductListing,
  portalContext,
  portalStatus,
  productsState,
} from './portal-page';
// /facility/tokens/: the facility's API tokens made, listed and revoked by its members.
export { type TokenRow, type TokensPageOutcome, type TokensPageState, tokensPageState } from './tokens-page';
