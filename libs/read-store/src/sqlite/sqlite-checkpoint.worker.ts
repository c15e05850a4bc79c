/**
 * The read store's checkpoint thread (ADR 0025): it copies the write-ahead log back into the
 * database file every few milliseconds, on its own connection, so that the process that commits
 * the read models never does it inside a commit. PASSIVE: it never waits for a reader or a writer.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const { filename, everyMs } = workerData as { filename: string; everyMs: number };
const db = new Database(filename);
db.pragma('busy_timeout = 0');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const timer = setInterval(() => {
  try {
    checkpoint.run();
  } catch {
    // busy: the next round does it
  }
}, everyMs);

parentPort!.on('message', (message: { close: true }) => {
  if (!('close' in message)) return;
  clearInterval(timer);
  try {
    checkpoint.run();
  } catch {
    // busy: the next commit's process does it
  }
  db.close();
  parentPort!.close(); // nothing keeps the thread alive after this: it ends by itself
});
