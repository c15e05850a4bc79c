// Child process for the verifier's threads test: it opens a log, verifies it with several threads
// and closes the store at once, many times over. Closing while a thread is still loading SQLite's
// native module used to abort the whole process (exit 134, « Error::New napi_get_last_error_info »).
// Prints how many rounds ended, then exits 0.
// Usage: node verify-then-close.mjs <path to dist/index.js> <database file> <rounds>
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';

const [distIndex, filename, roundsText] = process.argv.slice(2);
const { SqliteEventStore, verifyLog } = await import(pathToFileURL(distIndex).href);
const metadata = () => ({ actorId: 'test', actorRole: 'test', correlationId: randomUUID(), causationId: randomUUID(), commandId: randomUUID(), recordedAt: new Date(0).toISOString() });

let rounds = 0;
let verified = 0;
for (let i = 0; i < Number(roundsText); i += 1) {
  const store = new SqliteEventStore({ filename });
  await store.appendToStream(`verify-${i}`, [{ id: randomUUID(), type: 'Counted', schemaVersion: 1, data: { n: i }, metadata: metadata() }], 'no_stream');
  // One small range and four threads: three of them are still starting when the store closes.
  const report = await verifyLog(store, { threads: 4 });
  if (report.ok) verified += 1;
  await store.close();
  rounds += 1;
}
console.log(JSON.stringify({ rounds, verified }));
