import { describe } from '@jest/globals';
import { eventStoreContract } from '../testing/event-store.contract.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';

// Needs a KurrentDB server (e.g. `kurrentdb --insecure` then KURRENTDB_URL=kurrentdb://localhost:2113?tls=false).
const url = process.env.KURRENTDB_URL;
if (!url) console.info('KurrentDB contract suite skipped: set KURRENTDB_URL to run it against a server.');

(url ? describe : describe.skip)('KurrentDbEventStore', () => {
  eventStoreContract(
    'KurrentDbEventStore',
    async () => {
      const store = new KurrentDbEventStore({ connectionString: url! });
      return { store, cleanup: () => store.close() };
    },
    // KurrentDB only checks event ids within a stream.
    { uniqueEventIdsAcrossStreams: false },
  );
});
