import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { verifyLog } from '../verify.js';
import { prepareEvents, SqliteAppendWriter } from './sqlite-append-writer.js';
import { SqliteEventStore } from './sqlite-event-store.js';
import { openEventDatabase } from './sqlite-schema.js';

const here = dirname(fileURLToPath(import.meta.url));
const libRoot = resolve(here, '../..');
const repoRoot = resolve(libRoot, '../..');
const betterSqlite3 = createRequire(import.meta.url).resolve('better-sqlite3');

/** Another process takes the log's write lock and keeps it `ms` milliseconds; resolves once it holds it. */
function holdWriteLock(filename: string, ms: number): Promise<{ released: Promise<void> }> {
  return new Promise((locked, fail) => {
    const child = spawn(process.execPath, [join(here, '../testing/hold-write-lock.mjs'), betterSqlite3, filename, String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const released = new Promise<void>((done) => child.once('exit', () => done()));
    child.stdout.once('data', () => locked({ released }));
    child.once('error', fail);
  });
}

const oneEvent = (id: string) => [{ id, type: 'Tested', schemaVersion: 1, data: { n: 1 }, metadata: {} }];

interface ChildReport {
  name: string;
  acked: Array<{ id: string; stream: string; revision: number; position: number }>;
  conflicts: number;
}

function race(filename: string, name: string, appends: number, streams: number): Promise<ChildReport> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(here, '../testing/race-appends.mjs'), join(libRoot, 'dist/index.js'), filename, name, String(appends), String(streams)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? done(JSON.parse(out.trim().split('\n').pop()!)) : fail(new Error(`${name} exited with ${code}: ${out}`))));
  });
}

/**
 * WORKERS=n shares one SQLite log between processes (ADR 0024): optimistic concurrency and the
 * hash chain must hold across them, not only between the appends of one process.
 */
describe('SqliteEventStore shared by several processes', () => {
  let dir: string;
  beforeAll(() => {
    // The children import the built library: build it so it is never stale.
    execFileSync(join(repoRoot, 'node_modules/.bin/tsc'), ['-b', libRoot], { cwd: repoRoot, stdio: 'inherit' });
  }, 120_000);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'carnet-es-processes-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('when three processes append to the same streams at once, each with the revision it read', () => {
    it('acknowledges each revision once, loses no acknowledged event, and keeps one valid hash chain', async () => {
      const filename = join(dir, 'events.sqlite');
      // Created once before the race, as the first WORKERS process does.
      await new SqliteEventStore({ filename }).close();
      const reports = await Promise.all(['p1', 'p2', 'p3'].map((name) => race(filename, name, 120, 3)));

      const store = new SqliteEventStore({ filename });
      try {
        const acked = reports.flatMap((r) => r.acked);
        expect(acked).toHaveLength(360);
        // The processes did race: some appends had to read again.
        expect(reports.reduce((n, r) => n + r.conflicts, 0)).toBeGreaterThan(0);
        const all = await store.readAll({ maxCount: 10_000 });
        expect(all).toHaveLength(360);
        const byId = new Map(all.map((e) => [e.id, e]));
        // Every acknowledged append is in the log, in its stream, at the revision and position it was answered with.
        for (const a of acked) expect(byId.get(a.id)).toMatchObject({ streamId: a.stream, revision: a.revision, position: a.position });
        // No revision given twice, none skipped: each stream is 0..n-1.
        for (const stream of ['race-0', 'race-1', 'race-2']) {
          const revisions = (await store.readStream(stream)).map((e) => e.revision);
          expect(revisions).toEqual(revisions.map((_, i) => i));
          expect(new Set(acked.filter((a) => a.stream === stream).map((a) => a.revision)).size).toBe(revisions.length);
        }
        const report = await verifyLog(store);
        expect(report).toMatchObject({ ok: true, eventsChecked: 360, streams: 3, firstMismatch: null });
      } finally {
        await store.close();
      }
    }, 120_000);
  });

  describe('when another connection appends to a stream this writer already wrote to', () => {
    it('sees the new head: the right expected revision is accepted, the stale one refused, and the chain goes on from the other write', async () => {
      // Each store has its own writer thread (its own connection), as two WORKERS processes do. The
      // writer remembers the heads it wrote; another connection's commit must make it forget them.
      const filename = join(dir, 'events.sqlite');
      const a = new SqliteEventStore({ filename });
      const b = new SqliteEventStore({ filename });
      try {
        await a.appendToStream('shared', oneEvent('00000000-0000-4000-8000-00000000000a'), 'no_stream');
        await b.appendToStream('shared', oneEvent('00000000-0000-4000-8000-00000000000b'), 0);
        await expect(a.appendToStream('shared', oneEvent('00000000-0000-4000-8000-00000000000c'), 0)).rejects.toMatchObject({ name: 'WrongExpectedRevisionError' });
        expect(await a.appendToStream('shared', oneEvent('00000000-0000-4000-8000-00000000000d'), 1)).toMatchObject({ nextExpectedRevision: 2, written: true });
        const stream = await a.readStream('shared');
        expect(stream.map((e) => [e.id.slice(-1), e.revision])).toEqual([['a', 0], ['b', 1], ['d', 2]]);
        expect(stream[2].previousHash).toBe(stream[1].hash);
        expect(await verifyLog(a)).toMatchObject({ ok: true, eventsChecked: 3, firstMismatch: null });
      } finally {
        await a.close();
        await b.close();
      }
    }, 30_000);
  });

  describe('when a store closes right after a verification that started several threads', () => {
    it('waits for the threads still starting instead of aborting the process', async () => {
      // A one-range log and four threads: three are still loading SQLite's native module when the
      // store closes. Stopping a thread at that moment aborted the whole process (exit 134), which
      // is how CI died once; the child repeats it so that the race is met.
      const filename = join(dir, 'events.sqlite');
      const { code, out } = await new Promise<{ code: number | null; out: string }>((done) => {
        const child = spawn(process.execPath, [join(here, '../testing/verify-then-close.mjs'), join(libRoot, 'dist/index.js'), filename, '25'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('exit', (exitCode) => done({ code: exitCode, out }));
      });
      expect({ code, out: out.trim().split('\n').pop() }).toEqual({ code: 0, out: JSON.stringify({ rounds: 25, verified: 25 }) });
    }, 120_000);
  });

  describe('when another process holds the write lock of the log', () => {
    it('waits for it and then writes, when it is released within the timeout', async () => {
      const filename = join(dir, 'events.sqlite');
      const store = new SqliteEventStore({ filename });
      try {
        const { released } = await holdWriteLock(filename, 300);
        let answered = false;
        const append = store.appendToStream('held-1', oneEvent('00000000-0000-4000-8000-000000000001'), 'no_stream').then((r) => ((answered = true), r));
        await new Promise((r) => setTimeout(r, 100));
        // Still held: the writer waits instead of failing.
        expect(answered).toBe(false);
        await released;
        expect(await append).toMatchObject({ nextExpectedRevision: 0, written: true });
        expect((await store.readStream('held-1')).map((e) => e.id)).toEqual(['00000000-0000-4000-8000-000000000001']);
      } finally {
        await store.close();
      }
    }, 30_000);

    it('gives up with SQLITE_BUSY after its timeout, and writes nothing', async () => {
      const filename = join(dir, 'events.sqlite');
      const db = openEventDatabase(filename);
      db.pragma('busy_timeout = 0');
      try {
        const writer = new SqliteAppendWriter(db, { timeoutMs: 150 });
        const { released } = await holdWriteLock(filename, 1_000);
        expect(() => writer.write([{ streamId: 'held-2', events: prepareEvents(oneEvent('00000000-0000-4000-8000-000000000002')), expected: 'no_stream' }])).toThrow(
          expect.objectContaining({ code: 'SQLITE_BUSY' }),
        );
        await released;
        expect(db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 0 });
      } finally {
        db.close();
      }
    }, 30_000);
  });
});
