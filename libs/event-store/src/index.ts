export * from './event-store.port.js';
export * from './catch-up.js';
export { GENESIS_HASH, canonicalJson, canonicalEvent, chainHash, hashEvent, headsHash, type HashedContent } from './hash-chain.js';
export {
  verifyLog,
  ANCHOR_STREAM,
  ANCHOR_EVENT_TYPE,
  type AnchorRecordedData,
  type AnchorFailure,
  type ExternalAnchor,
  type Mismatch,
  type MismatchReason,
  type VerifyOptions,
  type VerifyProgress,
  type VerifyReport,
} from './verify.js';
export { recordAnchor, LogTamperedError, type RecordedAnchor } from './anchor.js';
export { SqliteEventStore, type SqliteEventStoreOptions, type CommitInfo } from './sqlite/sqlite-event-store.js';
export { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb/kurrentdb-event-store.js';
