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
  /** The HTTP request that carried the command (X-Request-Id, also in the access log). */
  requestId?: string;
  /** ISO-8601 instant at which the command was decided. */
  recordedAt: string;
  /** SHA-256 of the HTTP request that carried an Idempotency-Key: the key is refused for another request. */
  requestHash?: string;
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
  /**
   * Set when the adapter could not decode the stored event (e.g. a non-JSON event written by
   * another client): `data` is then null and projections treat the event as poison (ADR 0022).
   */
  undecodable?: string;
}

/**
 * An event as the audit verifier walks it (see EventStore.checkedPages): its place, its stored hashes,
 * and the hash its stored content gives with its stored previous hash.
 */
export interface CheckedRecord {
  position: number;
  streamId: string;
  revision: number;
  type: string;
  hash: string;
  previousHash: string;
  /** sha256 of `previousHash + "\n" + canonical content`: equal to `hash` when the stored content is intact. */
  contentHash: string;
  /** The canonical form of the content, when the adapter has it at hand (always for anchor events); null otherwise. */
  canonical: string | null;
}

export interface CheckedSegmentsOptions {
  /** Exclusive start position. */
  after: number;
  /** Inclusive end position: events appended later are not walked. */
  until: number;
  /** Largest number of positions in a segment. */
  pageSize: number;
  /** Threads that check ranges in parallel (default: one per core, at most 4; 0: records only, read on the calling thread). */
  threads?: number;
  /** Positions that must end a segment (the positions anchors cover): the verifier needs the heads there. */
  cuts?: number[];
}

/** The first and last event of one stream inside a summarised range. */
export interface StreamRun {
  streamId: string;
  firstPosition: number;
  firstRevision: number;
  /** The stored previous hash of the stream's first event in the range: the verifier links it to its head. */
  firstPreviousHash: string;
  lastPosition: number;
  lastRevision: number;
  lastHash: string;
}

/** A range of positions the adapter vouches for inside: every content hash matches and every link inside it holds. */
export interface SummarySegment {
  kind: 'summary';
  /** Exclusive start and inclusive end of the range. */
  after: number;
  until: number;
  /** Events in the range, and the position of the last one. */
  count: number;
  lastPosition: number;
  /** One run per stream with events in the range, in the order of their first event. */
  runs: StreamRun[];
  /** The range's events one by one, for the verifier to walk when a run does not link to its head. */
  detail(): Promise<CheckedRecord[]>;
}

/** A range of events one by one: the verifier links and judges each. */
export interface RecordsSegment {
  kind: 'records';
  records: CheckedRecord[];
}

export type CheckedSegment = SummarySegment | RecordsSegment;

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
   * Optional fast path for the audit verifier: the log in segments, in order. A thread of the adapter
   * may check a whole range (content hashes, links inside it) and hand back only its summary; other
   * ranges come as records, each with the hash its stored content gives. Adapters that cannot do
   * better than readAll leave it out.
   */
  checkedSegments?(options: CheckedSegmentsOptions): AsyncIterable<CheckedSegment>;
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
