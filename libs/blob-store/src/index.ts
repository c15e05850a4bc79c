export * from './blob-store.port.js';
export { FolderBlobStore } from './folder/folder-blob-store.js';
export { GridFsBlobStore, type GridFsBlobStoreOptions } from './mongodb/gridfs-blob-store.js';
