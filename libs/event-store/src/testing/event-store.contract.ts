import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  DuplicateEventIdError,
  WrongExpectedRevisionError,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
  type Subscription,
} from '../event-store.port.js';
import { GENESIS_HASH, hashEvent } from '../hash-chain.js';

export interface EventStoreContractOptions {
  /**
   * True (default) when the engine refuses an event id already used in another stream.
   * KurrentDB checks ids per stream only; the suite then checks that documented behaviour instead.
   */
  uniqueEventIdsAcrossStreams?: boolean;
}

/** Generous upper bound for waits on a live subscription: a guard, not a measurement. */
const WAIT_MS = 15_000;

/** An event with a fresh UUID (KurrentDB requires UUID ids) and complete metadata. */
export function testEvent(data: unknown = { n: 1 }, type = 'ThingHappened', schemaVersion = 1): NewEvent {
  return {
    id: randomUUID(),
    type,
    schemaVersion,
    data,
    metadata: {
      actorId: 'user-1',
      actorRole: 'agent',
      actorCommune: null,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      commandId: randomUUID(),
      recordedAt: '2026-03-01T10:00:00.000Z',
    },
  };
}

/** A stream name no other test (or earlier run against a shared server) uses. */
export function uniqueStream(category = 'contract'): string {
  return `${category}-${randomUUID()}`;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject');
}

/** Subscribes and collects the events of the given streams; `until` resolves once a predicate holds. */
function collect(store: EventStore, after: number, streams: Set<string>, batchSize?: number) {
  const seen: RecordedEvent[] = [];
  const delivered: number[] = [];
  let inFlight = 0;
  let overlapped = false;
  let waiter: { predicate: (events: RecordedEvent[]) => boolean; resolve: () => void } | null = null;
  let lastPosition = after;
  const subscription: Subscription = store.subscribeToAll(
    { after, batchSize },
    {
      onEvents: async (batch) => {
        inFlight += 1;
        if (inFlight > 1) overlapped = true;
        await new Promise((resolve) => setImmediate(resolve));
        for (const event of batch) {
          delivered.push(event.position);
          if (streams.has(event.streamId)) seen.push(event);
        }
        lastPosition = batch[batch.length - 1].position;
        inFlight -= 1;
        if (waiter?.predicate(seen)) {
          waiter.resolve();
          waiter = null;
        }
      },
    },
  );
  return {
    seen,
    delivered,
    subscription,
    get overlapped() {
      return overlapped;
    },
    get lastPosition() {
      return lastPosition;
    },
    until(predicate: (events: RecordedEvent[]) => boolean): Promise<void> {
      if (predicate(seen)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`Subscription delivered ${seen.length} events, not enough`)), WAIT_MS);
        waiter = {
          predicate,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
      });
    },
  };
}

/**
 * The behaviour every EventStore adapter must show. Each test writes to its own streams, so the
 * suite also runs against a shared server that already holds other events.
 */
export function eventStoreContract(
  name: string,
  factory: () => Promise<{ store: EventStore; cleanup(): Promise<void> }>,
  options: EventStoreContractOptions = {},
): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      ({ store, cleanup } = await factory());
    });

    afterAll(async () => {
      await cleanup?.();
    });

    describe('appendToStream', () => {
      describe('when the stream does not exist', () => {
        it('appends with no_stream and reports the last revision and position', async () => {
          const stream = uniqueStream();
          const events = [testEvent({ n: 1 }), testEvent({ n: 2 })];
          const result = await store.appendToStream(stream, events, 'no_stream');
          const stored = await store.readStream(stream);
          expect(result.written).toBe(true);
          expect(result.nextExpectedRevision).toBe(1);
          expect(stored.map((e) => [e.id, e.revision])).toEqual([
            [events[0].id, 0],
            [events[1].id, 1],
          ]);
          expect(result.position).toBe(stored[1].position);
        });

        it('refuses stream_exists with WrongExpectedRevisionError', async () => {
          const stream = uniqueStream();
          const error = await rejection(store.appendToStream(stream, [testEvent()], 'stream_exists'));
          expect(error).toBeInstanceOf(WrongExpectedRevisionError);
          expect(error).toMatchObject({ streamId: stream, expected: 'stream_exists', actual: 'no_stream' });
          expect(await store.readStream(stream)).toEqual([]);
        });

        it('appends with any', async () => {
          const stream = uniqueStream();
          const result = await store.appendToStream(stream, [testEvent()], 'any');
          expect(result).toMatchObject({ nextExpectedRevision: 0, written: true });
        });
      });

      describe('when the stream exists', () => {
        async function streamWithTwoEvents(): Promise<string> {
          const stream = uniqueStream();
          await store.appendToStream(stream, [testEvent(), testEvent()], 'no_stream');
          return stream;
        }

        it('refuses no_stream with WrongExpectedRevisionError carrying the actual revision', async () => {
          const stream = await streamWithTwoEvents();
          const error = await rejection(store.appendToStream(stream, [testEvent()], 'no_stream'));
          expect(error).toBeInstanceOf(WrongExpectedRevisionError);
          expect(error).toMatchObject({ streamId: stream, expected: 'no_stream', actual: 1 });
        });

        it('appends at the exact current revision', async () => {
          const stream = await streamWithTwoEvents();
          const result = await store.appendToStream(stream, [testEvent()], 1);
          expect(result).toMatchObject({ nextExpectedRevision: 2, written: true });
          expect(await store.readStream(stream)).toHaveLength(3);
        });

        it('refuses a stale revision and writes nothing', async () => {
          const stream = await streamWithTwoEvents();
          const error = await rejection(store.appendToStream(stream, [testEvent()], 0));
          expect(error).toBeInstanceOf(WrongExpectedRevisionError);
          expect(error).toMatchObject({ expected: 0, actual: 1 });
          expect(await store.readStream(stream)).toHaveLength(2);
        });

        it('appends with stream_exists', async () => {
          const stream = await streamWithTwoEvents();
          expect(await store.appendToStream(stream, [testEvent()], 'stream_exists')).toMatchObject({ nextExpectedRevision: 2 });
        });

        it('appends with any whatever the revision', async () => {
          const stream = await streamWithTwoEvents();
          await store.appendToStream(stream, [testEvent()], 'any');
          expect(await store.appendToStream(stream, [testEvent()], 'any')).toMatchObject({ nextExpectedRevision: 3 });
        });
      });

      describe('when many appends with any race on one stream', () => {
        it('all succeed, none refused, and the stream keeps one unbroken chain', async () => {
          const stream = await (async () => {
            const s = uniqueStream();
            await store.appendToStream(s, [testEvent()], 'no_stream');
            return s;
          })();
          const results = await Promise.all(Array.from({ length: 16 }, (_, i) => store.appendToStream(stream, [testEvent({ n: i })], 'any')));
          expect(results.every((r) => r.written)).toBe(true);
          const events = await store.readStream(stream);
          expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 17 }, (_, i) => i));
          for (let i = 1; i < events.length; i++) expect(events[i].previousHash).toBe(events[i - 1].hash);
        });
      });

      describe('when the same append is retried', () => {
        it('reports written false, returns the original result and stores nothing new', async () => {
          const stream = uniqueStream();
          const before = await store.headPosition();
          const events = [testEvent({ n: 1 }), testEvent({ n: 2 })];
          const first = await store.appendToStream(stream, events, 'no_stream');
          const retry = await store.appendToStream(stream, events, 'no_stream');
          expect(first.written).toBe(true);
          expect(retry).toEqual({ nextExpectedRevision: first.nextExpectedRevision, position: first.position, written: false });
          const ours = (await store.readAll({ after: before, maxCount: 10_000 })).filter((e) => e.streamId === stream);
          expect(ours.map((e) => e.id)).toEqual(events.map((e) => e.id));
        });

        it('reports written false for a retry at an exact revision', async () => {
          const stream = uniqueStream();
          await store.appendToStream(stream, [testEvent()], 'no_stream');
          const events = [testEvent()];
          const first = await store.appendToStream(stream, events, 0);
          const retry = await store.appendToStream(stream, events, 0);
          expect(retry).toEqual({ ...first, written: false });
          expect(await store.readStream(stream)).toHaveLength(2);
        });

        if (options.uniqueEventIdsAcrossStreams ?? true) {
          it('refuses the same ids in another stream with DuplicateEventIdError', async () => {
            const events = [testEvent()];
            await store.appendToStream(uniqueStream(), events, 'no_stream');
            const other = uniqueStream();
            const error = await rejection(store.appendToStream(other, events, 'no_stream'));
            expect(error).toBeInstanceOf(DuplicateEventIdError);
            expect(await store.readStream(other)).toEqual([]);
          });
        } else {
          it('stores the same ids in another stream (this engine checks ids per stream only)', async () => {
            const events = [testEvent()];
            await store.appendToStream(uniqueStream(), events, 'no_stream');
            const other = uniqueStream();
            await store.appendToStream(other, events, 'no_stream');
            expect((await store.readStream(other)).map((e) => e.id)).toEqual([events[0].id]);
          });
        }
      });

      describe('when an append holds a value JSON cannot hold', () => {
        it('refuses it, writes none of its events, and the appends made at the same moment go through', async () => {
          const bad = uniqueStream();
          const good = uniqueStream();
          const before = await store.headPosition();
          const [refused, accepted] = await Promise.allSettled([
            store.appendToStream(bad, [testEvent({ ok: 1 }), testEvent({ amount: BigInt(1) })], 'no_stream'),
            store.appendToStream(good, [testEvent({ ok: 2 })], 'no_stream'),
          ]);
          expect(refused.status).toBe('rejected');
          expect(accepted).toMatchObject({ status: 'fulfilled', value: { written: true, nextExpectedRevision: 0 } });
          expect(await store.readStream(bad)).toEqual([]);
          const ours = (await store.readAll({ after: before, maxCount: 10_000 })).filter((e) => e.streamId === bad || e.streamId === good);
          expect(ours.map((e) => e.streamId)).toEqual([good]);
        });
      });

      describe('when appends run concurrently', () => {
        it('stores each of 32 appends to different streams exactly once', async () => {
          const before = await store.headPosition();
          const appends = Array.from({ length: 32 }, (_, i) => ({ stream: uniqueStream(), event: testEvent({ i }) }));
          const results = await Promise.all(appends.map((a) => store.appendToStream(a.stream, [a.event], 'no_stream')));
          expect(results.every((r) => r.written && r.nextExpectedRevision === 0)).toBe(true);
          expect(new Set(results.map((r) => r.position)).size).toBe(32);
          const streams = new Set(appends.map((a) => a.stream));
          const ours = (await store.readAll({ after: before, maxCount: 10_000 })).filter((e) => streams.has(e.streamId));
          expect(ours.map((e) => e.id).sort()).toEqual(appends.map((a) => a.event.id).sort());
        });

        it('lets exactly one of two appends with the same expected revision win', async () => {
          const stream = uniqueStream();
          await store.appendToStream(stream, [testEvent()], 'no_stream');
          const contenders = [testEvent({ who: 'a' }), testEvent({ who: 'b' })];
          const outcomes = await Promise.allSettled(contenders.map((e) => store.appendToStream(stream, [e], 0)));
          const won = outcomes.filter((o) => o.status === 'fulfilled');
          const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
          expect(won).toHaveLength(1);
          expect(lost).toHaveLength(1);
          expect(lost[0].reason).toBeInstanceOf(WrongExpectedRevisionError);
          expect(lost[0].reason).toMatchObject({ expected: 0, actual: 1 });
          const stored = await store.readStream(stream);
          expect(stored).toHaveLength(2);
          const winner = contenders[outcomes.indexOf(won[0])];
          expect(stored[1].id).toBe(winner.id);
        });
      });
    });

    describe('hash chain', () => {
      describe('when events are appended to a stream in several appends', () => {
        it('links revision 0 to 64 zeros and each event to the hash of the previous one', async () => {
          const stream = uniqueStream();
          const first = await store.appendToStream(stream, [testEvent({ n: 0 }), testEvent({ n: 1 })], 'no_stream');
          await store.appendToStream(stream, [testEvent({ n: 2 })], first.nextExpectedRevision);
          await store.appendToStream(stream, [testEvent({ n: 3 })], 'any');
          const stored = await store.readStream(stream);
          expect(stored.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
          expect(stored[0].previousHash).toBe(GENESIS_HASH);
          for (let i = 1; i < stored.length; i++) expect(stored[i].previousHash).toBe(stored[i - 1].hash);
          for (const event of stored) {
            expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
            expect(event.hash).toBe(hashEvent(event, event.previousHash));
          }
          expect(new Set(stored.map((e) => e.hash)).size).toBe(4);
        });

        it('returns the same hashes from readAll as from readStream', async () => {
          const stream = uniqueStream();
          const before = await store.headPosition();
          await store.appendToStream(stream, [testEvent(), testEvent()], 'no_stream');
          const all = (await store.readAll({ after: before, maxCount: 10_000 })).filter((e) => e.streamId === stream);
          expect(all.map((e) => [e.hash, e.previousHash])).toEqual((await store.readStream(stream)).map((e) => [e.hash, e.previousHash]));
        });
      });

      describe('when two streams are appended to in turn', () => {
        it('chains each stream on its own events only', async () => {
          const a = uniqueStream();
          const b = uniqueStream();
          await store.appendToStream(a, [testEvent({ s: 'a' })], 'no_stream');
          await store.appendToStream(b, [testEvent({ s: 'b' })], 'no_stream');
          await store.appendToStream(a, [testEvent({ s: 'a' })], 0);
          await store.appendToStream(b, [testEvent({ s: 'b' })], 0);
          const [a0, a1] = await store.readStream(a);
          const [b0, b1] = await store.readStream(b);
          expect([a0.previousHash, b0.previousHash]).toEqual([GENESIS_HASH, GENESIS_HASH]);
          expect(a1.previousHash).toBe(a0.hash);
          expect(b1.previousHash).toBe(b0.hash);
        });
      });

      describe('when the same append is retried', () => {
        it('keeps the hashes of the first append', async () => {
          const stream = uniqueStream();
          await store.appendToStream(stream, [testEvent()], 'no_stream');
          const events = [testEvent({ n: 1 }), testEvent({ n: 2 })];
          await store.appendToStream(stream, events, 0);
          const before = await store.readStream(stream);
          expect(await store.appendToStream(stream, events, 0)).toMatchObject({ written: false });
          expect(await store.appendToStream(stream, events, 'any')).toMatchObject({ written: false });
          const after = await store.readStream(stream);
          expect(after.map((e) => [e.id, e.hash, e.previousHash])).toEqual(before.map((e) => [e.id, e.hash, e.previousHash]));
        });
      });

      describe('when the same content is appended to two stores or twice', () => {
        it('gives the same hash for the same content at the same place, whoever computes it', async () => {
          const stream = uniqueStream();
          const event = testEvent({ titre: 'Mairie', montant: 12.5, liste: [1, { b: 2, a: 1 }] });
          await store.appendToStream(stream, [event], 'no_stream');
          const [stored] = await store.readStream(stream);
          // Same content, keys in another order: the canonical form is the same.
          const reordered = { ...event, data: { liste: [1, { a: 1, b: 2 }], montant: 12.5, titre: 'Mairie' } };
          expect(stored.hash).toBe(hashEvent({ ...reordered, streamId: stream, revision: 0 }, GENESIS_HASH));
        });
      });
    });

    describe('readStream', () => {
      describe('when the stream does not exist', () => {
        it('returns no events', async () => {
          expect(await store.readStream(uniqueStream())).toEqual([]);
        });
      });

      describe('when events carry unicode text and nested data', () => {
        it('returns data, metadata, type and schema version exactly as appended', async () => {
          const stream = uniqueStream();
          const event: NewEvent = {
            ...testEvent(
              {
                titre: 'Rénovation de l’école — « Les Écureuils » 🐿️',
                montant: 1234.5,
                zero: 0,
                negatif: -3,
                vide: '',
                nul: null,
                vrai: true,
                liste: [1, 'deux', { trois: [3] }],
                imbrique: { a: { b: { c: 'ç' } } },
              },
              'ProjectCreated',
              3,
            ),
          };
          event.metadata = { ...event.metadata, actorCommune: '2A004' };
          await store.appendToStream(stream, [event], 'no_stream');
          const [stored] = await store.readStream(stream);
          expect(stored).toEqual({ ...event, streamId: stream, revision: 0, position: expect.any(Number), hash: expect.any(String), previousHash: GENESIS_HASH });
        });
      });

      describe('when given untilPosition', () => {
        it('returns the events up to and including that position', async () => {
          const stream = uniqueStream();
          const first = await store.appendToStream(stream, [testEvent(), testEvent()], 'no_stream');
          await store.appendToStream(stream, [testEvent()], first.nextExpectedRevision);
          const until = await store.readStream(stream, { untilPosition: first.position });
          expect(until.map((e) => e.revision)).toEqual([0, 1]);
          expect(await store.readStream(stream)).toHaveLength(3);
        });
      });
    });

    describe('readAll', () => {
      describe('when events were appended to several streams', () => {
        let before: number;
        let ours: RecordedEvent[];
        let appended: string[];
        let streams: Set<string>;

        beforeAll(async () => {
          before = await store.headPosition();
          const a = uniqueStream();
          const b = uniqueStream();
          streams = new Set([a, b]);
          const batches: Array<[string, NewEvent[]]> = [
            [a, [testEvent({ s: 'a', n: 0 }), testEvent({ s: 'a', n: 1 })]],
            [b, [testEvent({ s: 'b', n: 0 })]],
            [a, [testEvent({ s: 'a', n: 2 })]],
            [b, [testEvent({ s: 'b', n: 1 }), testEvent({ s: 'b', n: 2 })]],
          ];
          appended = [];
          for (const [stream, events] of batches) {
            await store.appendToStream(stream, events, 'any');
            appended.push(...events.map((e) => e.id));
          }
          ours = (await store.readAll({ after: before, maxCount: 10_000 })).filter((e) => streams.has(e.streamId));
        });

        it('returns them in append order with strictly increasing positions', () => {
          expect(ours.map((e) => e.id)).toEqual(appended);
          for (let i = 1; i < ours.length; i++) expect(ours[i].position).toBeGreaterThan(ours[i - 1].position);
          expect(ours.filter((e) => e.data && (e.data as { s: string }).s === 'a').map((e) => e.revision)).toEqual([0, 1, 2]);
        });

        it('starts strictly after the given position', async () => {
          const page = await store.readAll({ after: ours[2].position, maxCount: 10_000 });
          expect(page[0].position).toBeGreaterThan(ours[2].position);
          expect(page.filter((e) => streams.has(e.streamId)).map((e) => e.id)).toEqual(appended.slice(3));
        });

        it('returns at most maxCount events', async () => {
          const page = await store.readAll({ after: before, maxCount: 2 });
          expect(page).toHaveLength(2);
          expect(page.map((e) => e.id)).toEqual(ours.slice(0, 2).map((e) => e.id));
        });
      });
    });

    describe('headPosition', () => {
      describe('when an event was appended', () => {
        it('is at least the position of that event, which it was not before', async () => {
          const before = await store.headPosition();
          const result = await store.appendToStream(uniqueStream(), [testEvent()], 'no_stream');
          expect(before).toBeLessThan(result.position);
          expect(await store.headPosition()).toBeGreaterThanOrEqual(result.position);
        });
      });
    });

    describe('subscribeToAll', () => {
      describe('when events exist before and arrive after subscribing', () => {
        it('delivers the existing ones then the live ones, in order, one batch at a time', async () => {
          const stream = uniqueStream();
          const before = await store.headPosition();
          const existing = [testEvent({ n: 0 }), testEvent({ n: 1 }), testEvent({ n: 2 })];
          const first = await store.appendToStream(stream, existing, 'no_stream');
          const sub = collect(store, before, new Set([stream]), 2);
          try {
            await sub.until((seen) => seen.length >= 3);
            const live = [testEvent({ n: 3 }), testEvent({ n: 4 })];
            await store.appendToStream(stream, [live[0]], first.nextExpectedRevision);
            await store.appendToStream(stream, [live[1]], first.nextExpectedRevision + 1);
            await sub.until((seen) => seen.length >= 5);
            expect(sub.seen.map((e) => e.id)).toEqual([...existing, ...live].map((e) => e.id));
            expect(sub.delivered[0]).toBeGreaterThan(before);
            for (let i = 1; i < sub.delivered.length; i++) expect(sub.delivered[i]).toBeGreaterThan(sub.delivered[i - 1]);
            expect(sub.overlapped).toBe(false);
          } finally {
            await sub.subscription.stop();
          }
        });
      });

      describe('when restarted from the checkpoint of a stopped subscription', () => {
        it('delivers what was appended meanwhile with no duplicate and no gap', async () => {
          const stream = uniqueStream();
          const before = await store.headPosition();
          const firstEvents = [testEvent({ n: 0 }), testEvent({ n: 1 })];
          await store.appendToStream(stream, firstEvents, 'no_stream');
          const one = collect(store, before, new Set([stream]));
          await one.until((seen) => seen.length >= 2);
          await one.subscription.stop();
          const checkpoint = one.lastPosition;

          const meanwhile = [testEvent({ n: 2 }), testEvent({ n: 3 })];
          await store.appendToStream(stream, [meanwhile[0]], 1);
          await store.appendToStream(stream, [meanwhile[1]], 2);

          const two = collect(store, checkpoint, new Set([stream]));
          try {
            await two.until((seen) => seen.length >= 2);
            const later = testEvent({ n: 4 });
            await store.appendToStream(stream, [later], 3);
            await two.until((seen) => seen.length >= 3);
            expect([...one.seen, ...two.seen].map((e) => e.id)).toEqual([...firstEvents, ...meanwhile, later].map((e) => e.id));
            expect(two.delivered[0]).toBeGreaterThan(checkpoint);
          } finally {
            await two.subscription.stop();
          }
        });
      });

      describe('when stopped', () => {
        it('delivers nothing more', async () => {
          const stream = uniqueStream();
          const before = await store.headPosition();
          await store.appendToStream(stream, [testEvent()], 'no_stream');
          const sub = collect(store, before, new Set([stream]));
          await sub.until((seen) => seen.length >= 1);
          await sub.subscription.stop();
          await store.appendToStream(stream, [testEvent()], 0);
          // A second subscription from the same start sees the new event: the first had it to deliver too.
          const witness = collect(store, before, new Set([stream]));
          await witness.until((seen) => seen.length >= 2);
          await witness.subscription.stop();
          expect(sub.seen).toHaveLength(1);
        });
      });
    });
  });
}
