import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { catchUpSubscription } from '../catch-up.js';
import {
  DuplicateEventIdError,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionHandler,
} from '../event-store.port.js';

interface PendingAppend {
  streamId: string;
  events: NewEvent[];
  expected: ExpectedRevision;
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
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position       INTEGER PRIMARY KEY AUTOINCREMENT,
  id             TEXT    NOT NULL UNIQUE,
  stream_id      TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);
CREATE TABLE IF NOT EXISTS streams (
  stream_id TEXT PRIMARY KEY,
  revision  INTEGER NOT NULL
) WITHOUT ROWID;
`;

export interface SqliteEventStoreOptions {
  /** Path of the database file, or ':memory:' for tests. */
  filename: string;
  /** How often subscriptions look for events written by another process (ms). */
  pollMs?: number;
}

/**
 * The embedded event store: one SQLite file in WAL mode with synchronous=FULL, so an append is
 * on disk when its promise resolves. Appends arriving in the same turn of the event loop are
 * grouped into one transaction (group commit): each keeps its own concurrency check and
 * succeeds or fails alone (a savepoint each), but they share one fsync.
 */
export class SqliteEventStore implements EventStore {
  readonly engine = 'sqlite';
  private readonly db: Database.Database;
  private readonly appended = new EventEmitter();
  private readonly subscriptions = new Set<Subscription>();
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private readonly pollMs: number;
  /** Counters for tests and monitoring: `commits` < `appends` shows group commit at work. */
  readonly stats = { appends: 0, commits: 0 };
  private readonly stmt: {
    streamRevision: Database.Statement<[string], { revision: number }>;
    eventById: Database.Statement<[string], { stream_id: string; revision: number; position: number }>;
    insertEvent: Database.Statement<[string, string, number, string, number, string, string]>;
    upsertStream: Database.Statement<[string, number]>;
    readStream: Database.Statement<[string, number], EventRow>;
    readAll: Database.Statement<[number, number], EventRow>;
    head: Database.Statement<[], { position: number | null }>;
  };

  constructor(options: SqliteEventStoreOptions) {
    if (options.filename !== ':memory:') mkdirSync(dirname(options.filename), { recursive: true });
    this.db = new Database(options.filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.pollMs = options.pollMs ?? 250;
    this.appended.setMaxListeners(0);
    this.stmt = {
      streamRevision: this.db.prepare('SELECT revision FROM streams WHERE stream_id = ?'),
      eventById: this.db.prepare('SELECT stream_id, revision, position FROM events WHERE id = ?'),
      insertEvent: this.db.prepare(
        'INSERT INTO events (id, stream_id, revision, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      upsertStream: this.db.prepare(
        'INSERT INTO streams (stream_id, revision) VALUES (?, ?) ON CONFLICT(stream_id) DO UPDATE SET revision = excluded.revision',
      ),
      readStream: this.db.prepare('SELECT * FROM events WHERE stream_id = ? AND position <= ? ORDER BY revision'),
      readAll: this.db.prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
      head: this.db.prepare('SELECT MAX(position) AS position FROM events'),
    };
  }

  appendToStream(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('Event store is closed'));
    if (events.length === 0) return Promise.reject(new Error('Nothing to append'));
    return new Promise((resolve, reject) => {
      this.pending.push({ streamId, events, expected, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const outcomes: Array<{ ok: true; value: AppendResult } | { ok: false; error: Error }> = [];
    // Nested better-sqlite3 transactions are savepoints: a failed append rolls back alone.
    const one = this.db.transaction((append: PendingAppend) => this.appendNow(append));
    const all = this.db.transaction(() => {
      for (const append of batch) {
        try {
          outcomes.push({ ok: true, value: one(append) });
        } catch (error) {
          outcomes.push({ ok: false, error: this.translate(error, append) });
        }
      }
    });
    try {
      // IMMEDIATE takes the write lock before reading revisions: with a deferred transaction, another
      // process committing in between would make the upgrade fail with SQLITE_BUSY_SNAPSHOT.
      all.immediate();
      this.stats.commits += 1;
      this.stats.appends += batch.length;
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing of the batch is durable.
      for (const append of batch) append.reject(error as Error);
      return;
    }
    batch.forEach((append, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) append.resolve(outcome.value);
      else append.reject(outcome.error);
    });
    if (outcomes.some((o) => o.ok && o.value.written)) this.appended.emit('appended');
  }

  private appendNow(append: PendingAppend): AppendResult {
    const { streamId, events, expected } = append;
    const retried = this.findRetry(streamId, events);
    if (retried) return retried;
    const current = this.stmt.streamRevision.get(streamId)?.revision;
    const actual = current === undefined ? 'no_stream' : current;
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && actual === 'no_stream') ||
      (expected === 'stream_exists' && actual !== 'no_stream') ||
      (typeof expected === 'number' && actual === expected);
    if (!ok) throw new WrongExpectedRevisionError(streamId, expected, actual);
    let revision = current ?? -1;
    let position = 0;
    for (const event of events) {
      revision += 1;
      const info = this.stmt.insertEvent.run(
        event.id,
        streamId,
        revision,
        event.type,
        event.schemaVersion,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
      );
      position = Number(info.lastInsertRowid);
    }
    this.stmt.upsertStream.run(streamId, revision);
    return { nextExpectedRevision: revision, position, written: true };
  }

  /** A retried append finds all its event ids already in place: it succeeds without writing. */
  private findRetry(streamId: string, events: NewEvent[]): AppendResult | null {
    const first = this.stmt.eventById.get(events[0].id);
    if (!first) return null;
    let last = first;
    for (let i = 0; i < events.length; i++) {
      const found = i === 0 ? first : this.stmt.eventById.get(events[i].id);
      if (!found || found.stream_id !== streamId || found.revision !== first.revision + i) {
        throw new DuplicateEventIdError(events[i].id);
      }
      last = found;
    }
    return { nextExpectedRevision: last.revision, position: last.position, written: false };
  }

  private translate(error: unknown, append: PendingAppend): Error {
    const e = error as Error & { code?: string };
    if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' && /events\.id/.test(e.message)) {
      return new DuplicateEventIdError(append.events.map((x) => x.id).join(','));
    }
    return e;
  }

  async readStream(streamId: string, options: { untilPosition?: number } = {}): Promise<RecordedEvent[]> {
    return this.stmt.readStream.all(streamId, options.untilPosition ?? Number.MAX_SAFE_INTEGER).map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.stmt.readAll.all(options.after ?? 0, options.maxCount ?? 1000).map(toRecorded);
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

  /** The underlying connection, for tools that must touch the raw log (audit tests, benchmarks). */
  get database(): Database.Database {
    return this.db;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.closed = true;
    this.flush();
    this.db.close();
  }
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
  };
}
