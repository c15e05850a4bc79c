import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { canonicalEventFromParts, canonicalJson, chainHash, GENESIS_HASH } from '../hash-chain.js';

/**
 * One row per event. `body` is the canonical form of the event that `hash` covers (ADR 0008); the
 * indexed columns are computed by SQLite from it (STORED generated columns), so they cannot say
 * something the body does not: an UPDATE of one of them is refused, an UPDATE of the body moves
 * them along. A body that is not JSON any more (damaged) leaves them NULL; the verifier names it.
 */
const eventsTable = (name: string) => `
CREATE TABLE IF NOT EXISTS ${name} (
  position       INTEGER PRIMARY KEY AUTOINCREMENT,
  body           TEXT    NOT NULL,
  hash           TEXT    NOT NULL,
  prev_hash      TEXT    NOT NULL,
  id             TEXT    GENERATED ALWAYS AS (CASE WHEN json_valid(body) THEN json_extract(body, '$.id') END) STORED UNIQUE,
  stream_id      TEXT    GENERATED ALWAYS AS (CASE WHEN json_valid(body) THEN json_extract(body, '$.streamId') END) STORED,
  revision       INTEGER GENERATED ALWAYS AS (CASE WHEN json_valid(body) THEN json_extract(body, '$.revision') END) STORED,
  type           TEXT    GENERATED ALWAYS AS (CASE WHEN json_valid(body) THEN json_extract(body, '$.type') END) STORED,
  schema_version INTEGER GENERATED ALWAYS AS (CASE WHEN json_valid(body) THEN json_extract(body, '$.schemaVersion') END) STORED,
  UNIQUE (stream_id, revision)
);
`;

/** Opens the event log file: WAL, and synchronous=FULL so that a committed append survives a crash. */
export function openEventDatabase(filename: string): Database.Database {
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(eventsTable('events'));
  migrateToBody(db);
  return db;
}

/** Opens the log for reading only (the verifier's threads): no schema change, no migration. */
export function openEventDatabaseReadOnly(filename: string): Database.Database {
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

interface LegacyRow {
  position: number;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  hash: string | null;
  prev_hash: string | null;
}

/**
 * Files written before the `body` column (ADR 0008, revised) held `data` and `metadata` in two
 * columns, and the oldest ones had no hash at all. They are migrated once, at open, in log order,
 * into a new table that replaces the old one:
 * - rows without hashes get them, over the canonical form of their content;
 * - every row gets `body`, the canonical form of the event that its hash covers (the stored text
 *   re-canonicalised when it parses, kept as it is otherwise so that a damaged row stays damaged);
 * - rows that already had a hash keep it: the migration never re-hashes, so it cannot hide an edit.
 * Runs under the write lock, so a second connection opening the file meanwhile waits and then finds
 * nothing left to do.
 */
function migrateToBody(db: Database.Database): void {
  const columns = () => new Set((db.pragma('table_info(events)') as Array<{ name: string }>).map((c) => c.name));
  if (columns().has('body')) return;
  const migrate = db.transaction(() => {
    const found = columns();
    if (found.has('body')) return;
    const hashed = found.has('hash');
    db.exec('DROP TABLE IF EXISTS events_next');
    db.exec(eventsTable('events_next'));
    const heads = new Map<string, string>();
    const page = db.prepare<[number], LegacyRow>(
      `SELECT position, id, stream_id, revision, type, schema_version, data, metadata, ${hashed ? 'hash, prev_hash' : 'NULL AS hash, NULL AS prev_hash'}
       FROM events WHERE position > ? ORDER BY position LIMIT 5000`,
    );
    const insert = db.prepare<[number, string, string, string]>('INSERT INTO events_next (position, body, hash, prev_hash) VALUES (?, ?, ?, ?)');
    for (let rows = page.all(0); rows.length > 0; rows = page.all(rows[rows.length - 1].position)) {
      for (const row of rows) {
        const fields = { id: row.id, streamId: row.stream_id, revision: row.revision, type: row.type, schemaVersion: row.schema_version };
        let body: string;
        try {
          body = canonicalEventFromParts(fields, canonicalJson(JSON.parse(row.data)), canonicalJson(JSON.parse(row.metadata)));
        } catch {
          body = canonicalEventFromParts(fields, row.data, row.metadata);
        }
        if (row.hash !== null) {
          // Already chained: its hash is carried forward, never recomputed.
          heads.set(row.stream_id, row.hash);
          insert.run(row.position, body, row.hash, row.prev_hash ?? GENESIS_HASH);
          continue;
        }
        const previous = heads.get(row.stream_id) ?? GENESIS_HASH;
        const hash = chainHash(previous, body);
        heads.set(row.stream_id, hash);
        insert.run(row.position, body, hash, previous);
      }
    }
    db.exec('DROP TABLE events');
    db.exec('ALTER TABLE events_next RENAME TO events');
  });
  migrate.immediate();
}
