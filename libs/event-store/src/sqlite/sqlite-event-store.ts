import type Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { catchUpSubscription } from '../catch-up.js';
import {
  DuplicateEventIdError,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type HashedRecord,
  type NewEvent,
  type ReadAllOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionHandler,
} from '../event-store.port.js';
import { SqliteAppendWriter, type AppendOutcome, type AppendRequest } from './sqlite-append-writer.js';
import { openEventDatabase } from './sqlite-schema.js';

interface PendingAppend extends AppendRequest {
  resolve: (result: AppendResult) => void;
  reject: (error: Error) => void;
}

interface EventRow {
  position: number;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  hash: string;
  prev_hash: string;
}

type WriterReply = { id: number; outcomes: AppendOutcome[]; committedAt: number } | { id: number; failure: { message: string; code?: string } };

/** A durable commit: the last position it wrote and when (epoch ms, taken right after the commit). */
export interface CommitInfo {
  lastPosition: number;
  committedAt: number;
  appends: number;
}

// Resolves to the compiled worker from both src/ (tests) and dist/ (the app): libs/event-store/dist/sqlite/.
const WORKER_FILE = fileURLToPath(new URL('../../dist/sqlite/sqlite-writer.worker.js', import.meta.url));

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
    readHashed: Database.Statement<[number, number], unknown[]>;
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
      readStream: this.db.prepare('SELECT * FROM events WHERE stream_id = ? AND position <= ? ORDER BY revision'),
      readAll: this.db.prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
      // The canonical form is assembled by SQLite (see canonicalEventFromParts): one string per row
      // reaches JavaScript. json_quote() writes the ids as JSON.stringify does for the text stored
      // here; where it would not, the verifier's fallback re-reads the event through readAll.
      readHashed: this.db
        .prepare<[number, number], unknown[]>(
          `SELECT position, id, stream_id, revision, type, hash, prev_hash,
             '{"data":' || data || ',"id":' || json_quote(id) || ',"metadata":' || metadata || ',"revision":' || revision ||
             ',"schemaVersion":' || schema_version || ',"streamId":' || json_quote(stream_id) || ',"type":' || json_quote(type) || '}'
           FROM events WHERE position > ? ORDER BY position LIMIT ?`,
        )
        .raw(true),
      head: this.db.prepare('SELECT MAX(position) AS position FROM events'),
    };
  }

  appendToStream(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('Event store is closed'));
    if (events.length === 0) return Promise.reject(new Error('Nothing to append'));
    return new Promise((resolve, reject) => {
      this.pending.push({ streamId, events, expected, resolve, reject });
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
      this.settle({ id, outcomes: this.inline!.write(requests), committedAt: Date.now() });
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
        const info = { lastPosition: Math.max(...written.map((o) => o.value.position)), committedAt: reply.committedAt, appends: written.length };
        for (const observer of this.commitObservers) observer(info);
        this.appended.emit('appended');
      }
    }
    if (this.pending.length > 0) this.scheduleFlush();
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

  /** The verifier's fast path: the stored text is canonical (the writer and the migration store it so), no parsing needed. */
  async readHashedPage(after: number, maxCount: number): Promise<HashedRecord[]> {
    return this.stmt.readHashed.all(after, maxCount).map((row) => ({
      position: row[0] as number,
      id: row[1] as string,
      streamId: row[2] as string,
      revision: row[3] as number,
      type: row[4] as string,
      hash: row[5] as string,
      previousHash: row[6] as string,
      canonical: row[7] as string,
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

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    hash: row.hash,
    previousHash: row.prev_hash,
  };
}
