import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../testing/event-store.contract.js';
import { SqliteEventStore } from './sqlite-event-store.js';

eventStoreContract('SqliteEventStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'carnet-es-'));
  const store = new SqliteEventStore({ filename: join(dir, 'events.db'), pollMs: 50 });
  return {
    store,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
