import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { canonicalEventFromParts, canonicalJson, chainHash, GENESIS_HASH } from '../hash-chain.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position       INTEGER PRIMARY KEY AUTOINCREMENT,
  id             TEXT    NOT NULL UNIQUE,
  stream_id      TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  hash           TEXT    NOT NULL,
  prev_hash      TEXT    NOT NULL,
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
  db.exec(SCHEMA);
  migrateToHashChain(db);
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
}

/**
 * Files written before the hash chain (ADR 0008) get the two columns, then every row its hashes, in
 * log order, once. The data and metadata text is rewritten in canonical form (same JSON values, keys
 * sorted) so that the verifier can hash the stored text as it is. Runs under the write lock, so a
 * second connection opening the file meanwhile waits and then finds nothing left to do.
 */
function migrateToHashChain(db: Database.Database): void {
  const hasColumns = () => (db.pragma('table_info(events)') as Array<{ name: string }>).some((c) => c.name === 'hash');
  const unhashed = () => db.prepare('SELECT 1 FROM events WHERE hash IS NULL LIMIT 1').get() !== undefined;
  if (hasColumns() && !unhashed()) return;
  const migrate = db.transaction(() => {
    if (!hasColumns()) {
      db.exec('ALTER TABLE events ADD COLUMN hash TEXT');
      db.exec('ALTER TABLE events ADD COLUMN prev_hash TEXT');
    }
    const heads = new Map<string, string>();
    const page = db.prepare<[number], LegacyRow>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT 5000');
    const update = db.prepare<[string, string, string, string, number]>('UPDATE events SET data = ?, metadata = ?, hash = ?, prev_hash = ? WHERE position = ?');
    for (let rows = page.all(0); rows.length > 0; rows = page.all(rows[rows.length - 1].position)) {
      for (const row of rows) {
        // Rows that already have their hashes are never rewritten: their hash is carried forward.
        if (row.hash !== null) {
          heads.set(row.stream_id, row.hash);
          continue;
        }
        const data = canonicalJson(JSON.parse(row.data));
        const metadata = canonicalJson(JSON.parse(row.metadata));
        const previous = heads.get(row.stream_id) ?? GENESIS_HASH;
        const canonical = canonicalEventFromParts(
          { id: row.id, streamId: row.stream_id, revision: row.revision, type: row.type, schemaVersion: row.schema_version },
          data,
          metadata,
        );
        const hash = chainHash(previous, canonical);
        heads.set(row.stream_id, hash);
        update.run(data, metadata, hash, previous, row.position);
      }
    }
  });
  migrate.immediate();
}
