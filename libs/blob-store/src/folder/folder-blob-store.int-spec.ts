import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { blobStoreContract } from '../testing/blob-store.contract.js';
import { FolderBlobStore } from './folder-blob-store.js';

const filesUnder = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(root, join(d.parentPath, d.name)))
    .sort();

blobStoreContract('FolderBlobStore', async () => {
  const root = join(mkdtempSync(join(tmpdir(), 'carnet-blobs-')), 'documents');
  const store = new FolderBlobStore(root);
  return {
    store,
    reopen: async () => new FolderBlobStore(root),
    contents: async () => filesUnder(root),
    async corrupt(key) {
      const path = join(root, key.slice(0, 2), key);
      const bytes = readFileSync(path);
      bytes[bytes.length >> 1] ^= 0xff;
      writeFileSync(path, bytes);
    },
    async cleanup() {
      rmSync(join(root, '..'), { recursive: true, force: true });
    },
  };
});
