// Child process for the durability test: appends through the BUILT library, reports what was
// acknowledged, then waits to be killed (SIGKILL) by the test.
// Usage: node append-then-die.mjs <path to dist/index.js> <database file>
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';

const [distIndex, filename] = process.argv.slice(2);
const { SqliteEventStore } = await import(pathToFileURL(distIndex).href);
const store = new SqliteEventStore({ filename });

const metadata = () => ({
  actorId: 'child',
  actorRole: 'test',
  correlationId: randomUUID(),
  causationId: randomUUID(),
  commandId: randomUUID(),
  recordedAt: new Date(0).toISOString(),
});
const appends = Array.from({ length: 20 }, (_, i) => ({
  stream: `durability-${randomUUID()}`,
  event: { id: randomUUID(), type: 'ThingHappened', schemaVersion: 1, data: { i }, metadata: metadata() },
}));
await Promise.all(appends.map((a) => store.appendToStream(a.stream, [a.event], 'no_stream')));
process.stdout.write(`acked ${JSON.stringify(appends.map((a) => a.event.id))}\n`);
// Keep writing until killed, so the kill lands while the store is busy and never after a clean close.
for (let i = 0; ; i++) {
  await store.appendToStream(`durability-${randomUUID()}`, [{ id: randomUUID(), type: 'ThingHappened', schemaVersion: 1, data: { i }, metadata: metadata() }], 'no_stream');
}
