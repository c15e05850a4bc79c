import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testEvent, uniqueStream } from '../testing/event-store.contract.js';
import { SqliteEventStore } from './sqlite-event-store.js';

const here = dirname(fileURLToPath(import.meta.url));
const libRoot = resolve(here, '../..');
const repoRoot = resolve(libRoot, '../..');

describe('SqliteEventStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'carnet-es-sqlite-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('when the file is new', () => {
    it('has head position 0 and nothing to read', async () => {
      const store = new SqliteEventStore({ filename: join(dir, 'events.db') });
      try {
        expect(await store.headPosition()).toBe(0);
        expect(await store.readAll()).toEqual([]);
      } finally {
        await store.close();
      }
    });
  });

  describe('when 32 appends arrive in the same turn of the event loop', () => {
    it('commits them in fewer transactions than appends, each with its own concurrency check', async () => {
      const store = new SqliteEventStore({ filename: join(dir, 'events.db') });
      try {
        const taken = uniqueStream();
        await store.appendToStream(taken, [testEvent()], 'no_stream');
        const before = { ...store.stats };
        const outcomes = await Promise.allSettled([
          ...Array.from({ length: 31 }, () => store.appendToStream(uniqueStream(), [testEvent()], 'no_stream')),
          store.appendToStream(taken, [testEvent()], 'no_stream'), // conflicts, alone
        ]);
        const commits = store.stats.commits - before.commits;
        expect(store.stats.appends - before.appends).toBe(32);
        expect(commits).toBeGreaterThanOrEqual(1);
        expect(commits).toBeLessThan(32);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(31);
        expect(outcomes[31].status).toBe('rejected');
        expect(await store.readStream(taken)).toHaveLength(1);
        expect(await store.readAll({ maxCount: 100 })).toHaveLength(32);
      } finally {
        await store.close();
      }
    });
  });

  describe('when the process is killed right after an append was acknowledged', () => {
    beforeAll(() => {
      // The child imports the built library: build it so it is never stale.
      execFileSync(join(repoRoot, 'node_modules/.bin/tsc'), ['-b', libRoot], { cwd: repoRoot, stdio: 'inherit' });
    }, 120_000);

    it('finds every acknowledged event after reopening the file', async () => {
      const filename = join(dir, 'events.db');
      const child = spawn(process.execPath, [join(here, '../testing/append-then-die.mjs'), join(libRoot, 'dist/index.js'), filename], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
      const acked = await new Promise<string[]>((done, fail) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const line = out.split('\n').find((l) => l.startsWith('acked '));
          if (line) {
            child.kill('SIGKILL');
            done(JSON.parse(line.slice('acked '.length)));
          }
        });
        child.on('exit', () => fail(new Error(`child exited before acknowledging: ${out}`)));
      });
      expect(await exited).toBe('SIGKILL');

      const reopened = new SqliteEventStore({ filename });
      try {
        const ids = new Set((await reopened.readAll({ maxCount: 1_000_000 })).map((e) => e.id));
        expect(acked).toHaveLength(20);
        expect(acked.filter((id) => !ids.has(id))).toEqual([]);
      } finally {
        await reopened.close();
      }
    }, 30_000);
  });
});
