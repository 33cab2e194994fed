/** The operators' console (server side): its pages' data, for the routes under /admin/ and /api/admin/. */
export { auditFilter, auditPage } from './audit-page';
export { type QueueCounts, queueCounts } from './dashboard';
export { emailPageState, emailsListHref, emailsPageState } from './emails-page';
export { type FacilityClaimsState, facilityClaimsPageState } from './facility-claims-page';
export { membersPageState } from './members-page';
export { operatorsPageState } from './operators-page';
export { type OrderState, type OrdersState, orderPageState, ordersPageState } from './orders-page';
export { type MarkForm, type PaymentsState, paymentsPageState } from './payments-page';
export { type PublishState, publishPageState } from './publish-page';
export { refundOrderPageState, refundQueueState } from './refunds-page';
export {
  type RegistryHistoryState,
  type RegistryStateOutcome,
  type RegistryStateView,
  registryHistoryState,
  registryStatePageState,
} from './registry-history-page';
export {
  type ImportReviewState,
  type ImportUploadState,
  registryImportPageState,
  registryImportReviewState,
} from './registry-import-page';
export {
  type CertificateDetailState,
  type CertificatesSearchState,
  certificateDetailState,
  certificatesSearchState,
} from './registry-revocations-page';
export { reportDetailState, reportsListHref, reportsListState, reportsQuery } from './reports-page';
