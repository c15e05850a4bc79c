import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordAnchor, LogTamperedError } from './anchor.js';
import type { EventMetadata, EventStore } from './event-store.port.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';
import { testEvent, uniqueStream } from './testing/event-store.contract.js';
import { ANCHOR_STREAM, verifyLog, type VerifyOptions } from './verify.js';

const actor: EventMetadata = {
  actorId: 'audit-test',
  actorRole: 'system',
  actorCommune: null,
  correlationId: 'audit-test',
  causationId: 'audit-test',
  commandId: 'audit-test',
  recordedAt: '2026-03-02T00:00:00.000Z',
};

/** Hides checkedPages: the verifier then goes through readAll, as on KurrentDB. */
const portOnly = (store: EventStore): EventStore => ({
  engine: store.engine,
  appendToStream: (...args) => store.appendToStream(...args),
  readStream: (...args) => store.readStream(...args),
  readAll: (...args) => store.readAll(...args),
  headPosition: () => store.headPosition(),
  subscribeToAll: (...args) => store.subscribeToAll(...args),
  close: () => store.close(),
});

describe('verifyLog', () => {
  let dir: string;
  let filename: string;
  let streams: string[];

  /** Three interleaved project streams of four events each, written to a file and closed. */
  async function writeLog(): Promise<void> {
    const store = new SqliteEventStore({ filename });
    try {
      streams = [uniqueStream('project'), uniqueStream('project'), uniqueStream('project')];
      for (let revision = 0; revision < 4; revision++) {
        for (const stream of streams) {
          await store.appendToStream(stream, [testEvent({ titre: `Mairie ${revision}`, montant: 1000 + revision })], revision === 0 ? 'no_stream' : revision - 1);
        }
      }
    } finally {
      await store.close();
    }
  }

  /** Opens the file, verifies it every way (parallel threads, this thread only, the port alone), and checks they agree. */
  async function verify(options: VerifyOptions = {}) {
    const store = new SqliteEventStore({ filename });
    try {
      const parallel = await verifyLog(store, { ...options, threads: 2, pageSize: options.pageSize ?? 3 });
      const fast = await verifyLog(store, { ...options, threads: 0 });
      const generic = await verifyLog(portOnly(store), options);
      expect(fast).toEqual(parallel);
      expect(generic).toEqual(fast);
      return fast;
    } finally {
      await store.close();
    }
  }

  function tamper(sql: string, ...params: unknown[]): void {
    const db = new Database(filename);
    try {
      expect(db.prepare(sql).run(...params).changes).toBe(1);
    } finally {
      db.close();
    }
  }

  function rowAt(stream: string, revision: number): { position: number } {
    const db = new Database(filename, { readonly: true });
    try {
      return db.prepare('SELECT position FROM events WHERE stream_id = ? AND revision = ?').get(stream, revision) as { position: number };
    } finally {
      db.close();
    }
  }

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'carnet-audit-'));
    filename = join(dir, 'events.sqlite');
    await writeLog();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('when the log is untouched', () => {
    it('reports it intact with every event and stream checked, and reports progress', async () => {
      const progress: number[] = [];
      const report = await verify({ pageSize: 5, onProgress: (p) => progress.push(p.eventsChecked) });
      expect(report).toMatchObject({ ok: true, eventsChecked: 12, streams: 3, headPosition: 12, firstMismatch: null, anchors: { checked: 0, failed: 0 } });
      expect(report.headsHash).toMatch(/^[0-9a-f]{64}$/);
      expect(progress).toContain(12);
    });
  });

  describe('when one byte of one stored event data is changed', () => {
    it('names exactly that event, with reason content', async () => {
      const { position } = rowAt(streams[1], 2);
      tamper("UPDATE events SET body = replace(body, 'Mairie 2', 'Mairje 2') WHERE position = ?", position);
      const report = await verify();
      expect(report.ok).toBe(false);
      expect(report.firstMismatch).toMatchObject({ position, streamId: streams[1], revision: 2, type: 'ThingHappened', reason: 'content' });
      expect(report.firstMismatch!.expectedHash).not.toBe(report.firstMismatch!.storedHash);
      expect(report.eventsChecked).toBe(position);
    });
  });

  describe('when one byte of the stored metadata is changed', () => {
    it('names that event too', async () => {
      const { position } = rowAt(streams[0], 1);
      tamper("UPDATE events SET body = replace(body, 'user-1', 'user-2') WHERE position = ?", position);
      expect((await verify()).firstMismatch).toMatchObject({ position, streamId: streams[0], revision: 1, reason: 'content' });
    });
  });

  describe('when the stored text is reformatted without changing its content', () => {
    it('still reports the log intact', async () => {
      const { position } = rowAt(streams[2], 1);
      tamper("UPDATE events SET body = replace(' ' || body || ' ', ',', ' , ') WHERE position = ?", position);
      expect(await verify()).toMatchObject({ ok: true, eventsChecked: 12 });
    });
  });

  describe('when a row in the middle of a stream is deleted', () => {
    it('names the next event of that stream, with reason revision gap', async () => {
      const deleted = rowAt(streams[0], 1).position;
      const next = rowAt(streams[0], 2).position;
      tamper('DELETE FROM events WHERE position = ?', deleted);
      expect((await verify()).firstMismatch).toMatchObject({ position: next, streamId: streams[0], revision: 2, reason: 'revision gap' });
    });
  });

  describe('when an event was rewritten with a fresh hash of its own', () => {
    it('names the next event of the stream, whose link no longer matches, with reason chain', async () => {
      const store = new SqliteEventStore({ filename });
      const [, victim] = await store.readStream(streams[0]);
      await store.close();
      const { canonicalEvent, hashEvent } = await import('./hash-chain.js');
      const forged = { ...victim, data: { titre: 'Autre', montant: 1 } };
      tamper('UPDATE events SET body = ?, hash = ? WHERE position = ?', canonicalEvent(forged), hashEvent(forged, victim.previousHash), victim.position);
      expect((await verify()).firstMismatch).toMatchObject({ position: rowAt(streams[0], 2).position, streamId: streams[0], revision: 2, reason: 'chain' });
    });
  });

  describe('when anchors were recorded', () => {
    async function anchor() {
      const store = new SqliteEventStore({ filename });
      try {
        return await recordAnchor(store, actor);
      } finally {
        await store.close();
      }
    }

    it('records them in the anchor stream and verifies them', async () => {
      const first = await anchor();
      expect(first).toMatchObject({ position: 12, streams: 3, eventPosition: 13 });
      const second = await anchor();
      expect(second).toMatchObject({ position: 13, streams: 4, eventPosition: 14 });
      const report = await verify();
      expect(report).toMatchObject({ ok: true, eventsChecked: 14, streams: 4, anchors: { checked: 2, failed: 0 } });
      const store = new SqliteEventStore({ filename });
      expect((await store.readStream(ANCHOR_STREAM)).map((e) => e.data)).toEqual([
        { position: 12, streams: 3, headsHash: first.headsHash },
        { position: 13, streams: 4, headsHash: second.headsHash },
      ]);
      await store.close();
      // The heads hash printed for export is the one the verifier recomputes at that position.
      expect((await verify({ anchors: [{ position: first.position, headsHash: first.headsHash }] })).anchors).toMatchObject({ checked: 3, failed: 0 });
    });

    it('makes the anchor fail too when an event before it is changed', async () => {
      const recorded = await anchor();
      const { position } = rowAt(streams[1], 3);
      tamper("UPDATE events SET body = replace(body, 'Mairie 3', 'Mairie 4') WHERE position = ?", position);
      const report = await verify({ continueAfterMismatch: true });
      expect(report.firstMismatch).toMatchObject({ position, reason: 'content' });
      expect(report.anchors).toMatchObject({ checked: 1, failed: 1 });
      expect(report.anchors.failures[0]).toMatchObject({ source: 'log', anchoredPosition: 12, eventPosition: recorded.eventPosition, anchoredHeadsHash: recorded.headsHash });
    });

    it('refuses to anchor a tampered log', async () => {
      tamper("UPDATE events SET body = replace(body, 'Mairie 0', 'Mairie 9') WHERE position = 1");
      const store = new SqliteEventStore({ filename });
      try {
        await expect(recordAnchor(store, actor)).rejects.toBeInstanceOf(LogTamperedError);
        expect(await store.readStream(ANCHOR_STREAM)).toEqual([]);
      } finally {
        await store.close();
      }
    });

    it('detects with an exported anchor that the last events were removed, which no chain shows', async () => {
      const exported = await anchor();
      tamper('DELETE FROM events WHERE position = ?', exported.eventPosition);
      tamper('DELETE FROM events WHERE position = ?', rowAt(streams[2], 3).position);
      const withoutAnchor = await verify();
      expect(withoutAnchor.ok).toBe(true);
      const report = await verify({ anchors: [{ position: exported.position, headsHash: exported.headsHash }] });
      expect(report.ok).toBe(false);
      expect(report.firstMismatch).toBeNull();
      expect(report.anchors.failures).toEqual([expect.objectContaining({ source: 'external', anchoredPosition: 12, recomputedHeadsHash: null })]);
    });
  });

  describe('when someone tries to make the indexed columns say something else than the body', () => {
    it('is refused by SQLite: the columns are generated from the body, and follow it', async () => {
      const { position } = rowAt(streams[2], 2);
      expect(() => tamper("UPDATE events SET type = 'OtherThing' WHERE position = ?", position)).toThrow(/generated column/);
      tamper(`UPDATE events SET body = replace(body, '"type":"ThingHappened"', '"type":"OtherThing"') WHERE position = ?`, position);
      const db = new Database(filename, { readonly: true });
      expect(db.prepare('SELECT type FROM events WHERE position = ?').get(position)).toEqual({ type: 'OtherThing' });
      db.close();
      expect((await verify()).firstMismatch).toMatchObject({ position, reason: 'content', type: 'OtherThing' });
    });
  });

  describe('when the file holds data and metadata in two columns (before the body column)', () => {
    it('moves them into the body once at open, keeps every hash, and still names an event changed before', async () => {
      const chained = join(dir, 'two-columns.sqlite');
      const db = new Database(chained);
      db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
        type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, hash TEXT NOT NULL, prev_hash TEXT NOT NULL,
        UNIQUE (stream_id, revision))`);
      const insert = db.prepare('INSERT INTO events (id, stream_id, revision, type, schema_version, data, metadata, hash, prev_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
      const { canonicalJson, hashEvent, GENESIS_HASH } = await import('./hash-chain.js');
      const events = [testEvent({ titre: 'École', n: 1 }), testEvent({ n: 2 }), testEvent({ n: 3 })];
      let previous = GENESIS_HASH;
      const hashes: string[] = [];
      events.forEach((event, revision) => {
        const hash = hashEvent({ ...event, streamId: 'project-a', revision }, previous);
        insert.run(event.id, 'project-a', revision, event.type, 1, canonicalJson(event.data), canonicalJson(event.metadata), hash, previous);
        hashes.push(hash);
        previous = hash;
      });
      // Changed by hand before the upgrade: the migration must not launder it.
      db.prepare(`UPDATE events SET data = '{"n":20}' WHERE revision = 1`).run();
      db.close();

      const store = new SqliteEventStore({ filename: chained });
      try {
        const read = await store.readStream('project-a');
        expect(read.map((e) => e.hash)).toEqual(hashes);
        expect(read[0].data).toEqual({ titre: 'École', n: 1 });
        const report = await verifyLog(store, { threads: 1 });
        expect(report.firstMismatch).toMatchObject({ streamId: 'project-a', revision: 1, reason: 'content' });
        const columns = (new Database(chained, { readonly: true }).pragma('table_info(events)') as Array<{ name: string }>).map((c) => c.name);
        expect(columns).toEqual(expect.arrayContaining(['body', 'hash', 'prev_hash']));
        expect(columns).not.toContain('data');
      } finally {
        await store.close();
      }
    });
  });

  describe('when the file was written before the hash chain existed', () => {
    it('adds the hashes once at open, keeps the content, and verifies', async () => {
      const legacy = join(dir, 'legacy.sqlite');
      const db = new Database(legacy);
      db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
        type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, UNIQUE (stream_id, revision))`);
      const insert = db.prepare('INSERT INTO events (id, stream_id, revision, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const events = [testEvent({ z: 1, a: 'é' }), testEvent({ n: 2 }), testEvent({ n: 3 })];
      insert.run(events[0].id, 'project-a', 0, events[0].type, 1, JSON.stringify(events[0].data), JSON.stringify(events[0].metadata));
      insert.run(events[1].id, 'project-b', 0, events[1].type, 1, JSON.stringify(events[1].data), JSON.stringify(events[1].metadata));
      insert.run(events[2].id, 'project-a', 1, events[2].type, 1, JSON.stringify(events[2].data), JSON.stringify(events[2].metadata));
      db.close();

      const store = new SqliteEventStore({ filename: legacy });
      try {
        const [a0, a1] = await store.readStream('project-a');
        expect(a0.data).toEqual(events[0].data);
        expect(a1.previousHash).toBe(a0.hash);
        await store.appendToStream('project-a', [testEvent({ n: 4 })], 1);
        expect(await verifyLog(store)).toMatchObject({ ok: true, eventsChecked: 4, streams: 2 });
      } finally {
        await store.close();
      }
      const reopened = new SqliteEventStore({ filename: legacy });
      expect(await verifyLog(reopened)).toMatchObject({ ok: true, eventsChecked: 4 });
      await reopened.close();
    });
  });
});
