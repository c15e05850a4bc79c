import { describe } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { ReadStore } from '../read-store.port.js';
import { readStoreContract } from '../testing/read-store.contract.js';
import { searchIndexContract } from '../testing/search-index.contract.js';
import { MongoReadStore } from './mongo-read-store.js';

// Needs a MongoDB-wire server: `scripts/ferretdb.sh` starts FerretDB and prints the MONGO_URL to use.
const url = process.env.MONGO_URL;
if (!url) console.info('MongoDB read-store contract suite skipped: set MONGO_URL (see scripts/ferretdb.sh) to run it.');

(url ? describe : describe.skip)('MongoReadStore', () => {
  readStoreContract('MongoReadStore', async () => {
    // A fresh database per test, dropped at the end.
    const dbName = `carnet_test_${randomBytes(6).toString('hex')}`;
    const store = await MongoReadStore.connect({ url: url!, dbName });
    const opened: MongoReadStore[] = [store];
    return {
      store,
      async reopen(): Promise<ReadStore> {
        const other = await MongoReadStore.connect({ url: url!, dbName });
        opened.push(other);
        return other;
      },
      async cleanup() {
        await store.db.dropDatabase();
        for (const s of opened) await s.close();
      },
    };
  });
  searchIndexContract('MongoReadStore', async () => {
    const dbName = `carnet_test_${randomBytes(6).toString('hex')}`;
    const store = await MongoReadStore.connect({ url: url!, dbName });
    return {
      store,
      reopen: async () => store,
      async cleanup() {
        await store.db.dropDatabase();
        await store.close();
      },
    };
  });
});
