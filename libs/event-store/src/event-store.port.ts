/**
 * The event store port: what the application needs from an append-only log of events.
 *
 * Revisions and positions are plain numbers: SQLite sequence numbers and KurrentDB commit
 * positions both stay far below Number.MAX_SAFE_INTEGER (2^53 bytes of log is 9 PB), and
 * numbers survive JSON, MongoDB and HTTP untouched. Adapters that receive bigints convert
 * them with a range check (see ADR 0003).
 */

/** Expected state of a stream when appending: optimistic concurrency. */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | number;

/** Who did it, on whose behalf, why: carried by every event. */
export interface EventMetadata {
  actorId: string;
  actorRole: string;
  /** INSEE code of the actor's commune, when the actor belongs to one. */
  actorCommune?: string | null;
  correlationId: string;
  causationId: string;
  /** The command that produced the event (idempotency key or a random id). */
  commandId: string;
  /** ISO-8601 instant at which the command was decided. */
  recordedAt: string;
}

/** An event to append. `id` must be deterministic for a given command so that retries are idempotent. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  id: string;
  type: Type;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
}

/**
 * An event as stored: its place in its stream (revision, from 0) and in the whole log (position,
 * from 1), and its link in the stream's hash chain (ADR 0008), computed by the adapter on append.
 */
export interface RecordedEvent<Type extends string = string, Data = unknown> extends NewEvent<Type, Data> {
  streamId: string;
  revision: number;
  position: number;
  /** sha256 (hex) of `previousHash + "\n" + canonical form of the event`: see hash-chain.ts. */
  hash: string;
  /** Hash of the previous event of the same stream; 64 zeros for revision 0. */
  previousHash: string;
}

/**
 * An event reduced to what the verifier hashes: its stored hashes and its canonical form, built
 * from the stored text without parsing it (see EventStore.readHashedPage).
 */
export interface HashedRecord {
  position: number;
  id: string;
  streamId: string;
  revision: number;
  type: string;
  hash: string;
  previousHash: string;
  /** The canonical form as stored; it may differ from the canonical form of the content only if the stored text was edited. */
  canonical: string;
}

export interface AppendResult {
  /** Revision of the last event now in the stream: pass it back as ExpectedRevision next time. */
  nextExpectedRevision: number;
  /** Global position of the last event appended (or found, for an idempotent retry). */
  position: number;
  /** False when every event was already there: a retried append that wrote nothing. */
  written: boolean;
}

export interface ReadAllOptions {
  /** Exclusive start: events strictly after this position. 0 (default) reads from the beginning. */
  after?: number;
  maxCount?: number;
}

export interface SubscriptionHandler {
  /** Called in log order, one batch at a time; the next batch waits for the promise. */
  onEvents(events: RecordedEvent[]): Promise<void>;
  /** Called when the subscription stops on an error it could not recover from. */
  onError?(error: Error): void;
}

export interface Subscription {
  /** Stops delivery; resolves once no batch is in flight. */
  stop(): Promise<void>;
}

export interface SubscribeOptions {
  /** Exclusive start position, usually the stored checkpoint (0 for the beginning). */
  after: number;
  /** Largest batch handed to onEvents. */
  batchSize?: number;
}

/** The port every event-store adapter implements and every adapter passes the same contract suite for. */
export interface EventStore {
  readonly engine: string;
  /** Appends atomically, or throws WrongExpectedRevisionError. Resolves once durable. */
  appendToStream(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** The whole stream in order, optionally up to (and including) a global position; [] when it does not exist. */
  readStream(streamId: string, options?: { untilPosition?: number }): Promise<RecordedEvent[]>;
  /** A page of the global log in order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Position of the last event in the log (0 when empty). */
  headPosition(): Promise<number>;
  /**
   * Optional fast path for the audit verifier: a page of the log as hashed records, with no JSON
   * parsing. Adapters that cannot do better than readAll leave it out.
   */
  readHashedPage?(after: number, maxCount: number): Promise<HashedRecord[]>;
  /** Catch-up then live delivery of the whole log from `after`, resuming by itself after connection errors. */
  subscribeToAll(options: SubscribeOptions, handler: SubscriptionHandler): Subscription;
  close(): Promise<void>;
}

/** Raised when the stream is not at the revision the caller expected: someone else wrote first. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Raised when an append reuses event ids that are already stored for different content or place. */
export class DuplicateEventIdError extends Error {
  constructor(readonly eventId: string) {
    super(`Event ${eventId} is already stored elsewhere in the log`);
    this.name = 'DuplicateEventIdError';
  }
}
