import type Database from 'better-sqlite3';
import type { AppendResult, ExpectedRevision, NewEvent } from '../event-store.port.js';
import { canonicalEventFromParts, canonicalJson, chainHash, GENESIS_HASH } from '../hash-chain.js';

/**
 * An event ready for the writer: its data and metadata already in canonical JSON. The caller's
 * thread writes them (they do not depend on the stream's head), so the writer thread has less to do
 * per event and the message to it carries two strings instead of a tree of objects.
 */
export interface PreparedEvent {
  id: string;
  type: string;
  schemaVersion: number;
  data: string;
  metadata: string;
}

/** One append as the writer receives it (structured-clone safe: it may cross a thread boundary). */
export interface AppendRequest {
  streamId: string;
  events: PreparedEvent[];
  expected: ExpectedRevision;
}

/** The events of an append, prepared for the writer; throws for a value JSON cannot hold (a BigInt). */
export function prepareEvents(events: NewEvent[]): PreparedEvent[] {
  return events.map((event) => ({ id: event.id, type: event.type, schemaVersion: event.schemaVersion, data: canonicalJson(event.data), metadata: canonicalJson(event.metadata) }));
}

/** What became of one append: a result, or the error's plain fields to rebuild it on the other side. */
export type AppendOutcome =
  | { ok: true; value: AppendResult }
  | { ok: false; error: { name: string; message: string; code?: string; streamId?: string; expected?: ExpectedRevision; actual?: number | 'no_stream'; eventId?: string } };

/** Thrown inside the savepoint when an event id is already stored, to roll it back before looking why. */
class RetryProbe extends Error {}

const isDuplicateId = (error: unknown): boolean => {
  const e = error as { code?: string; message?: string };
  return e.code === 'SQLITE_CONSTRAINT_UNIQUE' && /events\.id/.test(e.message ?? '');
};

const isBusy = (error: unknown): boolean => (error as { code?: string }).code === 'SQLITE_BUSY';

/** Blocks the calling thread for `ms` milliseconds (fractions allowed): the writer thread has nothing else to do meanwhile. */
const pause = (() => {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  return (ms: number) => void Atomics.wait(cell, 0, 0, ms);
})();

/**
 * How the writer waits for the log's write lock when another process holds it. SQLite's own busy
 * handler sleeps 1, 2, 5, 10, 15, 20, 25… ms between tries: with `WORKERS=2`, the two writer threads
 * slept 1.7 s of every 6 s of load that way (strace), for commits that take a fraction of a
 * millisecond. With `busy_timeout = 0` on its connection, the writer tries again after 50 µs,
 * doubling up to 1 ms, until `timeoutMs`.
 */
export interface LockWait {
  timeoutMs: number;
}

class Refusal extends Error {
  constructor(readonly outcome: Extract<AppendOutcome, { ok: false }>['error']) {
    super(outcome.message);
  }
}

/**
 * Writes batches of appends in one SQLite transaction (group commit): each append is checked and
 * written in its own savepoint, so a conflicting append fails alone, and the batch shares one fsync.
 * Synchronous on purpose: it runs in the writer thread, or inline for in-memory stores.
 */
export class SqliteAppendWriter {
  private readonly stmt;
  private readonly batch: (requests: AppendRequest[]) => AppendOutcome[];
  /**
   * The last revision and hash of the streams this connection appended to or looked up, so that an
   * append does not look its stream's head up in the index (10 of the 48 µs an event cost the writer,
   * measured with 32 streams). Valid only while no other connection wrote: each batch starts, under
   * the write lock, by comparing SQLite's `data_version` with the one seen at the last batch, and
   * forgets them all when another process (another worker, a restore) committed meanwhile.
   */
  private readonly heads = new Map<string, { revision: number; hash: string }>();
  /** Heads written by the batch under way: they join `heads` once its commit succeeds. */
  private readonly batchHeads = new Map<string, { revision: number; hash: string }>();
  private dataVersion: number | null = null;
  private static readonly MAX_CACHED_HEADS = 10_000;

  constructor(
    private readonly db: Database.Database,
    private readonly lockWait?: LockWait,
  ) {
    this.stmt = {
      // Served by the UNIQUE (stream_id, revision) index: no separate table of stream heads to keep.
      // Inside the batch's transaction it also sees the appends of the same batch to the same stream.
      streamHead: db.prepare<[string], { revision: number; hash: string }>('SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1'),
      eventById: db.prepare<[string], { stream_id: string; revision: number; position: number }>('SELECT stream_id, revision, position FROM events WHERE id = ?'),
      // The indexed columns (id, stream, revision, type, schema version) are generated from the body.
      insertEvent: db.prepare<[string, string, string]>('INSERT INTO events (body, hash, prev_hash) VALUES (?, ?, ?)'),
      dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
    };
    // Nested better-sqlite3 transactions are savepoints: a failed append rolls back alone. An append
    // of one event needs none: it writes with a single INSERT, and a failed statement leaves nothing
    // behind (SQLite undoes the statement on a constraint error) — that saves three statements.
    const one = db.transaction((request: AppendRequest) => this.appendOne(request));
    const all = db.transaction((requests: AppendRequest[]) => {
      // Under the write lock: nobody else can commit until this batch ends.
      const version = this.stmt.dataVersion.get()!;
      if (version !== this.dataVersion) {
        this.heads.clear();
        this.dataVersion = version;
      }
      return requests.map((request): AppendOutcome => {
        try {
          return { ok: true, value: request.events.length === 1 ? this.appendOne(request) : one(request) };
        } catch (error) {
          if (error instanceof RetryProbe) {
            // The savepoint is rolled back: look for the earlier, identical append.
            try {
              const retried = this.findRetry(request.streamId, request.events);
              if (retried) return { ok: true, value: retried };
            } catch (refusal) {
              return { ok: false, error: describe(refusal, request) };
            }
          }
          return { ok: false, error: describe(error, request) };
        }
      });
    });
    // IMMEDIATE takes the write lock before reading revisions: with a deferred transaction, another
    // process committing in between would make the upgrade fail with SQLITE_BUSY_SNAPSHOT.
    this.batch = (requests) => all.immediate(requests);
  }

  /** Commits the batch; throws only when the commit itself fails (nothing of the batch is then durable). */
  write(requests: AppendRequest[]): AppendOutcome[] {
    if (!this.lockWait) return this.committed(requests);
    const deadline = performance.now() + this.lockWait.timeoutMs;
    for (let wait = 0.05; ; wait = Math.min(2 * wait, 1)) {
      try {
        return this.committed(requests);
      } catch (error) {
        // Refused the lock (at BEGIN IMMEDIATE, or at COMMIT): the transaction is rolled back, nothing of the batch is written.
        if (!isBusy(error) || performance.now() >= deadline) throw error;
        pause(wait);
      }
    }
  }

  /** One batch, and the heads it wrote kept only once it is committed. */
  private committed(requests: AppendRequest[]): AppendOutcome[] {
    this.batchHeads.clear();
    let outcomes: AppendOutcome[];
    try {
      outcomes = this.batch(requests);
    } catch (error) {
      // Rolled back (refused lock, failed commit): what the batch wrote is not in the log.
      this.batchHeads.clear();
      this.heads.clear();
      throw error;
    }
    if (this.heads.size + this.batchHeads.size > SqliteAppendWriter.MAX_CACHED_HEADS) this.heads.clear();
    for (const [streamId, head] of this.batchHeads) this.heads.set(streamId, head);
    this.batchHeads.clear();
    return outcomes;
  }

  /** The stream's last revision and hash as this batch sees them: its own appends, the remembered heads, or the index. */
  private headOf(streamId: string): { revision: number; hash: string } | undefined {
    const head = this.batchHeads.get(streamId) ?? this.heads.get(streamId);
    if (head) return head;
    const stored = this.stmt.streamHead.get(streamId);
    // Committed before this batch (a stream it wrote to is in batchHeads): safe to remember.
    if (stored) this.heads.set(streamId, { revision: stored.revision, hash: stored.hash });
    return stored;
  }

  private appendOne(request: AppendRequest): AppendResult {
    const { streamId, events, expected } = request;
    const head = this.headOf(streamId);
    const current = head?.revision ?? null;
    const actual = current === null ? 'no_stream' : current;
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && actual === 'no_stream') ||
      (expected === 'stream_exists' && actual !== 'no_stream') ||
      (typeof expected === 'number' && actual === expected);
    if (!ok) {
      // A retry of an append that already succeeded finds the stream moved on by its own events.
      const retried = this.findRetry(streamId, events);
      if (retried) return retried;
      throw new Refusal({ name: 'WrongExpectedRevisionError', message: `Stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`, streamId, expected, actual });
    }
    let revision = current ?? -1;
    let previousHash = head?.hash ?? GENESIS_HASH;
    let position = 0;
    try {
      for (const event of events) {
        revision += 1;
        // The body is the canonical form the hash covers, so the verifier hashes the stored text as it is (ADR 0008).
        const body = canonicalEventFromParts({ id: event.id, type: event.type, schemaVersion: event.schemaVersion, streamId, revision }, event.data, event.metadata);
        const hash = chainHash(previousHash, body);
        const info = this.stmt.insertEvent.run(body, hash, previousHash);
        position = Number(info.lastInsertRowid);
        previousHash = hash;
      }
    } catch (error) {
      // Event id already stored: a retry (with expected 'any' or 'stream_exists'), or a reuse elsewhere.
      if (!isDuplicateId(error)) throw error;
      throw new RetryProbe();
    }
    // Every event of the append is written (a throw above leaves the heads as they were).
    this.batchHeads.set(streamId, { revision, hash: previousHash });
    return { nextExpectedRevision: revision, position, written: true };
  }

  /** A retried append finds all its event ids already in place: it succeeds without writing. */
  private findRetry(streamId: string, events: PreparedEvent[]): AppendResult | null {
    const first = this.stmt.eventById.get(events[0].id);
    if (!first) return null;
    let last = first;
    for (let i = 0; i < events.length; i++) {
      const found = i === 0 ? first : this.stmt.eventById.get(events[i].id);
      if (!found || found.stream_id !== streamId || found.revision !== first.revision + i) {
        throw new Refusal({ name: 'DuplicateEventIdError', message: `Event ${events[i].id} is already stored elsewhere in the log`, eventId: events[i].id });
      }
      last = found;
    }
    return { nextExpectedRevision: last.revision, position: last.position, written: false };
  }
}

function describe(error: unknown, request: AppendRequest): Extract<AppendOutcome, { ok: false }>['error'] {
  if (error instanceof Refusal) return error.outcome;
  const e = error as Error & { code?: string };
  if (error instanceof RetryProbe || isDuplicateId(e)) {
    const eventId = request.events.map((x) => x.id).join(',');
    return { name: 'DuplicateEventIdError', message: `Event ${eventId} is already stored elsewhere in the log`, eventId };
  }
  return { name: e.name ?? 'Error', message: e.message, code: e.code };
}
