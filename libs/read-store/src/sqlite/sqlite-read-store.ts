import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LeaseLostError, type DocumentChange, type FindQuery, type Lease, type LeaseFence, type ReadModelSet, type ReadStore, type Scalar, type StoredDoc } from '../read-store.port.js';
import type { CollectionOptions, Condition, SearchPage, SearchQuery } from '../search-index.port.js';
import { foldForSearch } from '../search-text.js';

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const CHECKPOINT_WORKER_FILE = fileURLToPath(new URL('../../dist/sqlite/sqlite-checkpoint.worker.js', import.meta.url));
/** How often the checkpoint thread copies the write-ahead log into the file. */
const CHECKPOINT_EVERY_MS = 50;
const SQL_OPS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`Invalid collection or field name: ${name}`);
  return name;
}

/**
 * Read models in SQLite: one table per collection and generation (`rm_g<gen>_<collection>`),
 * each row a JSON document with its position. Queries filter with json_extract, backed by
 * expression indexes on the fields projections declare. Documents are stored as SQLite's binary
 * JSON (JSONB, SQLite ≥ 3.45): about a tenth smaller than their text, and json_extract reads a
 * field without parsing the whole document (three times faster on a project's, issue #15). Rows
 * written as text by earlier versions read the same (json() and json_extract take both).
 */
/**
 * Statements prepared once per text: preparing costs more than running, and a statement prepared per call holds its
 * native memory until the garbage collector finalises it. At most `max` kept, the least recently used out.
 */
class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly max = 256,
  ) {}

  get(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (stmt) this.statements.delete(sql);
    else {
      stmt = this.db.prepare(sql);
      if (this.statements.size >= this.max) this.statements.delete(this.statements.keys().next().value!);
    }
    this.statements.set(sql, stmt);
    return stmt;
  }
}

export class SqliteReadStore implements ReadStore {
  readonly engine = 'sqlite';
  readonly db: Database.Database;
  private readonly sets = new Map<number, SqliteReadModelSet>();

  /** The checkpoint thread, started by the first commit of this process (readers never need one). */
  private checkpointer: { worker: Worker; exited: Promise<void> } | null = null;

  /** The leases', generations' and checkpoints' statements (the projection runner asks for them at every poll). */
  private readonly statements: StatementCache;

  private sql(text: string): Database.Statement {
    return this.statements.get(text);
  }

  constructor(filename: string) {
    if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
    this.db = new Database(filename);
    this.statements = new StatementCache(this.db);
    this.db.pragma('journal_mode = WAL');
    // Read models can always be rebuilt from the log: no fsync per commit.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.function('fold', { deterministic: true }, (text: unknown) => foldForSearch(String(text ?? '')));
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS read_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
      INSERT OR IGNORE INTO read_meta (key, value) VALUES ('active_generation', 1);
      INSERT OR IGNORE INTO read_meta (key, value) VALUES ('checkpoint_g1', 0);
      CREATE TABLE IF NOT EXISTS leases (
        name TEXT PRIMARY KEY, holder TEXT NOT NULL, acquired_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, term INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
  }

  async acquireLease(name: string, holder: string, ttlMs: number, now = Date.now()): Promise<Lease | null> {
    // IMMEDIATE: the read and the write happen under the write lock, so two processes never both take it.
    const take = this.db.transaction((): Lease | null => {
      const current = this.sql('SELECT name, holder, acquired_at, expires_at, term FROM leases WHERE name = ?').get(name) as LeaseRow | undefined;
      if (current && current.holder === holder) {
        this.sql('UPDATE leases SET expires_at = ? WHERE name = ?').run(now + ttlMs, name);
        return toLease({ ...current, expires_at: now + ttlMs });
      }
      if (current && current.expires_at > now) return null;
      const term = (current?.term ?? 0) + 1;
      this.sql('INSERT INTO leases (name, holder, acquired_at, expires_at, term) VALUES (?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at, term = excluded.term')
        .run(name, holder, now, now + ttlMs, term);
      return { name, holder, acquiredAt: now, expiresAt: now + ttlMs, term };
    });
    return take.immediate();
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    // Expired now rather than deleted: the term goes on rising, so an old fence never matches again.
    this.sql('UPDATE leases SET expires_at = 0 WHERE name = ? AND holder = ?').run(name, holder);
  }

  async lease(name: string): Promise<Lease | null> {
    const row = this.sql('SELECT name, holder, acquired_at, expires_at, term FROM leases WHERE name = ?').get(name) as LeaseRow | undefined;
    return row ? toLease(row) : null;
  }

  async activeGeneration(): Promise<number> {
    return (this.sql("SELECT value FROM read_meta WHERE key = 'active_generation'").get() as { value: number }).value;
  }

  async generations(): Promise<number[]> {
    const rows = this.sql("SELECT key FROM read_meta WHERE key LIKE 'checkpoint_g%'").all() as Array<{ key: string }>;
    return rows.map((r) => Number(r.key.slice('checkpoint_g'.length))).sort((a, b) => a - b);
  }

  async activate(generation: number): Promise<void> {
    this.sql("UPDATE read_meta SET value = ? WHERE key = 'active_generation'").run(generation);
  }

  async dropGeneration(generation: number): Promise<void> {
    if (generation === (await this.activeGeneration())) throw new Error('Cannot drop the active generation');
    const prefix = `rm_g${generation}_`;
    const tables = this.sql("SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, ?) = ?")
      .all(prefix.length, prefix) as Array<{ name: string }>;
    this.db.transaction(() => {
      // A full-text (virtual) table first: dropping it drops its shadow tables, which share the prefix.
      const ordered = [...tables].sort((a, b) => Number(b.name.endsWith('_fts')) - Number(a.name.endsWith('_fts')));
      for (const { name } of ordered) this.db.exec(`DROP TABLE IF EXISTS "${name}"`);
      this.sql('DELETE FROM read_meta WHERE key = ?').run(`checkpoint_g${generation}`);
    })();
    this.sets.delete(generation);
  }

  at(generation: number): ReadModelSet {
    let set = this.sets.get(generation);
    if (!set) {
      this.sql('INSERT OR IGNORE INTO read_meta (key, value) VALUES (?, 0)').run(`checkpoint_g${generation}`);
      set = new SqliteReadModelSet(this.db, generation, () => this.startCheckpointer());
      this.sets.set(generation, set);
    }
    return set;
  }

  /**
   * Checkpoints leave the committing thread (ADR 0025): with SQLite's automatic checkpoint, the
   * commit that crosses 1,000 pages of log copies them into the file before it returns — in the
   * projections' process, on the event loop. Measured with `BENCH_ONLY=k npm run bench`, a single
   * process went from about 670 to about 830 commands/s without it; but the log must still be
   * copied, or every reader searches a growing log. A thread of its own does it every 50 ms.
   */
  private startCheckpointer(): void {
    if (this.checkpointer || this.db.memory || !existsSync(CHECKPOINT_WORKER_FILE)) return;
    const worker = new Worker(CHECKPOINT_WORKER_FILE, { workerData: { filename: this.db.name, everyMs: CHECKPOINT_EVERY_MS } });
    worker.unref(); // it never keeps the process alive
    worker.on('error', () => {
      // The thread could not run: the commits checkpoint again, as SQLite does by default.
      if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
    });
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    this.checkpointer = { worker, exited };
    this.db.pragma('wal_autocheckpoint = 0');
  }

  async close(): Promise<void> {
    if (this.checkpointer) {
      // Asked to leave, never terminated: stopping a thread while it loads SQLite aborts the process.
      this.checkpointer.worker.ref();
      this.checkpointer.worker.postMessage({ close: true });
      await this.checkpointer.exited;
      this.checkpointer = null;
    }
    this.db.close();
  }
}

interface LeaseRow {
  name: string;
  holder: string;
  acquired_at: number;
  expires_at: number;
  term: number;
}

const toLease = (row: LeaseRow): Lease => ({ name: row.name, holder: row.holder, acquiredAt: row.acquired_at, expiresAt: row.expires_at, term: row.term });

const sqlValue = (value: Scalar): unknown => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

/** A condition as SQL over the row `t`: equality, IS NULL, or one of a list (json_each). */
function conditionSql(condition: Condition, column: (field: string) => string): { sql: string; params: unknown[] } {
  const parts: string[] = ['1'];
  const params: unknown[] = [];
  for (const [field, value] of Object.entries(condition)) {
    const path = column(field);
    if (Array.isArray(value)) {
      parts.push(`${path} IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(value.map(sqlValue)));
    } else if (value === null) {
      parts.push(`${path} IS NULL`);
    } else {
      parts.push(`${path} = ?`);
      params.push(sqlValue(value as Scalar));
    }
  }
  return { sql: `(${parts.join(' AND ')})`, params };
}

/** The column holding a field's value, for the fields a collection indexes. */
const columnOf = (field: string) => `"x_${checkName(field)}"`;

/** A field's value as its column holds it: what json_extract gives for the same document. */
function columnValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

interface TableStatements {
  /** The fields written into columns of their own, in the upsert's order. */
  columns: string[];
  upsert: Database.Statement;
  /**
   * The document and its position only, where the row holds the same column values: SQLite updates
   * every index whose column an UPDATE sets, whatever the value, and most events leave a document's
   * indexed fields as they were. Null without columns.
   */
  updateSame: Database.Statement | null;
  remove: Database.Statement;
  getMany: Database.Statement;
}

class SqliteReadModelSet implements ReadModelSet {
  private readonly known = new Set<string>();
  /** Per table, the fields kept in a column of their own (the indexed ones); reloaded when the schema changes. */
  private readonly columns = new Map<string, string[]>();
  private schemaVersion = -1;
  private readonly readSchemaVersion: Database.Statement;
  private readonly prepared = new Map<string, TableStatements>();
  /**
   * Tables being bulk loaded (`indexesLater`, a rebuild's fresh generation): they have no index on
   * their columns yet, so the upsert alone is cheaper than trying the « unchanged columns » update
   * first (6.5 against 8.1 µs per document, measured on a rebuild's 40,000 documents).
   */
  private readonly bulk = new Set<string>();
  private readonly moveCheckpoint: Database.Statement;
  private readonly fenceHolds: Database.Statement;
  constructor(
    private readonly db: Database.Database,
    readonly generation: number,
    private readonly committing: () => void = () => undefined,
  ) {
    this.queries = new StatementCache(db);
    this.readSchemaVersion = db.prepare('PRAGMA schema_version').pluck();
    this.fenceHolds = db.prepare('SELECT 1 FROM leases WHERE name = ? AND holder = ? AND term = ?');
    this.moveCheckpoint = db.prepare('INSERT INTO read_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = MAX(value, excluded.value)');
  }

  private table(collection: string): string {
    return `rm_g${this.generation}_${checkName(collection)}`;
  }

  private readonly queries: StatementCache;

  private query(sql: string): Database.Statement {
    return this.queries.get(sql);
  }

  /**
   * A new table puts the columns of the indexed fields before the document: a filter that its index
   * does not answer reads them without going through the document's overflow pages. A rowid table:
   * documents take kilobytes, and SQLite keeps a WITHOUT ROWID table's whole rows in its primary-key
   * tree, which suits rows under a twentieth of a page; an upsert of 2–10 KB documents with six
   * indexes ran 1.45 × faster in a rowid table, and the file was 20 % smaller (ADR 0025). Tables
   * created WITHOUT ROWID by an earlier version keep working as they are until the next rebuild.
   */
  private ensureTable(collection: string, fields: string[] = []): string {
    const table = this.table(collection);
    if (!this.known.has(table)) {
      const columns = fields.map((f) => `${columnOf(f)}, `).join('');
      this.db.exec(`CREATE TABLE IF NOT EXISTS "${table}" (id TEXT PRIMARY KEY NOT NULL, ${columns}doc TEXT NOT NULL, position INTEGER NOT NULL)`);
      this.known.add(table);
    }
    return table;
  }

  /**
   * Statements and column lists are kept while SQLite's schema version stays the same: another
   * process (the projections' holder, a rebuild) may add columns to a table.
   */
  private syncSchema(): void {
    const version = this.readSchemaVersion.get() as number;
    if (version === this.schemaVersion) return;
    this.columns.clear();
    this.prepared.clear();
    this.schemaVersion = version;
  }

  /** The fields of a table kept in columns of their own. */
  private columnsOf(table: string): string[] {
    this.syncSchema();
    let fields = this.columns.get(table);
    if (!fields) {
      const names = (this.db.prepare(`PRAGMA table_xinfo("${table}")`).all() as Array<{ name: string }>).map((c) => c.name);
      fields = names.filter((n) => n.startsWith('x_')).map((n) => n.slice(2));
      this.columns.set(table, fields);
    }
    return fields;
  }

  /** The SQL that reads a field of the row: its column when the collection indexes the field, json_extract of the document otherwise. */
  private column(table: string, alias = ''): (field: string) => string {
    const known = new Set(this.columnsOf(table));
    const row = alias ? `${alias}.` : '';
    return (field: string) => (known.has(checkName(field)) ? `${row}${columnOf(field)}` : `json_extract(${row}doc, '$.${field}')`);
  }

  /**
   * Each indexed field is copied into a plain column, written with the document, and its index is on
   * that column. An index on the expression (or on a generated column) is not enough: SQLite reads
   * the whole document of every row a COUNT or a sort goes through — 1 s to count 63,000 of 350,000
   * documents, against 1.3 ms from a plain column's index (measured, issue #15). A compound index
   * (equality fields first, then the sort field) gives a filtered page and its count without reading
   * a document. Columns added to a table that holds documents are filled in the same transaction;
   * read-model files from before this lose their expression indexes here.
   */
  async ensureCollection(collection: string, indexedFields: string[], options: CollectionOptions = {}): Promise<void> {
    const keys = [...indexedFields.map((f) => [f]), ...(options.compoundIndexes ?? []).map((fields) => [...fields])];
    const fields = [...new Set(keys.flat())].map(checkName);
    const table = this.ensureTable(collection, fields);
    if (options.indexesLater !== this.bulk.has(table)) {
      if (options.indexesLater) this.bulk.add(table);
      else this.bulk.delete(table);
      this.prepared.delete(table);
    }
    const hasIndex = this.db.prepare('SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?');
    let created = false;
    this.db.transaction(() => {
      const existing = new Set(this.columnsOf(table));
      const added = fields.filter((f) => !existing.has(f));
      for (const field of added) this.db.exec(`ALTER TABLE "${table}" ADD COLUMN ${columnOf(field)}`);
      if (added.length) this.db.exec(`UPDATE "${table}" SET ${added.map((f) => `${columnOf(f)} = json_extract(doc, '$.${f}')`).join(', ')}`);
      for (const field of fields) if (hasIndex.get('index', `${table}_${field}`)) this.db.exec(`DROP INDEX "${table}_${field}"`);
      if (options.indexesLater) return;
      for (const key of keys) {
        const index = `${table}__${key.join('__')}`;
        if (hasIndex.get('index', index)) continue;
        this.db.exec(`CREATE INDEX "${index}" ON "${table}" (${key.map(columnOf).join(', ')})`);
        created = true;
      }
    })();
    // Indexes built over documents already there (the end of a rebuild): the planner is told how
    // selective each one is. Without it, it takes any equality for the narrowest, e.g. `step` (five
    // values) over `codeInsee IN (…)` (the communes of a département). A whole-index scan: a sample
    // (analysis_limit) misjudged `step` on 20,000 projects.
    if (created && this.db.prepare(`SELECT 1 FROM "${table}" LIMIT 1`).get()) this.db.exec(`ANALYZE "${table}"`);
    if (options.fullText) this.ensureFullText(table, checkName(options.fullText));
    if (options.fullText && !options.indexesLater) this.ensureRowsIndex(table);
  }

  /**
   * An FTS5 table over the terms of the documents, kept in step by triggers inside the very
   * transaction that writes the documents. FTS5 needs integer row ids and the documents are keyed
   * by text, so a `_ftsid` table numbers them. When created over existing documents (at the end of
   * a rebuild's bulk load), the index is filled in one statement before the triggers take over.
   */
  private ensureFullText(table: string, field: string): void {
    const fts = `${table}_fts`;
    const ids = `${table}_ftsid`;
    const exists = this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = ?").get(fts);
    if (exists) return;
    const terms = (row: string) => `(SELECT group_concat(value, ' ') FROM json_each(${row}.doc, '$.${field}'))`;
    const rid = (row: string) => `(SELECT rid FROM "${ids}" WHERE id = ${row}.id)`;
    this.db.transaction(() => {
      // Terms are already folded and stemmed: the tokenizer only has to split them on spaces.
      this.db.exec(`CREATE VIRTUAL TABLE "${fts}" USING fts5(terms, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`);
      this.db.exec(`CREATE TABLE "${ids}" (rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE)`);
      this.db.exec(`INSERT INTO "${ids}" (id) SELECT id FROM "${table}"`);
      this.db.exec(`INSERT INTO "${fts}" (rowid, terms) SELECT i.rid, ${terms('t')} FROM "${table}" t JOIN "${ids}" i ON i.id = t.id`);
      this.db.exec(`
        CREATE TRIGGER "${table}_fts_insert" AFTER INSERT ON "${table}" BEGIN
          INSERT OR IGNORE INTO "${ids}" (id) VALUES (new.id);
          INSERT INTO "${fts}" (rowid, terms) VALUES (${rid('new')}, ${terms('new')});
        END;
        CREATE TRIGGER "${table}_fts_update" AFTER UPDATE OF doc ON "${table}" BEGIN
          DELETE FROM "${fts}" WHERE rowid = ${rid('old')};
          INSERT INTO "${fts}" (rowid, terms) VALUES (${rid('new')}, ${terms('new')});
        END;
        CREATE TRIGGER "${table}_fts_delete" AFTER DELETE ON "${table}" BEGIN
          DELETE FROM "${fts}" WHERE rowid = ${rid('old')};
          DELETE FROM "${ids}" WHERE id = old.id;
        END;
      `);
    })();
  }

  /**
   * A full-text collection's narrow copy of its rows: the id and every field column. A search joins
   * each match to its row to check the conditions (a staff member's projects, a kind): through the
   * table itself that reads rows holding whole documents (15 ms for 2,620 matches), through this
   * index a few bytes each (2.8 ms, measured on a log of 1.5 million events, issue #15).
   */
  private ensureRowsIndex(table: string): void {
    const name = `${table}__rows${this.columnsOf(table).map((f) => `__${f}`).join('')}`;
    const existing = this.rowsIndexes(table);
    if (existing.includes(name)) return;
    this.db.transaction(() => {
      for (const old of existing) this.db.exec(`DROP INDEX "${old}"`);
      this.db.exec(`CREATE INDEX "${name}" ON "${table}" (id${this.columnsOf(table).map((f) => `, ${columnOf(f)}`).join('')})`);
    })();
  }

  /** The names of a table's rows index (one, or none; two only while it is being replaced). */
  private rowsIndexes(table: string): string[] {
    const prefix = `${table}__rows`;
    return this.query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND substr(name, 1, ?) = ?").pluck().all(table, prefix.length, prefix) as string[];
  }

  async search<T extends object>(collection: string, query: SearchQuery): Promise<SearchPage<T>> {
    const table = this.ensureTable(collection);
    checkName(query.field);
    const terms = query.terms.filter((t) => /^[a-z0-9]+$/.test(t));
    if (terms.length === 0 || terms.length !== query.terms.length) return { hits: [], total: 0 };
    if (!this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = ?").get(`${table}_fts`)) {
      throw new Error(`No full-text index on ${collection}: declare it with ensureCollection(…, { fullText })`);
    }
    const fts = `"${table}_fts"`;
    const parts = [`${fts} MATCH ?`];
    const params: unknown[] = [terms.map((t) => `"${t}"`).join(' ')];
    // The full-text index leads: a condition on an indexed column must not make SQLite walk that
    // index and run the MATCH once per row (a staff search scoped to 1,830 projects never ended).
    // A unary + keeps the planner off the column's index.
    const indexed = this.column(table, 't');
    const column = (field: string) => `+${indexed(field)}`;
    if (query.where) {
      const where = conditionSql(query.where, column);
      parts.push(where.sql);
      params.push(...where.params);
    }
    if (query.scopes) {
      if (query.scopes.length === 0) return { hits: [], total: 0 };
      const scopes = query.scopes.map((scope) => conditionSql(scope, column));
      parts.push(`(${scopes.map((c) => c.sql).join(' OR ')})`);
      for (const c of scopes) params.push(...c.params);
    }
    // Matches are counted and ranked on the rows index (ids and field columns only), then the page's documents read.
    const [rowsIndex] = this.rowsIndexes(table);
    const rowsOf = rowsIndex && !parts.some((p) => p.includes('json_extract')) ? ` INDEXED BY "${rowsIndex}"` : '';
    const from = `FROM ${fts} JOIN "${table}_ftsid" i ON i.rid = ${fts}.rowid JOIN "${table}" t${rowsOf} ON t.id = i.id WHERE ${parts.join(' AND ')}`;
    const total = (this.query(`SELECT COUNT(*) AS n ${from}`).get(...params) as { n: number }).n;
    const ranked = this
      .query(`SELECT t.id AS id, bm25(${fts}) AS rank ${from} ORDER BY rank, t.id LIMIT ? OFFSET ?`)
      .all(...params, query.limit ?? -1, query.offset ?? 0) as Array<{ id: string; rank: number }>;
    const docs = await this.getMany<T>(collection, ranked.map((r) => r.id));
    return { hits: ranked.filter((r) => docs.has(r.id)).map((r) => ({ doc: docs.get(r.id)!, score: -r.rank })), total };
  }

  async get<T extends object>(collection: string, id: string): Promise<(T & StoredDoc) | null> {
    const table = this.ensureTable(collection);
    const row = this.query(`SELECT json(doc) AS doc FROM "${table}" WHERE id = ?`).get(id) as { doc: string } | undefined;
    return row ? JSON.parse(row.doc) : null;
  }

  async getMany<T extends object>(collection: string, ids: string[]): Promise<Map<string, T & StoredDoc>> {
    const result = new Map<string, T & StoredDoc>();
    if (ids.length === 0) return result;
    // One statement per table, prepared once, the ids as one JSON array: a rebuild reads thousands of
    // pages back, and a statement prepared per call (500 placeholders each) holds tens of kB of native
    // memory until the garbage collector finalises it, which it does not hurry to do (issue #15).
    const rows = this.statements(collection).getMany.all(JSON.stringify([...new Set(ids)])) as Array<{ id: string; doc: string }>;
    for (const row of rows) result.set(row.id, JSON.parse(row.doc));
    return result;
  }

  private whereClause(table: string, query: Pick<FindQuery, 'where' | 'contains' | 'range'>): { sql: string; params: unknown[] } {
    const parts: string[] = [];
    const params: unknown[] = [];
    const column = this.column(table);
    for (const [field, value] of Object.entries(query.where ?? {})) {
      const path = column(field);
      if (Array.isArray(value)) {
        // Placeholders, not json_each: the planner sees a list of values it can look up in the field's index.
        const values = value.filter((v) => v !== null);
        const alternatives = [
          ...(values.length ? [`${path} IN (${values.map(() => '?').join(', ')})`] : []),
          ...(values.length < value.length ? [`${path} IS NULL`] : []),
        ];
        parts.push(alternatives.length ? `(${alternatives.join(' OR ')})` : '0');
        params.push(...values.map(sqlValue));
      } else if (value === null) {
        parts.push(`${path} IS NULL`);
      } else {
        parts.push(`${path} = ?`);
        params.push(typeof value === 'boolean' ? (value ? 1 : 0) : value);
      }
    }
    for (const { field, op, value } of query.range ?? []) {
      parts.push(`${column(field)} ${SQL_OPS[op]} ?`);
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
    const { sql, params } = this.whereClause(table, query);
    const column = this.column(table);
    const order = (query.orderBy ?? [])
      .map((o) => `${column(o.field)} ${o.direction === 'desc' ? 'DESC' : 'ASC'}`)
      .concat('id ASC')
      .join(', ');
    const limit = query.limit ?? -1;
    const offset = query.offset ?? 0;
    const rows = this
      .query(`SELECT json(doc) AS doc FROM "${table}" ${sql} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as Array<{ doc: string }>;
    return rows.map((r) => JSON.parse(r.doc));
  }

  async count(collection: string, query: Pick<FindQuery, 'where' | 'contains' | 'range'> = {}): Promise<number> {
    const table = this.ensureTable(collection);
    const { sql, params } = this.whereClause(table, query);
    return (this.query(`SELECT COUNT(*) AS n FROM "${table}" ${sql}`).get(...params) as { n: number }).n;
  }

  async ids(collection: string, query: Pick<FindQuery, 'where' | 'range'> = {}): Promise<string[]> {
    const table = this.ensureTable(collection);
    const { sql, params } = this.whereClause(table, query);
    return this.query(`SELECT id FROM "${table}" ${sql} ORDER BY id`).pluck().all(...params) as string[];
  }

  async checkpoint(): Promise<number> {
    const row = this.query('SELECT value FROM read_meta WHERE key = ?').get(`checkpoint_g${this.generation}`) as
      | { value: number }
      | undefined;
    return row?.value ?? 0;
  }

  async commit(changes: DocumentChange[], position: number, fence?: LeaseFence): Promise<void> {
    this.committing();
    const write = this.db.transaction(() => {
      // The lease is checked inside the transaction that writes (under the write lock: IMMEDIATE): a holder that lost it writes nothing.
      if (fence && !this.fenceHolds.get(fence.name, fence.holder, fence.term)) throw new LeaseLostError(fence);
      // The statements are taken inside the transaction: columns another process added are written too.
      const statements = new Map(changes.map((c) => [c.collection, this.statements(c.collection)]));
      for (const change of changes) {
        const stmt = statements.get(change.collection)!;
        if (change.doc === null) stmt.remove.run(change.id);
        else {
          const doc = change.doc.id === change.id ? change.doc : { ...change.doc, id: change.id };
          const text = JSON.stringify(doc);
          const values = stmt.columns.map((f) => columnValue((doc as Record<string, unknown>)[f]));
          if (!stmt.updateSame || stmt.updateSame.run(text, doc._position, change.id, ...values).changes === 0) stmt.upsert.run(change.id, text, doc._position, ...values);
        }
      }
      this.moveCheckpoint.run(`checkpoint_g${this.generation}`, position);
    });
    if (fence) write.immediate();
    else write();
  }

  // Prepared once per table: preparing a statement costs more than running it.
  private statements(collection: string): TableStatements {
    const table = this.ensureTable(collection);
    const columns = this.columnsOf(table);
    let stmt = this.prepared.get(table);
    if (!stmt) {
      const names = columns.map(columnOf);
      stmt = {
        columns,
        upsert: this.db.prepare(
          `INSERT INTO "${table}" (id, doc, position${names.map((n) => `, ${n}`).join('')}) VALUES (?, jsonb(?), ?${names.map(() => ', ?').join('')}) ` +
            `ON CONFLICT(id) DO UPDATE SET doc = excluded.doc, position = excluded.position${names.map((n) => `, ${n} = excluded.${n}`).join('')}`,
        ),
        updateSame: names.length && !this.bulk.has(table)
          ? this.db.prepare(`UPDATE "${table}" SET doc = jsonb(?), position = ? WHERE id = ?${names.map((n) => ` AND ${n} IS ?`).join('')}`)
          : null,
        remove: this.db.prepare(`DELETE FROM "${table}" WHERE id = ?`),
        getMany: this.db.prepare(`SELECT id, json(doc) AS doc FROM "${table}" WHERE id IN (SELECT value FROM json_each(?))`),
      };
      this.prepared.set(table, stmt);
    }
    return stmt;
  }
}
