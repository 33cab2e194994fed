/**
 * The registry capability's server entry: registry operations (import review, revocations,
 * history, restore) for pages, the back office and commands.
 */

// History (every state of the registry files) and restoring an older state.
export type { RegistryStateAction, RegistryStateRow } from './db-schema';
// Imports: the console's staged review (upload, diff, apply, discard) and `npm run import`.
export {
  type CollectionDiff,
  type DiffCounts,
  diffCounts,
  diffRegistry,
  type FieldChange,
  isEmptyDiff,
  type RecordChange,
  type RegistryDiff,
  summariseDiff,
} from './diff';
export {
  auditOfState,
  HISTORY_PAGE_SIZE,
  type HistoryEntry,
  type HistoryPage,
  parseHistoryCursor,
  registryHistoryPage,
} from './history-list-store';
export {
  filesOfState,
  latestState,
  type RegistryAction,
  type RegistryFiles,
  readRegistryFiles,
  recordRegistryChange,
  registryDrift,
  registryFilesOf,
  registrySha,
  shasOf,
  stateById,
} from './history-store';
export {
  type ApplyOutcome,
  applyStagedImport,
  type DiscardOutcome,
  discardStagedImport,
  type FileImportResult,
  importFileIntoRegistry,
} from './import-apply';
export { checkUpload, IMPORT_MAX_BYTES, type UploadedList, type UploadRefusal } from './import-file';
export {
  type ImportDiffReview,
  type ImportReview,
  type ImportStatus,
  reviewImport,
  type StageOutcome,
  stageImport,
} from './import-review';
export { type ImportInfo, recentImports, STAGED_IMPORT_TTL_MS, type StagedCounts } from './import-store';
export {
  previewRestore,
  type RestoreOptions,
  type RestorePreview,
  type RestoreResult,
  restoreRegistryState,
} from './restore';
// Revocations (console certificate pages, `npm run revoke` through the admin commands).
export {
  RegistryBusyError,
  type ReverseResult,
  type RevocationOptions,
  type RevokeResult,
  reverseCertificateRevocation,
  revokeCertificate,
} from './revocations';
