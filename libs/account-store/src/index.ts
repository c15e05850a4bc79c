export * from './account-store.port.js';
