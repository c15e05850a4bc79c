import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DocumentChange, FindQuery, ReadModelSet, ReadStore, StoredDoc } from '../read-store.port.js';
import { foldForSearch } from '../search-text.js';

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const SQL_OPS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`Invalid collection or field name: ${name}`);
  return name;
}

/**
 * Read models in SQLite: one table per collection and generation (`rm_g<gen>_<collection>`),
 * each row a JSON document with its position. Queries filter with json_extract, backed by
 * expression indexes on the fields projections declare.
 */
export class SqliteReadStore implements ReadStore {
  readonly engine = 'sqlite';
  readonly db: Database.Database;
  private readonly sets = new Map<number, SqliteReadModelSet>();

  constructor(filename: string) {
    if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    // Read models can always be rebuilt from the log: no fsync per commit.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.function('fold', { deterministic: true }, (text: unknown) => foldForSearch(String(text ?? '')));
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS read_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
      INSERT OR IGNORE INTO read_meta (key, value) VALUES ('active_generation', 1);
      INSERT OR IGNORE INTO read_meta (key, value) VALUES ('checkpoint_g1', 0);
    `);
  }

  async activeGeneration(): Promise<number> {
    return (this.db.prepare("SELECT value FROM read_meta WHERE key = 'active_generation'").get() as { value: number }).value;
  }

  async generations(): Promise<number[]> {
    const rows = this.db.prepare("SELECT key FROM read_meta WHERE key LIKE 'checkpoint_g%'").all() as Array<{ key: string }>;
    return rows.map((r) => Number(r.key.slice('checkpoint_g'.length))).sort((a, b) => a - b);
  }

  async activate(generation: number): Promise<void> {
    this.db.prepare("UPDATE read_meta SET value = ? WHERE key = 'active_generation'").run(generation);
  }

  async dropGeneration(generation: number): Promise<void> {
    if (generation === (await this.activeGeneration())) throw new Error('Cannot drop the active generation');
    const prefix = `rm_g${generation}_`;
    const tables = this.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, ?) = ?")
      .all(prefix.length, prefix) as Array<{ name: string }>;
    this.db.transaction(() => {
      for (const { name } of tables) this.db.exec(`DROP TABLE "${name}"`);
      this.db.prepare('DELETE FROM read_meta WHERE key = ?').run(`checkpoint_g${generation}`);
    })();
    this.sets.delete(generation);
  }

  at(generation: number): ReadModelSet {
    let set = this.sets.get(generation);
    if (!set) {
      this.db.prepare('INSERT OR IGNORE INTO read_meta (key, value) VALUES (?, 0)').run(`checkpoint_g${generation}`);
      set = new SqliteReadModelSet(this.db, generation);
      this.sets.set(generation, set);
    }
    return set;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

class SqliteReadModelSet implements ReadModelSet {
  private readonly known = new Set<string>();
  private readonly prepared = new Map<string, { upsert: Database.Statement; remove: Database.Statement }>();
  private readonly moveCheckpoint: Database.Statement;
  constructor(
    private readonly db: Database.Database,
    readonly generation: number,
  ) {
    this.moveCheckpoint = db.prepare('INSERT INTO read_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = MAX(value, excluded.value)');
  }

  private table(collection: string): string {
    return `rm_g${this.generation}_${checkName(collection)}`;
  }

  private ensureTable(collection: string): string {
    const table = this.table(collection);
    if (!this.known.has(table)) {
      this.db.exec(`CREATE TABLE IF NOT EXISTS "${table}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL, position INTEGER NOT NULL) WITHOUT ROWID`);
      this.known.add(table);
    }
    return table;
  }

  async ensureCollection(collection: string, indexedFields: string[]): Promise<void> {
    const table = this.ensureTable(collection);
    for (const field of indexedFields) {
      checkName(field);
      this.db.exec(`CREATE INDEX IF NOT EXISTS "${table}_${field}" ON "${table}" (json_extract(doc, '$.${field}'))`);
    }
  }

  async get<T extends object>(collection: string, id: string): Promise<(T & StoredDoc) | null> {
    const table = this.ensureTable(collection);
    const row = this.db.prepare(`SELECT doc FROM "${table}" WHERE id = ?`).get(id) as { doc: string } | undefined;
    return row ? JSON.parse(row.doc) : null;
  }

  async getMany<T extends object>(collection: string, ids: string[]): Promise<Map<string, T & StoredDoc>> {
    const table = this.ensureTable(collection);
    const result = new Map<string, T & StoredDoc>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      const rows = this.db
        .prepare(`SELECT id, doc FROM "${table}" WHERE id IN (${chunk.map(() => '?').join(',')})`)
        .all(...chunk) as Array<{ id: string; doc: string }>;
      for (const row of rows) result.set(row.id, JSON.parse(row.doc));
    }
    return result;
  }

  private whereClause(query: Pick<FindQuery, 'where' | 'contains' | 'range'>): { sql: string; params: unknown[] } {
    const parts: string[] = [];
    const params: unknown[] = [];
    for (const [field, value] of Object.entries(query.where ?? {})) {
      checkName(field);
      if (value === null) {
        parts.push(`json_extract(doc, '$.${field}') IS NULL`);
      } else {
        parts.push(`json_extract(doc, '$.${field}') = ?`);
        params.push(typeof value === 'boolean' ? (value ? 1 : 0) : value);
      }
    }
    for (const { field, op, value } of query.range ?? []) {
      checkName(field);
      parts.push(`json_extract(doc, '$.${field}') ${SQL_OPS[op]} ?`);
      params.push(value);
    }
    if (query.contains && query.contains.text.trim()) {
      checkName(query.contains.field);
      parts.push(`instr(fold(json_extract(doc, '$.${query.contains.field}')), ?) > 0`);
      params.push(foldForSearch(query.contains.text));
    }
    return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
  }

  async find<T extends object>(collection: string, query: FindQuery = {}): Promise<Array<T & StoredDoc>> {
    const table = this.ensureTable(collection);
    const { sql, params } = this.whereClause(query);
    const order = (query.orderBy ?? [])
      .map((o) => `json_extract(doc, '$.${checkName(o.field)}') ${o.direction === 'desc' ? 'DESC' : 'ASC'}`)
      .concat('id ASC')
      .join(', ');
    const limit = query.limit ?? -1;
    const offset = query.offset ?? 0;
    const rows = this.db
      .prepare(`SELECT doc FROM "${table}" ${sql} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as Array<{ doc: string }>;
    return rows.map((r) => JSON.parse(r.doc));
  }

  async count(collection: string, query: Pick<FindQuery, 'where' | 'contains' | 'range'> = {}): Promise<number> {
    const table = this.ensureTable(collection);
    const { sql, params } = this.whereClause(query);
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM "${table}" ${sql}`).get(...params) as { n: number }).n;
  }

  async checkpoint(): Promise<number> {
    const row = this.db.prepare('SELECT value FROM read_meta WHERE key = ?').get(`checkpoint_g${this.generation}`) as
      | { value: number }
      | undefined;
    return row?.value ?? 0;
  }

  async commit(changes: DocumentChange[], position: number): Promise<void> {
    const statements = new Map(changes.map((c) => [c.collection, this.statements(c.collection)]));
    this.db.transaction(() => {
      for (const change of changes) {
        const stmt = statements.get(change.collection)!;
        if (change.doc === null) stmt.remove.run(change.id);
        else stmt.upsert.run(change.id, JSON.stringify(change.doc.id === change.id ? change.doc : { ...change.doc, id: change.id }), change.doc._position);
      }
      this.moveCheckpoint.run(`checkpoint_g${this.generation}`, position);
    })();
  }

  // Prepared once per table: preparing a statement costs more than running it.
  private statements(collection: string): { upsert: Database.Statement; remove: Database.Statement } {
    const table = this.ensureTable(collection);
    let stmt = this.prepared.get(table);
    if (!stmt) {
      stmt = {
        upsert: this.db.prepare(
          `INSERT INTO "${table}" (id, doc, position) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc, position = excluded.position`,
        ),
        remove: this.db.prepare(`DELETE FROM "${table}" WHERE id = ?`),
      };
      this.prepared.set(table, stmt);
    }
    return stmt;
  }
}
