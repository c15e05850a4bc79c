import { describe } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { accountStoreContract } from '../testing/account-store.contract.js';
import { MongoAccountStore } from './mongo-account-store.js';

// Needs a MongoDB-wire server: `scripts/ferretdb.sh` starts FerretDB and prints the MONGO_URL to use.
const url = process.env.MONGO_URL;
if (!url) console.info('MongoDB account-store contract suite skipped: set MONGO_URL (see scripts/ferretdb.sh) to run it.');

(url ? describe : describe.skip)('MongoAccountStore', () => {
  accountStoreContract('MongoAccountStore', async () => {
    // A fresh database per test, dropped at the end.
    const dbName = `carnet_accounts_test_${randomBytes(6).toString('hex')}`;
    const store = await MongoAccountStore.connect({ url: url!, dbName });
    const opened: MongoAccountStore[] = [store];
    return {
      store,
      async reopen() {
        const other = await MongoAccountStore.connect({ url: url!, dbName });
        opened.push(other);
        return other;
      },
      async cleanup() {
        await store.db.dropDatabase();
        for (const s of opened) await s.close();
      },
    };
  });
});
