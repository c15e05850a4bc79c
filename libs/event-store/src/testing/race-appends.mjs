// Child process for the multi-process test (ADR 0024): several processes append to the SAME streams
// of one SQLite file, each append with the revision it read (optimistic concurrency), retrying a
// conflict after reading again. Prints what it got acknowledged as one JSON line, then exits.
// Usage: node race-appends.mjs <path to dist/index.js> <database file> <process name> <appends> <streams>
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';

const [distIndex, filename, name, appendsText, streamsText] = process.argv.slice(2);
const { SqliteEventStore, WrongExpectedRevisionError } = await import(pathToFileURL(distIndex).href);
const store = new SqliteEventStore({ filename });
const streams = Array.from({ length: Number(streamsText) }, (_, i) => `race-${i}`);
const acked = [];
let conflicts = 0;

const metadata = () => ({ actorId: name, actorRole: 'test', correlationId: randomUUID(), causationId: randomUUID(), commandId: randomUUID(), recordedAt: new Date(0).toISOString() });

// Four writers per process, each appending to a stream chosen in turn: contention inside the process and across processes.
await Promise.all(
  Array.from({ length: 4 }, async (_, writer) => {
    for (let i = writer; i < Number(appendsText); i += 4) {
      const stream = streams[i % streams.length];
      for (;;) {
        const read = await store.readStream(stream);
        const expected = read.length === 0 ? 'no_stream' : read[read.length - 1].revision;
        const id = randomUUID();
        try {
          const result = await store.appendToStream(stream, [{ id, type: 'Counted', schemaVersion: 1, data: { by: name, n: i }, metadata: metadata() }], expected);
          acked.push({ id, stream, revision: result.nextExpectedRevision, position: result.position });
          break;
        } catch (error) {
          if (!(error instanceof WrongExpectedRevisionError)) throw error;
          conflicts++;
        }
      }
    }
  }),
);
await store.close();
process.stdout.write(`${JSON.stringify({ name, acked, conflicts })}\n`);
