import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { SqliteEventStore, type NewEvent, type RecordedEvent } from '@carnet/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keysOf, type Projection } from '../projection.js';
import { ProjectionRunner, ReadModelTimeoutError, projectBatch, readFaults } from '../projection-runner.js';
import { LeaseLostError, type DocumentChange, type ReadStore, type StoredDoc } from '../read-store.port.js';
import { REBUILD_LEASE, RebuildInProgressError, rebuildReadModels } from '../rebuild.js';

export interface ReadStoreFixture {
  store: ReadStore;
  /** A second instance over the same storage, as after a restart. */
  reopen(): Promise<ReadStore>;
  cleanup(): Promise<void>;
}

/** Guard for waits on asynchronous progress: a failure bound, not a measurement. */
const WAIT_MS = 15_000;

async function eventually(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject');
}

// ---- a tiny projection over test events ------------------------------------------------------

interface Thing {
  title: string;
  status: string;
  rank: number;
  renames: number;
}

type ThingData = { thingId: string; title?: string; status?: string; rank?: number };

/** Counts evolve calls so a test can tell which events a runner applied. */
function thingsProjection(): Projection<Thing> & { applied: RecordedEvent[] } {
  const applied: RecordedEvent[] = [];
  return {
    collection: 'things',
    indexedFields: ['status', 'rank'],
    applied,
    keyOf: (event) => (event.type.startsWith('Thing') ? (event.data as ThingData).thingId : null),
    evolve(doc, event) {
      applied.push(event);
      const data = event.data as ThingData;
      switch (event.type) {
        case 'ThingCreated':
          return { title: data.title!, status: data.status!, rank: data.rank!, renames: 0 };
        case 'ThingRenamed':
          // A counter, not just the last title: applying an event twice would show.
          return doc ? { title: data.title!, status: doc.status, rank: doc.rank, renames: doc.renames + 1 } : null;
        case 'ThingRemoved':
          return null;
        default:
          return doc;
      }
    },
  };
}

function thingEvent(type: string, data: ThingData): NewEvent {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: {
      actorId: 'user-1',
      actorRole: 'agent',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      commandId: randomUUID(),
      recordedAt: '2026-03-01T10:00:00.000Z',
    },
  };
}

/**
 * A second projection that cannot handle a rename to "poison" until it is fixed: a stand-in for a
 * projection bug or an event of a shape it does not know (ADR 0022).
 */
function checkedProjection(fixed: boolean): Projection<{ title: string }> {
  return {
    collection: 'checked',
    indexedFields: [],
    keyOf: (event) => (event.type.startsWith('Thing') ? (event.data as ThingData).thingId : null),
    evolve(doc, event) {
      const data = event.data as ThingData;
      if (event.type === 'ThingRenamed' && data.title === 'poison' && !fixed) throw new Error('cannot rename to poison');
      if (event.type === 'ThingCreated') return { title: data.title! };
      if (event.type === 'ThingRenamed') return doc ? { title: data.title! } : null;
      return event.type === 'ThingRemoved' ? null : doc;
    },
  };
}

/** The documents the projection gives when folded over the whole log in memory: the reference. */
async function expectedThings(events: SqliteEventStore): Promise<Map<string, Thing & StoredDoc>> {
  const projection = thingsProjection();
  const docs = new Map<string, Thing & StoredDoc>();
  for (const event of await events.readAll({ maxCount: 1_000_000 })) {
    for (const key of keysOf(projection, event)) {
      const next = projection.evolve(docs.get(key) ?? null, event, key);
      if (next === null) docs.delete(key);
      else docs.set(key, { ...next, id: key, _position: event.position });
    }
  }
  return docs;
}

function doc(id: string, position: number, fields: Record<string, unknown>): DocumentChange {
  return { collection: 'things', id, doc: { ...fields, _position: position } };
}

/**
 * The behaviour every ReadStore adapter must show, and the projection runner and rebuild running
 * on it (fed by a SqliteEventStore in a temporary directory). Each test gets a fresh store.
 */
export function readStoreContract(name: string, factory: () => Promise<ReadStoreFixture>): void {
  describe(`ReadStore contract: ${name}`, () => {
    let fixture: ReadStoreFixture;
    let store: ReadStore;

    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
    });

    afterEach(async () => {
      await fixture.cleanup();
    });

    describe('a read model set', () => {
      const things = [
        doc('a', 1, { title: 'École des Pins', status: 'draft', rank: 3, flag: true, codeInsee: '2A004' }),
        doc('b', 2, { title: 'Salle (B) polyvalente', status: 'published', rank: 1, flag: false }),
        doc('c', 3, { title: 'L’ÉCOLE maternelle', status: 'published', rank: 2, flag: null }),
        doc('d', 4, { title: 'Voirie', status: 'published', rank: 2 }),
      ];

      beforeEach(async () => {
        const set = store.at(await store.activeGeneration());
        await set.ensureCollection('things', ['status', 'rank']);
        await set.commit(things, 4);
      });

      const active = async () => store.at(await store.activeGeneration());

      describe('when asked for one document', () => {
        it('returns it with its id and position and nothing else', async () => {
          expect(await (await active()).get('things', 'a')).toEqual({
            id: 'a',
            title: 'École des Pins',
            status: 'draft',
            rank: 3,
            flag: true,
            codeInsee: '2A004',
            _position: 1,
          });
        });

        it('returns null when it does not exist', async () => {
          expect(await (await active()).get('things', 'zzz')).toBeNull();
          expect(await (await active()).get('never_written', 'a')).toBeNull();
        });
      });

      describe('when asked for several documents', () => {
        it('returns those that exist, by id', async () => {
          const found = await (await active()).getMany<{ title: string }>('things', ['c', 'a', 'zzz', 'a']);
          expect([...found.keys()].sort()).toEqual(['a', 'c']);
          expect(found.get('c')?.title).toBe('L’ÉCOLE maternelle');
        });
      });

      describe('when filtering with where', () => {
        it('matches strings, booleans and null (a missing field counts as null)', async () => {
          const set = await active();
          const ids = async (where: Record<string, string | number | boolean | null>) =>
            (await set.find('things', { where })).map((d) => d.id);
          expect(await ids({ status: 'published' })).toEqual(['b', 'c', 'd']);
          expect(await ids({ status: 'published', rank: 2 })).toEqual(['c', 'd']);
          expect(await ids({ flag: true })).toEqual(['a']);
          expect(await ids({ flag: false })).toEqual(['b']);
          expect(await ids({ flag: null })).toEqual(['c', 'd']);
          expect(await ids({ codeInsee: '2A004' })).toEqual(['a']);
          expect(await set.count('things', { where: { status: 'published' } })).toBe(3);
          expect(await set.ids('things', { where: { status: 'published' } })).toEqual(['b', 'c', 'd']);
          expect(await set.ids('things', { where: { flag: [true, null] }, range: [{ field: 'rank', op: 'gte', value: 2 }] })).toEqual(['a', 'c', 'd']);
          expect(await set.ids('never_written')).toEqual([]);
        });

        it('matches any value of a list, null included, and nothing for an empty list', async () => {
          const set = await active();
          const ids = async (where: Record<string, string | number | boolean | null | Array<string | number | boolean | null>>) =>
            (await set.find('things', { where })).map((d) => d.id);
          expect(await ids({ codeInsee: ['2A004', 'nowhere'] })).toEqual(['a']);
          expect(await ids({ status: ['published', 'draft'], rank: [2] })).toEqual(['c', 'd']);
          expect(await ids({ flag: [true, null] })).toEqual(['a', 'c', 'd']);
          expect(await ids({ status: [] })).toEqual([]);
          expect(await set.count('things', { where: { status: ['published'], rank: [1, 2] } })).toBe(await set.count('things', { where: { status: 'published' } }));
        });
      });

      describe('when a later commit changes a document', () => {
        it('finds it by its new indexed values only, and by its old ones when they stayed', async () => {
          const set = await active();
          // An indexed field changed (a's status and rank), then only an unindexed one (b's title).
          await set.commit([doc('a', 5, { title: 'École des Pins', status: 'published', rank: 0, flag: true }), doc('b', 6, { title: 'Salle des fêtes', status: 'published', rank: 1, flag: false })], 6);
          const ids = async (where: Record<string, string | number>) => (await set.find('things', { where })).map((d) => d.id);
          expect(await ids({ status: 'draft' })).toEqual([]);
          expect(await ids({ status: 'published' })).toEqual(['a', 'b', 'c', 'd']);
          expect(await ids({ rank: 3 })).toEqual([]);
          expect(await ids({ rank: 0 })).toEqual(['a']);
          expect(await set.count('things', { where: { status: 'draft' } })).toBe(0);
          expect((await set.find('things', { orderBy: [{ field: 'rank', direction: 'asc' }] })).map((d) => d.id)).toEqual(['a', 'b', 'c', 'd']);
          expect(await set.find('things', { where: { rank: 1 } })).toEqual([{ id: 'b', title: 'Salle des fêtes', status: 'published', rank: 1, flag: false, _position: 6 }]);
        });
      });

      describe('when a collection is loaded in bulk and indexed afterwards (a rebuild)', () => {
        it('finds every document by its last values, while loading, once indexed, and after later changes', async () => {
          const set = store.at(2);
          await set.ensureCollection('things', ['status', 'rank'], { indexesLater: true });
          await set.commit(things, 0);
          // Written again while loading (a rebuild's working set was full): one indexed value changed, one did not.
          await set.commit([doc('a', 5, { title: 'École des Pins', status: 'published', rank: 0 }), doc('b', 6, { title: 'Salle des fêtes', status: 'published', rank: 1 })], 0);
          const ids = async (where: Record<string, string | number>) => (await set.find('things', { where })).map((d) => d.id);
          expect(await ids({ status: 'draft' })).toEqual([]);
          expect(await ids({ rank: 0 })).toEqual(['a']);
          await set.ensureCollection('things', ['status', 'rank']);
          expect(await ids({ status: 'published' })).toEqual(['a', 'b', 'c', 'd']);
          expect(await ids({ rank: 3 })).toEqual([]);
          expect(await set.get('things', 'b')).toEqual({ id: 'b', title: 'Salle des fêtes', status: 'published', rank: 1, _position: 6 });
          // Indexed now: the live path (an unchanged row written alone, a changed one in full) gives the same answers.
          await set.commit([doc('a', 7, { title: 'École des Pins', status: 'draft', rank: 5 }), doc('c', 8, { title: 'École maternelle', status: 'published', rank: 2 })], 8);
          expect(await ids({ status: 'draft' })).toEqual(['a']);
          expect(await ids({ rank: 0 })).toEqual([]);
          expect(await ids({ rank: 2 })).toEqual(['c', 'd']);
          expect((await set.get('things', 'c'))?.title).toBe('École maternelle');
          expect(await set.count('things', { where: { status: 'published' } })).toBe(3);
        });
      });

      describe('when sorting and paging', () => {
        it('orders ascending or descending, ties by id, then applies offset and limit', async () => {
          const set = await active();
          const ids = async (direction: 'asc' | 'desc', limit?: number, offset?: number) =>
            (await set.find('things', { orderBy: [{ field: 'rank', direction }], limit, offset })).map((d) => d.id);
          expect(await ids('asc')).toEqual(['b', 'c', 'd', 'a']);
          expect(await ids('desc')).toEqual(['a', 'c', 'd', 'b']);
          expect(await ids('asc', 2, 1)).toEqual(['c', 'd']);
          expect(await ids('desc', 10, 3)).toEqual(['b']);
          expect(await ids('asc', 0)).toEqual([]);
          const byTwoFields = await set.find('things', {
            orderBy: [
              { field: 'status', direction: 'desc' },
              { field: 'title', direction: 'asc' },
            ],
          });
          expect(byTwoFields.map((d) => d.id)).toEqual(['c', 'b', 'd', 'a']);
        });
      });

      describe('when the collection also declares compound indexes', () => {
        it('answers every filter, sort, range and count as before, booleans and nulls included', async () => {
          const set = await active();
          const query = (q: Parameters<typeof set.find>[1]) => set.find('things', q).then((docs) => docs.map((d) => d.id));
          const questions: Array<Parameters<typeof set.find>[1]> = [
            { where: { status: 'published' }, orderBy: [{ field: 'rank', direction: 'desc' }] },
            { where: { status: ['published', 'draft'] }, orderBy: [{ field: 'rank', direction: 'asc' }], limit: 2, offset: 1 },
            { where: { flag: true } },
            { where: { flag: null }, orderBy: [{ field: 'rank', direction: 'desc' }] },
            { where: { flag: [false, null] } },
            { where: { status: 'published' }, range: [{ field: 'rank', op: 'gte', value: 2 }] },
          ];
          const before = await Promise.all(questions.map(query));
          const counts = await Promise.all(questions.map((q) => set.count('things', { where: q!.where, range: q!.range })));
          await set.ensureCollection('things', ['status', 'rank', 'flag'], { compoundIndexes: [['status', 'rank'], ['flag', 'rank']] });
          await set.ensureCollection('things', ['status', 'rank', 'flag'], { compoundIndexes: [['status', 'rank'], ['flag', 'rank']] });
          expect(await Promise.all(questions.map(query))).toEqual(before);
          expect(await Promise.all(questions.map((q) => set.count('things', { where: q!.where, range: q!.range })))).toEqual(counts);
          expect(before).toEqual([['c', 'd', 'b'], ['c', 'd'], ['a'], ['c', 'd'], ['b', 'c', 'd'], ['c', 'd']]);
          // Written after the indexes exist: found through them.
          await set.commit([doc('e', 5, { title: 'Piscine', status: 'published', rank: 9, flag: true })], 5);
          expect(await query({ where: { status: 'published', flag: true }, orderBy: [{ field: 'rank', direction: 'desc' }] })).toEqual(['e']);
          expect(await set.count('things', { where: { status: 'published' }, range: [{ field: 'rank', op: 'gt', value: 1 }] })).toBe(3);
        });
      });

      describe('when filtering with range', () => {
        it('compares numbers and strings, combines with where, and skips documents without the field', async () => {
          const set = await active();
          const ids = async (query: Parameters<typeof set.find>[1]) => (await set.find('things', query)).map((d) => d.id);
          expect(await ids({ range: [{ field: 'rank', op: 'gt', value: 1 }] })).toEqual(['a', 'c', 'd']);
          expect(await ids({ range: [{ field: 'rank', op: 'gte', value: 2 }, { field: 'rank', op: 'lt', value: 3 }] })).toEqual(['c', 'd']);
          expect(await ids({ range: [{ field: 'rank', op: 'lte', value: 2 }], where: { status: 'published' }, orderBy: [{ field: 'rank', direction: 'desc' }], limit: 1 })).toEqual(['c']);
          expect(await ids({ range: [{ field: 'codeInsee', op: 'gte', value: '2A' }] })).toEqual(['a']);
          expect(await set.count('things', { range: [{ field: 'rank', op: 'lt', value: 3 }] })).toBe(3);
        });
      });

      describe('when searching text with contains', () => {
        it('ignores accents and case', async () => {
          const set = await active();
          const ids = async (text: string) => (await set.find('things', { contains: { field: 'title', text } })).map((d) => d.id);
          expect(await ids('ecole')).toEqual(['a', 'c']);
          expect(await ids('ÉCOLE DES')).toEqual(['a']);
          expect(await ids('maternélle')).toEqual(['c']);
          expect(await ids('piscine')).toEqual([]);
        });

        it('treats the text literally', async () => {
          const set = await active();
          expect((await set.find('things', { contains: { field: 'title', text: '(b)' } })).map((d) => d.id)).toEqual(['b']);
          expect(await set.find('things', { contains: { field: 'title', text: '.*' } })).toEqual([]);
        });

        it('combines with where and count', async () => {
          const set = await active();
          expect(await set.count('things', { contains: { field: 'title', text: 'ecole' }, where: { status: 'published' } })).toBe(1);
          expect(await set.count('things', { contains: { field: 'title', text: 'ecole' } })).toBe(2);
          expect(await set.count('things')).toBe(4);
        });
      });

      describe('when a commit writes and deletes', () => {
        it('shows the documents and the checkpoint together', async () => {
          const set = await active();
          await set.commit([doc('a', 5, { title: 'École rénovée', status: 'published', rank: 3 }), { collection: 'things', id: 'd', doc: null }], 6);
          expect(await set.checkpoint()).toBe(6);
          expect(await set.get('things', 'a')).toMatchObject({ title: 'École rénovée', _position: 5 });
          expect(await set.get('things', 'd')).toBeNull();
          expect(await set.count('things')).toBe(3);
          expect((await set.find('things', { contains: { field: 'title', text: 'renovee' } })).map((d) => d.id)).toEqual(['a']);
        });

        it('writes nothing and keeps the checkpoint when one change is invalid', async () => {
          const set = await active();
          const error = await rejection(
            set.commit([doc('e', 7, { title: 'Nouveau', status: 'draft', rank: 9 }), { collection: 'Not-A-Name', id: 'x', doc: { _position: 7 } }], 7),
          );
          expect(error).toBeInstanceOf(Error);
          expect(await set.get('things', 'e')).toBeNull();
          expect(await set.checkpoint()).toBe(4);
        });
      });

      describe('when two commits upsert the same new document at once', () => {
        it('both succeed and leave one document', async () => {
          const set = await active();
          await Promise.all(
            Array.from({ length: 8 }, (_, i) => set.commit([doc('new', 10 + i, { title: `Version ${i}`, status: 'draft', rank: i })], 10 + i)),
          );
          expect(await set.count('things', { where: { status: 'draft' } })).toBe(2);
          expect(await set.get('things', 'new')).toMatchObject({ status: 'draft' });
          // Checkpoint moves are only guaranteed for one writer per generation (the runner's case):
          // FerretDB 1.x applies $max as read-then-write, so racing commits may keep an older value.
          await set.commit([doc('new', 18, { title: 'Version 8', status: 'draft', rank: 8 })], 18);
          expect(await set.checkpoint()).toBe(18);
        });
      });

      describe('when a commit carries an older position', () => {
        it('never moves the checkpoint backwards', async () => {
          const set = await active();
          await set.commit([], 10);
          await set.commit([], 5);
          expect(await set.checkpoint()).toBe(10);
        });
      });
    });

    describe('generations', () => {
      describe('when the store is new', () => {
        it('has generation 1, active, with checkpoint 0', async () => {
          expect(await store.activeGeneration()).toBe(1);
          expect(await store.generations()).toEqual([1]);
          expect(await store.at(1).checkpoint()).toBe(0);
        });
      });

      describe('when a second generation is filled', () => {
        beforeEach(async () => {
          await store.at(1).commit([doc('a', 1, { title: 'Un', status: 'draft', rank: 1 })], 1);
        });

        it('starts empty and stays apart from the first', async () => {
          const second = store.at(2);
          await second.ensureCollection('things', ['status']);
          expect(await second.find('things')).toEqual([]);
          expect(await second.checkpoint()).toBe(0);
          await second.commit([doc('b', 1, { title: 'Deux', status: 'draft', rank: 1 })], 1);
          expect((await store.at(1).find('things')).map((d) => d.id)).toEqual(['a']);
          expect((await second.find('things')).map((d) => d.id)).toEqual(['b']);
          expect(await store.generations()).toEqual([1, 2]);
        });

        it('becomes the active one on activate, and the old one can then be dropped', async () => {
          await store.at(2).commit([doc('b', 1, { title: 'Deux', status: 'draft', rank: 1 })], 1);
          await store.activate(2);
          expect(await store.activeGeneration()).toBe(2);
          await store.dropGeneration(1);
          expect(await store.generations()).toEqual([2]);
          expect(await store.at(1).find('things')).toEqual([]);
          expect(await store.at(1).checkpoint()).toBe(0);
          expect((await store.at(2).find('things')).map((d) => d.id)).toEqual(['b']);
        });

        it('refuses to drop the active generation', async () => {
          await expect(store.dropGeneration(1)).rejects.toThrow();
          expect((await store.at(1).find('things')).map((d) => d.id)).toEqual(['a']);
        });

        it('is seen by another instance over the same storage', async () => {
          await store.at(2).commit([doc('b', 1, { title: 'Deux', status: 'draft', rank: 1 })], 1);
          await store.activate(2);
          const other = await fixture.reopen();
          try {
            expect(await other.activeGeneration()).toBe(2);
            expect(await other.at(2).checkpoint()).toBe(1);
          } finally {
            await other.close();
          }
        });
      });
    });

    describe('leases (ADR 0024)', () => {
      const T0 = 1_800_000_000_000;

      it('is taken by the first holder, refused to another until it expires, then taken over at a higher term', async () => {
        const first = await store.acquireLease('projections', 'instance-a', 5000, T0);
        expect(first).toEqual({ name: 'projections', holder: 'instance-a', acquiredAt: T0, expiresAt: T0 + 5000, term: 1 });
        expect(await store.acquireLease('projections', 'instance-b', 5000, T0 + 4999)).toBeNull();
        // Renewed by its holder: same term, later expiry.
        expect(await store.acquireLease('projections', 'instance-a', 5000, T0 + 3000)).toMatchObject({ holder: 'instance-a', term: 1, expiresAt: T0 + 8000 });
        expect(await store.acquireLease('projections', 'instance-b', 5000, T0 + 7999)).toBeNull();
        const taken = await store.acquireLease('projections', 'instance-b', 5000, T0 + 8000);
        expect(taken).toEqual({ name: 'projections', holder: 'instance-b', acquiredAt: T0 + 8000, expiresAt: T0 + 13_000, term: 2 });
        expect(await store.lease('projections')).toEqual(taken);
        // The old holder cannot renew what it lost.
        expect(await store.acquireLease('projections', 'instance-a', 5000, T0 + 8001)).toBeNull();
      });

      it('is given to exactly one of many instances asking at once', async () => {
        const others = await Promise.all([fixture.reopen(), fixture.reopen()]);
        try {
          const askers = [store, ...others].flatMap((s, i) => Array.from({ length: 4 }, (_, j) => s.acquireLease('rebuild', `instance-${i}-${j}`, 5000, T0)));
          const held = (await Promise.all(askers)).filter((l) => l !== null);
          expect(held).toHaveLength(1);
          expect(await store.lease('rebuild')).toEqual(held[0]);
          // Same once it expired: one take-over, one new term.
          const later = [store, ...others].flatMap((s, i) => Array.from({ length: 4 }, (_, j) => s.acquireLease('rebuild', `late-${i}-${j}`, 5000, T0 + 6000)));
          const again = (await Promise.all(later)).filter((l) => l !== null);
          expect(again).toHaveLength(1);
          expect(again[0]!.term).toBe(2);
        } finally {
          for (const other of others) await other.close();
        }
      });

      it('is free at once when its holder gives it up, and only its holder can', async () => {
        await store.acquireLease('projections', 'instance-a', 60_000, T0);
        await store.releaseLease('projections', 'instance-b');
        expect(await store.acquireLease('projections', 'instance-b', 5000, T0 + 1)).toBeNull();
        await store.releaseLease('projections', 'instance-a');
        expect(await store.acquireLease('projections', 'instance-b', 5000, T0 + 2)).toMatchObject({ holder: 'instance-b', term: 2 });
      });

      it('fences commits: a holder that lost its lease writes nothing', async () => {
        const set = store.at(await store.activeGeneration());
        await set.ensureCollection('things', ['status', 'rank']);
        const a = (await store.acquireLease('projections', 'instance-a', 5000, T0))!;
        await set.commit([doc('a', 1, { title: 'Un', status: 'draft', rank: 1 })], 1, { name: 'projections', holder: 'instance-a', term: a.term });
        const b = (await store.acquireLease('projections', 'instance-b', 5000, T0 + 5000))!;
        const refused = await rejection(set.commit([doc('a', 2, { title: 'Écrasé', status: 'draft', rank: 1 })], 2, { name: 'projections', holder: 'instance-a', term: a.term }));
        expect(refused).toBeInstanceOf(LeaseLostError);
        expect(await set.get('things', 'a')).toMatchObject({ title: 'Un', _position: 1 });
        expect(await set.checkpoint()).toBe(1);
        await set.commit([doc('a', 2, { title: 'Deux', status: 'draft', rank: 1 })], 2, { name: 'projections', holder: 'instance-b', term: b.term });
        expect(await set.get('things', 'a')).toMatchObject({ title: 'Deux', _position: 2 });
      });
    });

    describe('projections', () => {
      let dir: string;
      let events: SqliteEventStore;
      const runners: ProjectionRunner[] = [];

      beforeEach(() => {
        dir = mkdtempSync(join(tmpdir(), 'carnet-rs-events-'));
        events = new SqliteEventStore({ filename: join(dir, 'events.db'), pollMs: 20 });
      });

      afterEach(async () => {
        for (const runner of runners.splice(0)) await runner.stop();
        await events.close();
        rmSync(dir, { recursive: true, force: true });
      });

      function runner(on: ReadStore, projection = thingsProjection()): ProjectionRunner {
        const r = new ProjectionRunner(events, on, [projection], { batchSize: 3, generationCheckMs: 10 });
        runners.push(r);
        return r;
      }

      async function append(...list: NewEvent[]): Promise<number> {
        let position = 0;
        for (const event of list) position = (await events.appendToStream(`thing-${(event.data as ThingData).thingId}`, [event], 'any')).position;
        return position;
      }

      describe('when several instances share the stores (ADR 0024)', () => {
        function leased(on: ReadStore, holder: string, projection = thingsProjection()): ProjectionRunner {
          const r = new ProjectionRunner(events, on, [projection], {
            batchSize: 3,
            generationCheckMs: 10,
            lease: { holder, ttlMs: 400, renewMs: 50, standbyPollMs: 10 },
          });
          runners.push(r);
          return r;
        }

        it('runs the projections in one instance; the others read its checkpoint, and take over when it stops', async () => {
          const other = await fixture.reopen();
          try {
            const seenByA = thingsProjection();
            const seenByB = thingsProjection();
            const a = leased(store, 'instance-a', seenByA);
            await a.start();
            const b = leased(other, 'instance-b', seenByB);
            await b.start();
            expect(a.role.role).toBe('holder');
            expect(b.role.role).toBe('standby');
            expect((await b.currentLease())?.holder).toBe('instance-a');

            const first = await append(thingEvent('ThingCreated', { thingId: 'x', title: 'Mairie', status: 'draft', rank: 1 }));
            // Read-your-writes on the instance that stands by: it waits for the holder's checkpoint.
            await b.waitForPosition(first, WAIT_MS);
            expect(await b.readModels().get('things', 'x')).toMatchObject({ title: 'Mairie' });
            expect(seenByB.applied).toHaveLength(0);

            await a.stop();
            await eventually(() => b.role.role === 'holder', 'instance-b to take the lease');
            const last = await append(thingEvent('ThingRenamed', { thingId: 'x', title: 'Hôtel de ville' }));
            await b.waitForPosition(last, WAIT_MS);
            expect(await b.readModels().get('things', 'x')).toMatchObject({ title: 'Hôtel de ville', renames: 1, _position: last });
            // Each event applied once in all: B went on from A's checkpoint.
            expect([...seenByA.applied, ...seenByB.applied].map((e) => e.position)).toEqual([first, last]);
          } finally {
            await stopAll(runners);
            await other.close();
          }
        });

        it('reads the holder’s checkpoint at once when woken, long before its next poll', async () => {
          const other = await fixture.reopen();
          try {
            const holder = leased(store, 'instance-a');
            await holder.start();
            const b = new ProjectionRunner(events, other, [thingsProjection()], {
              batchSize: 3,
              generationCheckMs: 10,
              lease: { holder: 'instance-b', ttlMs: 400, renewMs: 50, standbyPollMs: 60_000 },
            });
            runners.push(b);
            await b.start();
            expect(b.role.role).toBe('standby');
            const position = await append(thingEvent('ThingCreated', { thingId: 'x', title: 'Mairie', status: 'draft', rank: 1 }));
            await holder.waitForPosition(position, WAIT_MS);
            // A poll a minute away: only the wake-up brings the checkpoint.
            expect(b.checkpoint).toBeLessThan(position);
            b.wake();
            await b.waitForPosition(position, WAIT_MS);
            expect(await b.readModels().get('things', 'x')).toMatchObject({ title: 'Mairie' });
          } finally {
            await stopAll(runners);
            await other.close();
          }
        });

        it('leaves the lease to the preferred holder: an instance that yields takes it only once it stayed free long enough', async () => {
          const other = await fixture.reopen();
          try {
            // An HTTP process's runner: it yields the lease to the projections process (ADR 0024).
            const yieldingRunner = (holder: string) =>
              new ProjectionRunner(events, other, [thingsProjection()], {
                batchSize: 3,
                generationCheckMs: 10,
                lease: { holder, ttlMs: 400, renewMs: 50, standbyPollMs: 10, yieldMs: 800 },
              });
            const yielding = yieldingRunner('http-process');
            runners.push(yielding);
            await yielding.start();
            // Nobody held it yet: free since forever, the yielding instance takes it.
            await eventually(() => yielding.role.role === 'holder', 'the free lease to be taken');
            await yielding.stop();
            runners.splice(runners.indexOf(yielding), 1);
            // The preferred holder comes, holds it, then dies: the yielding one waits the lease and its yield.
            const preferred = (await store.acquireLease('projections', 'projections-process', 400))!;
            const again = yieldingRunner('http-process-2');
            runners.push(again);
            await again.start();
            await eventually(() => again.role.role === 'holder', 'the lease to be taken after its expiry and the yield');
            expect(Date.now()).toBeGreaterThanOrEqual(preferred.expiresAt + 800);
          } finally {
            await stopAll(runners);
            await other.close();
          }
        });

        it('takes over from a holder that died without giving the lease up, once it expired', async () => {
          const other = await fixture.reopen();
          try {
            const first = await append(thingEvent('ThingCreated', { thingId: 'x', title: 'Mairie', status: 'draft', rank: 1 }));
            // A holder that died: the lease is there, nobody renews it.
            const dead = (await store.acquireLease('projections', 'dead-instance', 400))!;
            const b = leased(other, 'instance-b');
            await b.start();
            expect(b.role.role).toBe('standby');
            await eventually(() => b.role.role === 'holder', 'the lease to expire and be taken');
            await b.waitForPosition(first, WAIT_MS);
            expect(await b.readModels().get('things', 'x')).toMatchObject({ title: 'Mairie' });
            expect((await b.currentLease())).toMatchObject({ holder: 'instance-b', term: dead.term + 1 });
          } finally {
            await stopAll(runners);
            await other.close();
          }
        });
      });

      describe('when the runner restarts', () => {
        it('catches up from its checkpoint without applying earlier events again', async () => {
          const first = await append(
            thingEvent('ThingCreated', { thingId: 'x', title: 'Mairie', status: 'draft', rank: 1 }),
            thingEvent('ThingCreated', { thingId: 'y', title: 'Stade', status: 'draft', rank: 2 }),
            thingEvent('ThingRenamed', { thingId: 'x', title: 'Hôtel de ville' }),
          );
          const one = runner(store);
          await one.start();
          await one.waitForPosition(first, WAIT_MS);
          await one.stop();

          const last = await append(thingEvent('ThingRenamed', { thingId: 'x', title: 'Mairie annexe' }), thingEvent('ThingRemoved', { thingId: 'y' }));
          const reopened = await fixture.reopen();
          try {
            const projection = thingsProjection();
            const two = runner(reopened, projection);
            await two.start();
            expect(two.checkpoint).toBe(first);
            await two.waitForPosition(last, WAIT_MS);
            expect(projection.applied.map((e) => e.type)).toEqual(['ThingRenamed', 'ThingRemoved']);
            const set = two.readModels();
            expect(await set.get('things', 'x')).toMatchObject({ title: 'Mairie annexe', renames: 2 });
            expect(await set.get('things', 'y')).toBeNull();
            expect(await set.checkpoint()).toBe(last);
          } finally {
            await stopAll(runners);
            await reopened.close();
          }
        });
      });

      describe('when a projection meets an event it cannot handle', () => {
        it('stops that projection only, at that event, and reports where', async () => {
          const r = new ProjectionRunner(events, store, [thingsProjection(), checkedProjection(false)], { batchSize: 2 });
          runners.push(r);
          await r.start();
          await append(thingEvent('ThingCreated', { thingId: 'x', title: 'Mairie', status: 'draft', rank: 1 }));
          const poison = await append(thingEvent('ThingRenamed', { thingId: 'x', title: 'poison' }));
          const last = await append(
            thingEvent('ThingCreated', { thingId: 'y', title: 'Stade', status: 'draft', rank: 2 }),
            thingEvent('ThingRenamed', { thingId: 'x', title: 'Hôtel de ville' }),
          );
          await r.waitForPosition(last, WAIT_MS);
          const set = r.readModels();
          expect(await set.get('things', 'x')).toMatchObject({ title: 'Hôtel de ville', renames: 2 });
          expect(await set.get('things', 'y')).toMatchObject({ title: 'Stade' });
          expect(await set.get('checked', 'x')).toMatchObject({ title: 'Mairie', _position: poison - 1 });
          expect(await set.get('checked', 'y')).toBeNull();
          const expected = { projection: 'checked', position: poison, streamId: 'thing-x', revision: 1, type: 'ThingRenamed', error: 'cannot rename to poison' };
          expect(r.stoppedProjections).toEqual([expect.objectContaining(expected)]);
          expect(await readFaults(set)).toEqual([expect.objectContaining(expected)]);
        });

        it('resumes from the event it stopped on once fixed, after a restart', async () => {
          const r = new ProjectionRunner(events, store, [thingsProjection(), checkedProjection(false)], { batchSize: 2 });
          runners.push(r);
          await r.start();
          await append(thingEvent('ThingCreated', { thingId: 'x', title: 'Mairie', status: 'draft', rank: 1 }), thingEvent('ThingRenamed', { thingId: 'x', title: 'poison' }));
          const last = await append(thingEvent('ThingCreated', { thingId: 'y', title: 'Stade', status: 'draft', rank: 2 }));
          await r.waitForPosition(last, WAIT_MS);
          await stopAll(runners);

          const reopened = await fixture.reopen();
          try {
            const fixed = new ProjectionRunner(events, reopened, [thingsProjection(), checkedProjection(true)], { batchSize: 2 });
            runners.push(fixed);
            await fixed.start();
            expect(fixed.stoppedProjections).toEqual([]);
            const set = fixed.readModels();
            expect(await set.get('checked', 'x')).toMatchObject({ title: 'poison' });
            expect(await set.get('checked', 'y')).toMatchObject({ title: 'Stade' });
            expect(await readFaults(set)).toEqual([]);
            const later = await append(thingEvent('ThingRenamed', { thingId: 'y', title: 'Stade municipal' }));
            await fixed.waitForPosition(later, WAIT_MS);
            expect(await set.get('checked', 'y')).toMatchObject({ title: 'Stade municipal' });
          } finally {
            await stopAll(runners);
            await reopened.close();
          }
        });

        it('is poison for the projections an undecodable event concerns, and ignored by the others', async () => {
          const set = store.at(1);
          await set.ensureCollection('things', []);
          const unreadable = { ...thingEvent('ThingCreated', { thingId: 'z' }), data: null, streamId: 'thing-z', revision: 0, position: 1, hash: '', previousHash: '', undecodable: 'not JSON' };
          const outcome = await projectBatch(set, [thingsProjection(), { ...checkedProjection(true), keyOf: () => null }], [unreadable as RecordedEvent]);
          expect(outcome.faults).toEqual([expect.objectContaining({ projection: 'things', position: 1, streamId: 'thing-z', error: 'undecodable event: not JSON' })]);
          expect(await set.checkpoint()).toBe(1);
        });

        it('stops it in a rebuild too, which completes the other projections and records the fault', async () => {
          await append(thingEvent('ThingCreated', { thingId: 'x', title: 'Mairie', status: 'draft', rank: 1 }));
          const poison = await append(thingEvent('ThingRenamed', { thingId: 'x', title: 'poison' }));
          const head = await append(thingEvent('ThingCreated', { thingId: 'y', title: 'Stade', status: 'draft', rank: 2 }));
          const result = await rebuildReadModels(events, store, [thingsProjection(), checkedProjection(false)], { batchSize: 2 });
          const set = store.at(result.generation);
          expect(result.position).toBe(head);
          expect(await set.get('things', 'y')).toMatchObject({ title: 'Stade' });
          expect(await set.get('checked', 'x')).toMatchObject({ title: 'Mairie' });
          expect(await readFaults(set)).toEqual([expect.objectContaining({ projection: 'checked', position: poison })]);
        });
      });

      describe('when the same events are applied twice', () => {
        it('gives the same documents (replay after a crash before the checkpoint moved)', async () => {
          await append(
            thingEvent('ThingCreated', { thingId: 'x', title: 'Mairie', status: 'draft', rank: 1 }),
            thingEvent('ThingRenamed', { thingId: 'x', title: 'Hôtel de ville' }),
            thingEvent('ThingCreated', { thingId: 'y', title: 'Stade', status: 'draft', rank: 2 }),
            thingEvent('ThingRemoved', { thingId: 'y' }),
            thingEvent('ThingCreated', { thingId: 'z', title: 'École', status: 'published', rank: 3 }),
          );
          const log = await events.readAll();
          const set = store.at(await store.activeGeneration());
          await set.ensureCollection('things', ['status', 'rank']);
          await projectBatch(set, [thingsProjection()], log);
          const once = await set.find('things');
          await projectBatch(set, [thingsProjection()], log);
          await projectBatch(set, [thingsProjection()], log.slice(1));
          expect(await set.find('things')).toEqual(once);
          expect(once).toEqual([...(await expectedThings(events)).values()]);
          expect(await set.checkpoint()).toBe(log[log.length - 1].position);
        });
      });

      describe('when waiting for a position', () => {
        it('resolves once the read models reflect it', async () => {
          const r = runner(store);
          await r.start();
          const position = await append(thingEvent('ThingCreated', { thingId: 'x', title: 'Mairie', status: 'draft', rank: 1 }));
          await r.waitForPosition(position, WAIT_MS);
          expect(await r.readModels().get('things', 'x')).toMatchObject({ title: 'Mairie', _position: position });
        });

        it('fails with ReadModelTimeoutError when the position is never reached', async () => {
          const r = runner(store);
          await r.start();
          const position = await append(thingEvent('ThingCreated', { thingId: 'x', title: 'Mairie', status: 'draft', rank: 1 }));
          await r.waitForPosition(position, WAIT_MS);
          const error = await rejection(r.waitForPosition(position + 1000, 30));
          expect(error).toBeInstanceOf(ReadModelTimeoutError);
          expect(error).toMatchObject({ position: position + 1000, reached: position });
        });
      });

      describe('when the read models are rebuilt', () => {
        it('runs one at a time: a rebuild is refused while another holds the rebuild lease, and changes nothing', async () => {
          await append(thingEvent('ThingCreated', { thingId: 'x', title: 'Mairie', status: 'draft', rank: 1 }));
          await store.acquireLease(REBUILD_LEASE, 'other-machine', 60_000);
          const before = await store.generations();
          const refused = await rejection(rebuildReadModels(events, store, [thingsProjection()], { lease: { holder: 'this-machine' } }));
          expect(refused).toBeInstanceOf(RebuildInProgressError);
          expect((refused as RebuildInProgressError).holder).toBe('other-machine');
          expect(await store.generations()).toEqual(before);
          await store.releaseLease(REBUILD_LEASE, 'other-machine');
          const done = await rebuildReadModels(events, store, [thingsProjection()], { lease: { holder: 'this-machine' } });
          expect(await store.activeGeneration()).toBe(done.generation);
          expect(await store.at(done.generation).get('things', 'x')).toMatchObject({ title: 'Mairie' });
          expect(await store.lease(REBUILD_LEASE)).toMatchObject({ holder: 'this-machine', expiresAt: 0 });
        });

        it('builds a new generation equal to the live one and activates it', async () => {
          const r = runner(store);
          await r.start();
          const head = await append(
            thingEvent('ThingCreated', { thingId: 'x', title: 'Mairie', status: 'draft', rank: 1 }),
            thingEvent('ThingCreated', { thingId: 'y', title: 'Stade', status: 'draft', rank: 2 }),
            thingEvent('ThingRenamed', { thingId: 'x', title: 'Hôtel de ville' }),
            thingEvent('ThingRemoved', { thingId: 'y' }),
          );
          await r.waitForPosition(head, WAIT_MS);
          const live = r.readModels();
          const result = await rebuildReadModels(events, store, [thingsProjection()], { batchSize: 2 });
          expect(result).toMatchObject({ generation: live.generation + 1, position: head, events: 4 });
          expect(await store.activeGeneration()).toBe(result.generation);
          expect(await store.at(result.generation).find('things')).toEqual(await live.find('things'));
          expect(await store.at(result.generation).checkpoint()).toBe(head);
        });

        it('keeps the generation active before it, which a running API may still read, and drops older ones', async () => {
          await append(thingEvent('ThingCreated', { thingId: 'k', title: 'Kiosque', status: 'draft', rank: 1 }));
          const first = await rebuildReadModels(events, store, [thingsProjection()]);
          const second = await rebuildReadModels(events, store, [thingsProjection()]);
          // An API that has not noticed the second swap yet still reads the first rebuild's generation.
          expect(await store.generations()).toEqual([first.generation, second.generation]);
          expect(await store.at(first.generation).get('things', 'k')).toMatchObject({ title: 'Kiosque' });
          const third = await rebuildReadModels(events, store, [thingsProjection()]);
          expect(await store.generations()).toEqual([second.generation, third.generation]);
          expect(await store.activeGeneration()).toBe(third.generation);
        });

        it('gives the same documents when its working set is too small to hold them and must read them back', async () => {
          const r = runner(store);
          await r.start();
          const head = await append(
            thingEvent('ThingCreated', { thingId: 'a', title: 'Lavoir', status: 'draft', rank: 1 }),
            thingEvent('ThingCreated', { thingId: 'b', title: 'Stade', status: 'draft', rank: 2 }),
            thingEvent('ThingRenamed', { thingId: 'a', title: 'Lavoir communal' }),
            thingEvent('ThingCreated', { thingId: 'c', title: 'École', status: 'draft', rank: 3 }),
            thingEvent('ThingRenamed', { thingId: 'a', title: 'Lavoir du bourg' }),
            thingEvent('ThingRemoved', { thingId: 'b' }),
            thingEvent('ThingRenamed', { thingId: 'c', title: 'École élémentaire' }),
          );
          await r.waitForPosition(head, WAIT_MS);
          const live = await r.readModels().find<Thing>('things');
          const result = await rebuildReadModels(events, store, [thingsProjection()], { batchSize: 2, workingSetLimit: 1 });
          const rebuilt = await store.at(result.generation).find<Thing>('things');
          expect(rebuilt).toEqual(live);
          expect(rebuilt.find((d) => d.id === 'a')).toMatchObject({ title: 'Lavoir du bourg', renames: 2 });
          expect(rebuilt.map((d) => d.id)).not.toContain('b');
          expect(await store.at(result.generation).checkpoint()).toBe(head);
        });

        it('keeps the running runner up to date across the swap, including events appended meanwhile', async () => {
          const r = runner(store);
          await r.start();
          let head = 0;
          for (let i = 0; i < 10; i++) {
            head = await append(thingEvent('ThingCreated', { thingId: `t${i}`, title: `Chose ${i}`, status: 'draft', rank: i }));
          }
          await r.waitForPosition(head, WAIT_MS);
          const before = r.readModels().generation;

          const during: Array<Promise<number>> = [];
          const result = await rebuildReadModels(events, store, [thingsProjection()], {
            batchSize: 2,
            onProgress: (p) => {
              if (during.length < 3 && p.events < 10) {
                during.push(append(thingEvent('ThingRenamed', { thingId: `t${during.length}`, title: `Renommée ${during.length}` })));
              }
            },
          });
          expect(during.length).toBeGreaterThan(0);
          await Promise.all(during);
          const after = await append(thingEvent('ThingCreated', { thingId: 'late', title: 'Tardive', status: 'draft', rank: 99 }));

          await eventually(() => r.readModels().generation === result.generation, 'the runner to follow the swap');
          expect(result.generation).toBe(before + 1);
          await r.waitForPosition(after, WAIT_MS);
          const docs = await r.readModels().find<Thing>('things');
          expect(docs).toEqual([...(await expectedThings(events)).values()].sort((a, b) => a.id.localeCompare(b.id)));
          expect(docs.filter((d) => d.renames === 1)).toHaveLength(during.length);
          expect(await r.readModels().checkpoint()).toBe(after);
        });
      });
    });
  });
}

/** Stops runners started in a test before the store they write to is closed. */
async function stopAll(runners: ProjectionRunner[]): Promise<void> {
  for (const r of runners.splice(0)) await r.stop();
}
