import {
  ANY,
  BACKWARDS,
  END,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  KurrentDBClient,
  NO_STREAM,
  NotLeaderError,
  UnavailableError,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendStreamState,
  type JSONEventType,
  type Position,
  type ReadPosition,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import {
  WrongExpectedRevisionError,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionHandler,
} from '../event-store.port.js';
import { GENESIS_HASH, hashEvent } from '../hash-chain.js';

export interface KurrentDbEventStoreOptions {
  /** e.g. `kurrentdb://localhost:2113?tls=false` for a dev server started with `--insecure`. */
  connectionString: string;
  /** Delay before the first resubscription after a connection error, doubled up to 5 s (ms). */
  retryMs?: number;
  /** Tries of an append when the server is unavailable or not the leader (default 6: about 3 s of backoff). */
  appendAttempts?: number;
}

/** KurrentDB keeps no schema version: it travels in the metadata under this key. */
const SCHEMA_VERSION_KEY = 'schemaVersion';
/** The hash chain (ADR 0008) travels in the metadata too, under reserved keys stripped on reading. */
const HASH_KEY = '$carnet.hash';
const PREVIOUS_HASH_KEY = '$carnet.previousHash';
/**
 * How many times an append with 'any' / 'stream_exists' re-reads the head after losing a race to
 * another writer of the same stream. Such an append has no expected revision to be refused on:
 * it goes on (with a short random wait) until it wins; the bound only stops a runaway loop.
 */
const HEAD_RACE_ATTEMPTS = 1000;

/** Errors after which the append may be tried again: the server (or this node) could not take it. */
const isTransient = (error: unknown): boolean => error instanceof UnavailableError || error instanceof NotLeaderError;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** Largest u64: what old servers report as the position of an event read from its stream. */
const NO_POSITION = 0xffffffffffffffffn;

type StoredMetadata = EventMetadata & { [SCHEMA_VERSION_KEY]: number; [HASH_KEY]?: string; [PREVIOUS_HASH_KEY]?: string };
type KurrentRecorded = NonNullable<ResolvedEvent['event']> | NonNullable<AllStreamResolvedEvent['event']>;

/**
 * The event store on a KurrentDB server (gRPC client 1.x).
 *
 * Positions are commit positions: since KurrentDB 20, an event appended without an explicit
 * transaction has commit position = prepare position, so one number identifies it and resuming
 * from `{ commit: p, prepare: p }` is exact (the gRPC API has no explicit transactions).
 *
 * Limitations, documented in the contract suite too:
 * - KurrentDB checks event ids per stream only: reusing an id in another stream is not refused
 *   (no DuplicateEventIdError).
 * - `written: false` comes from a read before the append that finds the same ids already at the
 *   place the append targets. Two copies of the same append racing each other are still stored
 *   once (the server is idempotent), but both may report `written: true`.
 * - Requires KurrentDB/EventStoreDB ≥ 22.6, which returns positions when reading a stream.
 */
export class KurrentDbEventStore implements EventStore {
  readonly engine = 'kurrentdb';
  private readonly client: KurrentDBClient;
  private readonly subscriptions = new Set<Subscription>();
  private readonly retryMs: number;
  private readonly appendAttempts: number;

  constructor(options: KurrentDbEventStoreOptions) {
    this.client = KurrentDBClient.connectionString(options.connectionString);
    this.retryMs = options.retryMs ?? 100;
    this.appendAttempts = options.appendAttempts ?? 6;
  }

  /**
   * Appends, trying again after Unavailable / NotLeader with a growing wait (100 ms, 200 ms… 1.6 s).
   * Safe within the idempotency guarantees: event ids are fixed by the command, and each try first
   * looks for its events already in place (findRetry), so an append the server took before the
   * connection dropped is reported (`written: false`), never stored twice.
   */
  async appendToStream(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('Nothing to append');
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.appendOnce(streamId, events, expected);
      } catch (error) {
        if (!isTransient(error) || attempt >= this.appendAttempts) throw error;
        await sleep(this.retryMs * 2 ** (attempt - 1));
      }
    }
  }

  private async appendOnce(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const retried = await this.findRetry(streamId, events, expected);
    if (retried) return retried;
    // The chain needs the hash of the stream's last event. The append is then made at that exact
    // revision, so the event hashed as the previous one is the previous one; with 'any' or
    // 'stream_exists' a concurrent append makes the server refuse, and the head is read again.
    const exact = typeof expected === 'number' || expected === 'no_stream';
    for (let attempt = 1; ; attempt++) {
      const head = await this.streamHead(streamId, expected);
      if (expected === 'stream_exists' && head.revision === null) throw new WrongExpectedRevisionError(streamId, expected, 'no_stream');
      let previousHash = head.hash;
      const stored = events.map((event, i) => {
        const hash = hashEvent({ ...event, streamId, revision: (head.revision ?? -1) + 1 + i }, previousHash);
        const metadata = { ...event.metadata, [SCHEMA_VERSION_KEY]: event.schemaVersion, [HASH_KEY]: hash, [PREVIOUS_HASH_KEY]: previousHash } satisfies StoredMetadata;
        previousHash = hash;
        return jsonEvent<JSONEventType>({ id: event.id, type: event.type, data: event.data as JSONEventType['data'], metadata });
      });
      const streamState = exact ? toStreamState(expected) : head.revision === null ? NO_STREAM : BigInt(head.revision);
      try {
        const result = await this.client.appendToStream(streamId, stored, { streamState });
        if (!result.position) throw new Error(`KurrentDB returned no position for the append to ${streamId}`);
        return {
          nextExpectedRevision: toNumber(result.nextExpectedRevision, 'revision'),
          position: toNumber(result.position.commit, 'position'),
          written: true,
        };
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) {
          if (!exact && attempt < HEAD_RACE_ATTEMPTS) {
            // Lost a race for the head: spread the retries of many writers of the same stream.
            await sleep(Math.random() * Math.min(50, attempt * 2));
            continue;
          }
          const actual = error.actualState === NO_STREAM ? 'no_stream' : toNumber(error.actualState, 'revision');
          throw new WrongExpectedRevisionError(streamId, expected, actual);
        }
        throw error;
      }
    }
  }

  /** The revision and hash of the event the append will follow (revision null: no stream yet). */
  private async streamHead(streamId: string, expected: ExpectedRevision): Promise<{ revision: number | null; hash: string }> {
    if (expected === 'no_stream') return { revision: null, hash: GENESIS_HASH };
    const [last] =
      typeof expected === 'number'
        ? await this.readStreamPage(streamId, { fromRevision: BigInt(expected), maxCount: 1 })
        : await this.readStreamPage(streamId, { fromRevision: END, maxCount: 1, backwards: true });
    // With an exact revision that is not there, the server refuses the append: the hash is never used.
    if (!last) return { revision: typeof expected === 'number' ? expected : null, hash: GENESIS_HASH };
    return { revision: last.revision, hash: last.hash };
  }

  /**
   * A retried append finds its events already where it wanted to put them: report it without
   * writing. KurrentDB would acknowledge the retry anyway, but without saying it wrote nothing.
   */
  private async findRetry(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult | null> {
    let candidates: RecordedEvent[];
    if (expected === 'no_stream') {
      candidates = await this.readStreamPage(streamId, { fromRevision: START, maxCount: events.length });
    } else if (typeof expected === 'number') {
      candidates = await this.readStreamPage(streamId, { fromRevision: BigInt(expected + 1), maxCount: events.length });
    } else {
      // 'any' / 'stream_exists': the server's own check looks at the end of the stream.
      candidates = (await this.readStreamPage(streamId, { fromRevision: END, maxCount: events.length, backwards: true })).reverse();
    }
    if (candidates.length !== events.length) return null;
    if (!candidates.every((c, i) => c.id === events[i].id)) return null;
    const last = candidates[candidates.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position, written: false };
  }

  private async readStreamPage(
    streamId: string,
    options: { fromRevision: bigint | typeof START | typeof END; maxCount?: number; backwards?: boolean; stopAfter?: number },
  ): Promise<RecordedEvent[]> {
    const result: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, {
        fromRevision: options.fromRevision,
        maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
        direction: options.backwards ? BACKWARDS : FORWARDS,
      })) {
        if (!resolved.event) continue;
        const event = toRecorded(resolved.event);
        // Positions grow with revisions: past `stopAfter`, nothing further belongs to the answer.
        if (options.stopAfter !== undefined && event.position > options.stopAfter) break;
        result.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return result;
  }

  /** The stream forwards; with `untilPosition`, the read stops at the first event past it (the rest is never loaded). */
  async readStream(streamId: string, options: { untilPosition?: number } = {}): Promise<RecordedEvent[]> {
    const until = options.untilPosition;
    if (until === undefined) return this.readStreamPage(streamId, { fromRevision: START });
    return this.readStreamPage(streamId, { fromRevision: START, stopAfter: until });
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? 0;
    const maxCount = options.maxCount ?? 1000;
    const result: RecordedEvent[] = [];
    // Reading from a position includes the event at it: ask for one more and drop it.
    for await (const resolved of this.client.readAll({
      fromPosition: toReadPosition(after),
      maxCount: maxCount + 1,
      direction: FORWARDS,
      filter: excludeSystemEvents(),
    })) {
      const event = fromAll(resolved);
      if (!event || event.position <= after) continue;
      result.push(event);
      if (result.length === maxCount) break;
    }
    return result;
  }

  async headPosition(): Promise<number> {
    // The last user event, not the last record: system events ($stats…) would make the head run ahead
    // of anything readAll can return, and a rebuild would wait for it forever.
    for await (const resolved of this.client.readAll({
      fromPosition: END,
      maxCount: 1,
      direction: BACKWARDS,
      filter: excludeSystemEvents(),
    })) {
      const event = fromAll(resolved);
      if (event) return event.position;
    }
    return 0;
  }

  subscribeToAll(options: SubscribeOptions, handler: SubscriptionHandler): Subscription {
    const batchSize = options.batchSize ?? 500;
    let position = options.after;
    let running = true;
    let current: AllStreamSubscription | null = null;
    let wakeUp: () => void = () => undefined;

    // The client does not resubscribe after a connection error: this loop does, from the last
    // position the handler accepted, so nothing is skipped or delivered twice.
    const loop = (async () => {
      let retry = this.retryMs;
      while (running) {
        const subscription = this.client.subscribeToAll(
          { fromPosition: toReadPosition(position), filter: excludeSystemEvents() },
          { highWaterMark: batchSize },
        );
        current = subscription;
        try {
          const iterator = subscription[Symbol.asyncIterator]();
          while (running) {
            const next = await iterator.next();
            if (next.done || !running) break;
            const batch: RecordedEvent[] = [];
            const push = (resolved: AllStreamResolvedEvent) => {
              const event = fromAll(resolved);
              if (event && event.position > position) batch.push(event);
            };
            push(next.value);
            // Take what is already buffered without waiting, to deliver batches rather than single events.
            while (batch.length < batchSize && subscription.readableLength > 0) {
              const more = await iterator.next();
              if (more.done) break;
              push(more.value);
            }
            if (batch.length === 0 || !running) continue;
            await handler.onEvents(batch);
            position = batch[batch.length - 1].position;
            retry = this.retryMs;
          }
          if (!running) break;
          throw new Error('KurrentDB subscription ended');
        } catch (error) {
          if (!running) break;
          handler.onError?.(error as Error);
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, retry);
            wakeUp = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          retry = Math.min(retry * 2, 5000);
        } finally {
          current = null;
          await closeSubscription(subscription);
        }
      }
    })();

    const subscription: Subscription = {
      stop: async () => {
        running = false;
        this.subscriptions.delete(subscription);
        wakeUp();
        // Ends a pending read so the loop can notice it has to stop.
        if (current) await closeSubscription(current);
        await loop;
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }
}

async function closeSubscription(subscription: AllStreamSubscription): Promise<void> {
  try {
    await subscription.unsubscribe();
  } catch {
    // The call never started (server unreachable): nothing to cancel.
  } finally {
    subscription.destroy();
  }
}

function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      if (!Number.isSafeInteger(expected) || expected < 0) throw new Error(`Invalid expected revision ${expected}`);
      return BigInt(expected);
  }
}

/** Exclusive start for readAll/subscribeToAll; 0 is the beginning of the log. */
function toReadPosition(after: number): ReadPosition {
  if (after <= 0) return START;
  const p = BigInt(after);
  return { commit: p, prepare: p } satisfies Position;
}

/** bigint → number, refusing values a number cannot hold exactly (see ADR 0003). */
export function toNumber(value: bigint, what: string): number {
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`KurrentDB ${what} ${value} is outside the safe integer range`);
  }
  return Number(value);
}

function fromAll(resolved: AllStreamResolvedEvent): RecordedEvent | null {
  const event = resolved.event;
  // System events and links ($>) never reach projections.
  if (!event || event.streamId.startsWith('$') || event.type.startsWith('$')) return null;
  return toRecorded(event);
}

/**
 * Never throws on an event's content: an event another client wrote in binary (not JSON) comes
 * out with `data: null` and `undecodable` set, so that a subscription does not retry it for ever
 * and projections treat it as poison (ADR 0022).
 */
export function toRecorded(event: KurrentRecorded): RecordedEvent {
  if (!event.position || event.position.commit === NO_POSITION) {
    throw new Error('KurrentDB returned an event without its position: KurrentDB ≥ 22.6 is required');
  }
  const rawMetadata = event.metadata;
  const metadataIsObject = typeof rawMetadata === 'object' && rawMetadata !== null && !(rawMetadata instanceof Uint8Array) && !Array.isArray(rawMetadata);
  const {
    [SCHEMA_VERSION_KEY]: schemaVersion,
    [HASH_KEY]: hash,
    [PREVIOUS_HASH_KEY]: previousHash,
    ...metadata
  } = (metadataIsObject ? rawMetadata : {}) as unknown as StoredMetadata;
  const recorded: RecordedEvent = {
    id: event.id,
    streamId: event.streamId,
    revision: toNumber(event.revision, 'revision'),
    position: toNumber(event.position.commit, 'position'),
    type: event.type,
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 1,
    data: event.isJson ? event.data : null,
    metadata: metadata as EventMetadata,
    // Events written before the hash chain have none: the verifier reports the first of them.
    hash: hash ?? '',
    previousHash: previousHash ?? '',
  };
  if (!event.isJson) recorded.undecodable = `event ${event.id} in ${event.streamId} is not JSON (${event.type})`;
  else if (!metadataIsObject) recorded.undecodable = `event ${event.id} in ${event.streamId} has no JSON metadata`;
  return recorded;
}
