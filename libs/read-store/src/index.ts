export * from './read-store.port.js';
export * from './projection.js';
export * from './projection-runner.js';
export * from './rebuild.js';
export * from './search-text.js';
export * from './search-index.port.js';
export * from './french-analyser.js';
export { SqliteReadStore } from './sqlite/sqlite-read-store.js';
export { MongoReadStore } from './mongodb/mongo-read-store.js';
