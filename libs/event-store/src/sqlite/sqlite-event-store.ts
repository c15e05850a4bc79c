import type Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { catchUpSubscription } from '../catch-up.js';
import {
  DuplicateEventIdError,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type CheckedRecord,
  type CheckedSegment,
  type CheckedSegmentsOptions,
  type StreamRun,
  type NewEvent,
  type ReadAllOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionHandler,
} from '../event-store.port.js';
import { prepareEvents, SqliteAppendWriter, type AppendOutcome, type AppendRequest } from './sqlite-append-writer.js';
import { openEventDatabase } from './sqlite-schema.js';
import { contentHashOfRow, STORED_EVENT_COLUMNS, type StoredEventRow } from './stored-event-check.js';

interface PendingAppend extends AppendRequest {
  resolve: (result: AppendResult) => void;
  reject: (error: Error) => void;
}

interface EventRow {
  position: number;
  body: string;
  hash: string;
  prev_hash: string;
}

type WriterReply = { id: number; outcomes: AppendOutcome[]; committedAt: number; commitMs?: number } | { id: number; failure: { message: string; code?: string } };

/** A durable commit: the last position it wrote and when (epoch ms, taken right after the commit). */
export interface CommitInfo {
  lastPosition: number;
  committedAt: number;
  /** Appends of the group commit that wrote events. */
  appends: number;
  /** Appends of the group commit, written or not (retries, refusals). */
  batchSize?: number;
  /** Time the writer took for the transaction, fsync included (ms). */
  commitMs?: number;
}

// Resolves to the compiled worker from both src/ (tests) and dist/ (the app): libs/event-store/dist/sqlite/.
const WORKER_FILE = fileURLToPath(new URL('../../dist/sqlite/sqlite-writer.worker.js', import.meta.url));
const VERIFY_WORKER_FILE = fileURLToPath(new URL('../../dist/sqlite/sqlite-verify.worker.js', import.meta.url));

/** A range's verdict from a verifier thread: its summary, or `ok: false` when the caller must walk it event by event. */
type RangeVerdict = { ok: true; count: number; lastPosition: number; runs: StreamRun[] } | { ok: false };

export interface SqliteEventStoreOptions {
  /** Path of the database file, or ':memory:' for tests. */
  filename: string;
  /** How often subscriptions look for events written by another process (ms). */
  pollMs?: number;
  /**
   * Where commits (and their fsync) run: 'thread' (default for files) keeps the caller's event
   * loop free; 'inline' runs them on the caller's thread (always for ':memory:').
   */
  writer?: 'thread' | 'inline';
}

/**
 * The embedded event store: one SQLite file in WAL mode with synchronous=FULL, so an append is on
 * disk when its promise resolves. Appends that arrive while a commit is under way are grouped into
 * the next transaction (group commit): each keeps its own concurrency check and succeeds or fails
 * alone, but they share one fsync. Reads use their own connection on the caller's thread.
 */
export class SqliteEventStore implements EventStore {
  readonly engine = 'sqlite';
  /** Counters for tests and monitoring: `commits` < `appends` shows group commit at work. */
  readonly stats = { appends: 0, commits: 0 };
  private readonly db: Database.Database;
  private readonly appended = new EventEmitter();
  private readonly subscriptions = new Set<Subscription>();
  private readonly pollMs: number;
  private readonly inline: SqliteAppendWriter | null;
  private readonly worker: Worker | null;
  private readonly inFlight = new Map<number, PendingAppend[]>();
  private readonly commitObservers = new Set<(info: CommitInfo) => void>();
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  private nextBatchId = 1;
  private closed = false;
  private readonly stmt: {
    readStream: Database.Statement<[string, number], EventRow>;
    readAll: Database.Statement<[number, number], EventRow>;
    readChecked: Database.Statement<[number, number], unknown[]>;
    head: Database.Statement<[], { position: number | null }>;
  };

  constructor(options: SqliteEventStoreOptions) {
    this.db = openEventDatabase(options.filename);
    this.pollMs = options.pollMs ?? 250;
    this.appended.setMaxListeners(0);
    const threaded = options.filename !== ':memory:' && (options.writer ?? 'thread') === 'thread';
    if (threaded && !existsSync(WORKER_FILE)) {
      throw new Error(`SQLite writer thread not built (${WORKER_FILE}): run « npm run build:server » first`);
    }
    this.inline = threaded ? null : new SqliteAppendWriter(this.db);
    this.worker = threaded ? new Worker(WORKER_FILE, { workerData: { filename: options.filename } }) : null;
    this.worker?.on('message', (reply: WriterReply) => this.settle(reply));
    this.worker?.on('error', (error) => this.failAll(error));
    this.worker?.unref();
    this.stmt = {
      readStream: this.db.prepare('SELECT position, body, hash, prev_hash FROM events WHERE stream_id = ? AND position <= ? ORDER BY revision'),
      readAll: this.db.prepare('SELECT position, body, hash, prev_hash FROM events WHERE position > ? ORDER BY position LIMIT ?'),
      readChecked: this.db.prepare<[number, number], unknown[]>(`SELECT ${STORED_EVENT_COLUMNS} FROM events WHERE position > ? AND position <= ? ORDER BY position`).raw(true),
      head: this.db.prepare('SELECT MAX(position) AS position FROM events'),
    };
  }

  appendToStream(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('Event store is closed'));
    if (events.length === 0) return Promise.reject(new Error('Nothing to append'));
    let prepared: AppendRequest['events'];
    try {
      prepared = prepareEvents(events);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ streamId, events: prepared, expected, resolve, reject });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    // At most two batches in flight: the writer starts the next commit as soon as one ends, and
    // whatever arrives meanwhile joins the batch after (the thread commits them in order).
    if (this.pending.length === 0 || this.inFlight.size >= (this.worker ? 2 : 1)) return;
    const batch = this.pending;
    this.pending = [];
    const requests = batch.map(({ streamId, events, expected }) => ({ streamId, events, expected }));
    const id = this.nextBatchId++;
    this.inFlight.set(id, batch);
    if (this.worker) {
      this.worker.ref(); // keep the process alive until the commit is acknowledged
      this.worker.postMessage({ id, requests });
      return;
    }
    try {
      const started = performance.now();
      const outcomes = this.inline!.write(requests);
      this.settle({ id, outcomes, committedAt: Date.now(), commitMs: performance.now() - started });
    } catch (error) {
      const e = error as Error & { code?: string };
      this.settle({ id, failure: { message: e.message, code: e.code } });
    }
  }

  private settle(reply: WriterReply): void {
    const batch = this.inFlight.get(reply.id);
    if (!batch) return;
    this.inFlight.delete(reply.id);
    if (this.inFlight.size === 0) this.worker?.unref();
    if ('failure' in reply) {
      // The commit itself failed (disk full, I/O error): nothing of the batch is durable.
      const error = Object.assign(new Error(reply.failure.message), { code: reply.failure.code });
      batch.forEach((append) => append.reject(error));
    } else {
      this.stats.commits += 1;
      this.stats.appends += batch.length;
      batch.forEach((append, i) => {
        const outcome = reply.outcomes[i];
        if (outcome.ok) append.resolve(outcome.value);
        else append.reject(toError(outcome.error));
      });
      const written = reply.outcomes.filter((o): o is Extract<AppendOutcome, { ok: true }> => o.ok && o.value.written);
      if (written.length > 0) {
        const info: CommitInfo = {
          lastPosition: Math.max(...written.map((o) => o.value.position)),
          committedAt: reply.committedAt,
          appends: written.length,
          batchSize: batch.length,
          commitMs: reply.commitMs,
        };
        for (const observer of this.commitObservers) observer(info);
        this.appended.emit('appended');
      }
    }
    if (this.pending.length > 0) this.scheduleFlush();
  }

  /**
   * Another process sharing this file says it appended (ADR 0024): subscriptions read the log now
   * instead of at their next poll (`pollMs`).
   */
  wake(): void {
    if (!this.closed) this.appended.emit('appended');
  }

  /** Calls `observer` after each durable commit that wrote events (metrics); returns an unsubscribe function. */
  observeCommits(observer: (info: CommitInfo) => void): () => void {
    this.commitObservers.add(observer);
    return () => this.commitObservers.delete(observer);
  }

  private failAll(error: Error): void {
    for (const batch of this.inFlight.values()) batch.forEach((append) => append.reject(error));
    this.inFlight.clear();
    this.pending.splice(0).forEach((append) => append.reject(error));
  }

  async readStream(streamId: string, options: { untilPosition?: number } = {}): Promise<RecordedEvent[]> {
    return this.stmt.readStream.all(streamId, options.untilPosition ?? Number.MAX_SAFE_INTEGER).map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.stmt.readAll.all(options.after ?? 0, options.maxCount ?? 1000).map(toRecorded);
  }

  /**
   * The verifier's fast path (ADR 0008). The body column is the canonical form the hash covers, so it
   * is hashed as stored, without parsing. Threads, each on its own read-only connection, check whole
   * ranges ahead of the caller (every content hash, every link inside the range) and hand back a
   * summary per stream; a range they cannot vouch for comes back as records, read on this thread.
   * In-memory logs, and `threads: 0`, give records only.
   */
  async *checkedSegments(options: CheckedSegmentsOptions): AsyncGenerator<CheckedSegment> {
    const { after, until, pageSize } = options;
    const ranges = splitRanges(after, until, pageSize, options.cuts ?? []);
    const threads = this.db.memory || !existsSync(VERIFY_WORKER_FILE) ? 0 : (options.threads ?? Math.min(4, availableParallelism()));
    if (threads === 0) {
      for (const [from, to] of ranges) yield { kind: 'records', records: this.checkedRecords(from, to) };
      return;
    }
    const pool = this.verifyPool(threads);
    try {
      const ahead: Array<{ from: number; to: number; verdict: Promise<RangeVerdict> }> = [];
      let next = 0;
      const fill = () => {
        // Keep every thread busy with two ranges ahead of the one the caller is linking.
        while (next < ranges.length && ahead.length < threads * 2) {
          const [from, to] = ranges[next++];
          ahead.push({ from, to, verdict: pool.check(from, to) });
        }
      };
      fill();
      while (ahead.length > 0) {
        const { from, to, verdict } = ahead.shift()!;
        const result = await verdict;
        fill();
        if (result.ok) {
          yield { kind: 'summary', after: from, until: to, count: result.count, lastPosition: result.lastPosition, runs: result.runs, detail: async () => this.checkedRecords(from, to) };
        } else {
          yield { kind: 'records', records: this.checkedRecords(from, to) };
        }
      }
    } finally {
      pool.release();
    }
  }

  private pool: VerifyPool | null = null;

  /** The verifier's threads, kept warm between verifications (starting one costs ~50 ms) and stopped when idle. */
  private verifyPool(size: number): VerifyPool {
    if (this.pool && this.pool.size !== size) {
      if (this.pool.users === 0) void this.pool.close();
      else return this.pool;
    }
    if (!this.pool || this.pool.closed) this.pool = new VerifyPool(this.db.name, size);
    this.pool.acquire();
    return this.pool;
  }

  private checkedRecords(after: number, until: number): CheckedRecord[] {
    return (this.stmt.readChecked.all(after, until) as StoredEventRow[]).map((row) => ({
      position: row[0],
      streamId: row[2],
      revision: row[3],
      type: row[4],
      hash: row[6],
      previousHash: row[7],
      contentHash: contentHashOfRow(row),
      canonical: row[8],
    }));
  }

  async headPosition(): Promise<number> {
    return this.stmt.head.get()?.position ?? 0;
  }

  subscribeToAll(options: SubscribeOptions, handler: SubscriptionHandler): Subscription {
    const inner = catchUpSubscription((after, maxCount) => this.readAll({ after, maxCount }), handler, {
      after: options.after,
      batchSize: options.batchSize ?? 500,
      pollMs: this.pollMs,
      waitForMore: (pollMs) =>
        new Promise((resolve) => {
          const done = () => {
            clearTimeout(timer);
            this.appended.off('appended', done);
            resolve();
          };
          const timer = setTimeout(done, pollMs);
          this.appended.on('appended', done);
        }),
    });
    const subscription: Subscription = {
      stop: async () => {
        this.subscriptions.delete(subscription);
        const stopping = inner.stop();
        this.appended.emit('appended');
        await stopping;
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** The read connection, for tools that must touch the raw log (audit tests, benchmarks). */
  get database(): Database.Database {
    return this.db;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.closed = true;
    // Let every accepted append reach the disk before closing.
    while (this.pending.length > 0 || this.inFlight.size > 0) {
      this.flush();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await this.pool?.close();
    if (this.worker) {
      this.worker.ref();
      await new Promise<void>((resolve) => {
        this.worker!.once('message', () => resolve());
        this.worker!.postMessage({ close: true });
      });
      await this.worker.terminate();
    }
    this.db.close();
  }
}

function toError(error: Extract<AppendOutcome, { ok: false }>['error']): Error {
  if (error.name === 'WrongExpectedRevisionError') return new WrongExpectedRevisionError(error.streamId!, error.expected!, error.actual!);
  if (error.name === 'DuplicateEventIdError') return new DuplicateEventIdError(error.eventId!);
  return Object.assign(new Error(error.message), { name: error.name, code: error.code });
}

/** An event from its row: every field from the body, the text the hash covers (the columns only index it). */
function toRecorded(row: EventRow): RecordedEvent {
  const body = JSON.parse(row.body) as Pick<RecordedEvent, 'id' | 'streamId' | 'revision' | 'type' | 'schemaVersion' | 'data' | 'metadata'>;
  return {
    id: body.id,
    streamId: body.streamId,
    revision: body.revision,
    position: row.position,
    type: body.type,
    schemaVersion: body.schemaVersion,
    data: body.data,
    metadata: body.metadata,
    hash: row.hash,
    previousHash: row.prev_hash,
  };
}

/** How long the verifier's threads stay up after a verification, for the next one. */
const POOL_IDLE_MS = 30_000;

/**
 * The verifier's threads: ranges go round-robin, each answer settles its range's promise.
 * A thread is never terminated while it starts: Node aborts the whole process when a thread is
 * stopped in the middle of loading SQLite's native module (« Error::New napi_get_last_error_info »,
 * seen on CI when a store closed right after a one-range verification). Closing asks each thread
 * to close its connection and waits for it to leave on its own.
 */
class VerifyPool {
  private readonly workers: Worker[];
  private readonly exited: Array<Promise<void>>;
  private readonly waiting = new Map<number, { resolve: (verdict: RangeVerdict) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;
  users = 0;
  closed = false;

  constructor(
    filename: string,
    readonly size: number,
  ) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(VERIFY_WORKER_FILE, { workerData: { filename } });
      worker.on('message', (reply: { id: number; verdict?: RangeVerdict; failure?: string }) => {
        const waiting = this.waiting.get(reply.id);
        if (!waiting) return;
        this.waiting.delete(reply.id);
        if (this.waiting.size === 0) this.workers.forEach((w) => w.unref());
        if (reply.failure !== undefined) waiting.reject(new Error(reply.failure));
        else waiting.resolve(reply.verdict!);
      });
      worker.on('error', (error) => this.failAll(error));
      worker.unref(); // idle threads never keep the process alive
      return worker;
    });
    this.exited = this.workers.map((worker) => new Promise<void>((resolve) => worker.once('exit', () => resolve())));
  }

  acquire(): void {
    this.users += 1;
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
  }

  release(): void {
    this.users -= 1;
    if (this.users > 0 || this.closed) return;
    this.idle = setTimeout(() => void this.close(), POOL_IDLE_MS);
    this.idle.unref();
  }

  check(after: number, until: number): Promise<RangeVerdict> {
    const id = this.nextId++;
    const promise = new Promise<RangeVerdict>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    promise.catch(() => undefined); // a range abandoned after an earlier failure must not crash the process
    const worker = this.workers[id % this.workers.length];
    worker.ref(); // an answer is awaited
    worker.postMessage({ id, after, until });
    return promise;
  }

  private failAll(error: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.idle) clearTimeout(this.idle);
    // Messages are handled in order, once the thread has started: the close comes after any range
    // already sent, and the thread ends by itself when its port is closed.
    for (const worker of this.workers) {
      worker.ref();
      worker.postMessage({ close: true });
    }
    await Promise.all(this.exited);
    this.failAll(new Error('Verification stopped'));
  }
}

/** (after, until] cut into ranges of at most `size` positions, each cut position ending a range. */
function splitRanges(after: number, until: number, size: number, cuts: number[]): Array<[number, number]> {
  const ends = [...new Set(cuts.filter((c) => c > after && c < until))].sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  let from = after;
  for (const end of [...ends, until]) {
    while (from < end) {
      const to = Math.min(from + size, end);
      ranges.push([from, to]);
      from = to;
    }
  }
  return ranges;
}
