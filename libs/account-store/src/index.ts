export * from './account-store.port.js';
export { emailKeyOf } from './email-key.js';
export { SqliteAccountStore } from './sqlite/sqlite-account-store.js';
export { MongoAccountStore, type MongoAccountStoreOptions } from './mongodb/mongo-account-store.js';
export { reserve, release, type ThrottleLimits, type AttemptReservation } from './throttle.js';
