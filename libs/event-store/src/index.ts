export * from './event-store.port.js';
export * from './catch-up.js';
export { SqliteEventStore, type SqliteEventStoreOptions, type CommitInfo } from './sqlite/sqlite-event-store.js';
export { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb/kurrentdb-event-store.js';
