/**
 * The writer thread of the SQLite event store: it owns the write connection, so the fsync of each
 * group commit happens here and never blocks the API's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteAppendWriter, type AppendOutcome, type AppendRequest } from './sqlite-append-writer.js';
import { openEventDatabase } from './sqlite-schema.js';

const db = openEventDatabase((workerData as { filename: string }).filename);
// The writer waits for the lock itself, in finer steps than SQLite's busy handler (see LockWait).
db.pragma('busy_timeout = 0');
const writer = new SqliteAppendWriter(db, { timeoutMs: 5000 });

parentPort!.on('message', (message: { id: number; requests: AppendRequest[] } | { close: true }) => {
  if ('close' in message) {
    db.close();
    parentPort!.postMessage({ closed: true });
    return;
  }
  let reply: { id: number; outcomes: AppendOutcome[]; committedAt: number; commitMs: number } | { id: number; failure: { message: string; code?: string } };
  try {
    const started = performance.now();
    const outcomes = writer.write(message.requests);
    reply = { id: message.id, outcomes, committedAt: Date.now(), commitMs: performance.now() - started };
  } catch (error) {
    const e = error as Error & { code?: string };
    reply = { id: message.id, failure: { message: e.message, code: e.code } };
  }
  parentPort!.postMessage(reply);
});
