import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReadStore } from '../read-store.port.js';
import { readStoreContract } from '../testing/read-store.contract.js';
import { searchIndexContract } from '../testing/search-index.contract.js';
import { SqliteReadStore } from './sqlite-read-store.js';

readStoreContract('SqliteReadStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'carnet-rs-'));
  const filename = join(dir, 'read-models.db');
  const store = new SqliteReadStore(filename);
  const opened: ReadStore[] = [store];
  return {
    store,
    async reopen() {
      const other = new SqliteReadStore(filename);
      opened.push(other);
      return other;
    },
    async cleanup() {
      for (const s of opened) if ((s as SqliteReadStore).db.open) await s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

searchIndexContract('SqliteReadStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'carnet-rs-search-'));
  const store = new SqliteReadStore(join(dir, 'read-models.db'));
  return {
    store,
    reopen: async () => store,
    async cleanup() {
      if (store.db.open) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteReadStore indexes (issue #15)', () => {
  let dir: string;
  let store: SqliteReadStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'carnet-rs-plan-'));
    store = new SqliteReadStore(join(dir, 'read-models.db'));
  });
  afterEach(async () => {
    if (store.db.open) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const plan = (sql: string, ...params: unknown[]) =>
    (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');

  /** What the adapter runs for a find or a count, captured from its statement cache-free path. */
  function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
    const prepare = store.db.prepare.bind(store.db);
    const seen: string[] = [];
    store.db.prepare = ((sql: string) => {
      seen.push(sql);
      return prepare(sql);
    }) as typeof store.db.prepare;
    return run().then(() => {
      store.db.prepare = prepare;
      return seen.filter((sql) => sql.startsWith('SELECT') && !sql.includes('sqlite_master'));
    });
  }

  it('counts and pages a filtered, sorted list from a compound index, without reading the documents', async () => {
    const set = store.at(1);
    await set.ensureCollection('projects', ['codeInsee', 'step'], { compoundIndexes: [['codeInsee', 'step', 'updatedAt']] });
    const docs = Array.from({ length: 200 }, (_, i) => ({
      collection: 'projects',
      id: `p${i}`,
      doc: { id: `p${i}`, _position: i + 1, codeInsee: `95${String(i % 7).padStart(3, '0')}`, step: i % 3 ? 'travaux' : 'idee', updatedAt: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`, body: 'x'.repeat(500) },
    }));
    await set.commit(docs, 200);
    const query = { where: { codeInsee: ['95000', '95001', '95002'], step: 'travaux' }, orderBy: [{ field: 'updatedAt', direction: 'desc' as const }], limit: 5 };
    const [countSql] = await statementsOf(() => set.count('projects', query));
    expect(plan(countSql, '95000', '95001', '95002', 'travaux')).toMatch(/USING COVERING INDEX rm_g1_projects__codeInsee__step__updatedAt/);
    const [findSql] = await statementsOf(() => set.find('projects', query));
    // The sort is done on the index's values; only the page's documents are read.
    expect(plan(findSql, '95000', '95001', '95002', 'travaux', 5, 0)).toMatch(/USING INDEX rm_g1_projects__codeInsee__step__updatedAt/);
    const page = await set.find<{ updatedAt: string; step: string }>('projects', query);
    expect(page.map((d) => d.step)).toEqual(Array(5).fill('travaux'));
    expect(page.map((d) => d.updatedAt)).toEqual([...page.map((d) => d.updatedAt)].sort().reverse());
    expect(await set.count('projects', query)).toBe(docs.filter((d) => ['95000', '95001', '95002'].includes(d.doc.codeInsee) && d.doc.step === 'travaux').length);
  });

  it('counts and ranks the matches of a scoped search on the rows index, reading only the documents of the page', async () => {
    const set = store.at(1);
    await set.ensureCollection('entries', ['projectId', 'kind'], { fullText: 'terms' });
    const entries = Array.from({ length: 120 }, (_, i) => ({
      collection: 'entries',
      id: `e${i}`,
      doc: { id: `e${i}`, _position: i + 1, projectId: `p${i % 12}`, kind: i % 2 ? 'question' : 'message', terms: i % 3 ? ['toitur', 'ecol'] : ['voiri'], text: 'y'.repeat(800) },
    }));
    await set.commit(entries, 120);
    const query = { field: 'terms', terms: ['toitur', 'ecol'], scopes: [{ projectId: ['p1', 'p2', 'p4'] }], where: { kind: 'question' }, limit: 3 };
    const sql = await statementsOf(() => set.search('entries', query));
    const count = sql.find((text) => text.startsWith('SELECT COUNT'))!;
    expect(plan(count, '"toitur" "ecol"', 'question', JSON.stringify(['p1', 'p2', 'p4']))).toMatch(/USING COVERING INDEX rm_g1_entries__rows__projectId__kind/);
    const page = await set.search<{ projectId: string; kind: string; text: string }>('entries', query);
    const expected = entries.filter((e) => ['p1', 'p2', 'p4'].includes(e.doc.projectId) && e.doc.kind === 'question' && e.doc.terms[0] === 'toitur');
    expect(page.total).toBe(expected.length);
    expect(page.hits).toHaveLength(3);
    for (const hit of page.hits) expect(hit.doc).toMatchObject({ kind: 'question', text: 'y'.repeat(800) });
    expect(page.hits.every((h) => ['p1', 'p2', 'p4'].includes(h.doc.projectId))).toBe(true);
  });

  it('replaces the expression indexes of a file written by an earlier version, and finds the same documents', async () => {
    const set = store.at(1);
    await set.ensureCollection('things', []);
    await set.commit([{ collection: 'things', id: 'a', doc: { id: 'a', _position: 1, status: 'open' } }, { collection: 'things', id: 'b', doc: { id: 'b', _position: 2, status: 'closed' } }], 2);
    // As earlier versions indexed a field.
    store.db.exec(`CREATE INDEX "rm_g1_things_status" ON "rm_g1_things" (json_extract(doc, '$.status'))`);
    await store.close();
    store = new SqliteReadStore(join(dir, 'read-models.db'));
    const reopened = store.at(1);
    expect((await reopened.find('things', { where: { status: 'open' } })).map((d) => d.id)).toEqual(['a']);
    await reopened.ensureCollection('things', ['status']);
    const indexes = (store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'rm_g1_things'").all() as Array<{ name: string }>).map((r) => r.name);
    expect(indexes).toContain('rm_g1_things__status');
    expect(indexes).not.toContain('rm_g1_things_status');
    expect((await reopened.find('things', { where: { status: 'open' } })).map((d) => d.id)).toEqual(['a']);
    expect(await reopened.count('things', { where: { status: 'closed' } })).toBe(1);
  });

  it('a second connection (another process) reads through the columns added after it opened', async () => {
    const other = new SqliteReadStore(join(dir, 'read-models.db'));
    try {
      const set = store.at(1);
      await set.ensureCollection('things', []);
      await set.commit([{ collection: 'things', id: 'a', doc: { id: 'a', _position: 1, status: 'open' } }], 1);
      const reader = other.at(1);
      expect(await reader.count('things', { where: { status: 'open' } })).toBe(1);
      await set.ensureCollection('things', ['status']);
      const [sql] = await (async () => {
        const prepare = other.db.prepare.bind(other.db);
        const seen: string[] = [];
        other.db.prepare = ((text: string) => (seen.push(text), prepare(text))) as typeof other.db.prepare;
        await reader.count('things', { where: { status: 'open' } });
        other.db.prepare = prepare;
        return seen.filter((text) => text.startsWith('SELECT COUNT'));
      })();
      expect(sql).toContain('"x_status"');
      expect(await reader.count('things', { where: { status: 'open' } })).toBe(1);
    } finally {
      await other.close();
    }
  });
});

describe('SqliteReadStore checkpoints (ADR 0025)', () => {
  it('copies the write-ahead log into the file from a thread of its own, never inside a commit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carnet-rs-wal-'));
    const filename = join(dir, 'read-models.db');
    const store = new SqliteReadStore(filename);
    try {
      const set = store.at(1);
      await set.ensureCollection('things', ['status']);
      const before = statSync(filename).size;
      // Far beyond SQLite's automatic checkpoint (1,000 pages): a commit would have copied them itself.
      const docs = Array.from({ length: 3000 }, (_, i) => ({ collection: 'things', id: `t${i}`, doc: { id: `t${i}`, _position: i + 1, status: 'open', text: 'z'.repeat(2000) } }));
      await set.commit(docs, 3000);
      expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      // Only a checkpoint writes pages into the database file itself.
      const deadline = Date.now() + 5000;
      while (statSync(filename).size <= before + 3000 * 2000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(statSync(filename).size).toBeGreaterThan(before + 3000 * 2000);
      expect(await set.count('things', { where: { status: 'open' } })).toBe(3000);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
