import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReadStore } from '../read-store.port.js';
import { readStoreContract } from '../testing/read-store.contract.js';
import { searchIndexContract } from '../testing/search-index.contract.js';
import { SqliteReadStore } from './sqlite-read-store.js';

readStoreContract('SqliteReadStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'carnet-rs-'));
  const filename = join(dir, 'read-models.db');
  const store = new SqliteReadStore(filename);
  const opened: ReadStore[] = [store];
  return {
    store,
    async reopen() {
      const other = new SqliteReadStore(filename);
      opened.push(other);
      return other;
    },
    async cleanup() {
      for (const s of opened) if ((s as SqliteReadStore).db.open) await s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

searchIndexContract('SqliteReadStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'carnet-rs-search-'));
  const store = new SqliteReadStore(join(dir, 'read-models.db'));
  return {
    store,
    reopen: async () => store,
    async cleanup() {
      if (store.db.open) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
