import { describe } from '@jest/globals';
import { eventStoreContract } from '../testing/event-store.contract.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';

// Needs a KurrentDB server: `npm run test:kurrentdb` starts the compose one (Docker) and runs this suite.
const url = process.env.KURRENTDB_URL;
if (!url) {
  console.warn(
    'KurrentDB contract suite SKIPPED: KURRENTDB_URL is not set, so the KurrentDB adapter was not checked against a server.\n' +
      '  Run it with Docker: npm run test:kurrentdb (starts the compose server), or KURRENTDB_URL=kurrentdb://host:2113?tls=false npm run test:kurrentdb',
  );
}

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
