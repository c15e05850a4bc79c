/**
 * The content check of one stored row of the SQLite log (ADR 0008): the hash its stored text gives
 * with its stored previous hash. Pure and synchronous: the verifier's threads and the main thread
 * share it, so both judge a row alike.
 */
import { canonicalEvent, canonicalEventFromParts, canonicalJson, chainHash } from '../hash-chain.js';

/** The columns the check reads, in this order (a raw better-sqlite3 row). */
export const STORED_EVENT_COLUMNS = 'position, id, stream_id, revision, type, schema_version, hash, prev_hash, body';
export type StoredEventRow = [position: number, id: string, streamId: string, revision: number, type: string, schemaVersion: number, hash: string, previousHash: string, body: string];

/**
 * The hash of the row's content chained to its stored previous hash: equal to the stored hash when
 * the row is intact. The body is hashed as stored; its indexed columns (id, stream, revision, type,
 * schema version) must say what the body says, or the row is judged by what the columns claim.
 * A body that was reformatted without changing its content (keys reordered, spaces) still passes.
 */
export function contentHashOfRow(row: StoredEventRow): string {
  const [, id, streamId, revision, type, schemaVersion, hash, previousHash, body] = row;
  const tail = `,"revision":${revision},"schemaVersion":${schemaVersion},"streamId":${JSON.stringify(streamId)},"type":${JSON.stringify(type)}}`;
  if (body.endsWith(tail) && body.includes(`,"id":${JSON.stringify(id)},"metadata":`)) {
    const direct = chainHash(previousHash, body);
    if (direct === hash) return direct;
  }
  // Slow path, only for a row that does not match as stored: judge its content, as the columns place it.
  let parsed: { data?: unknown; metadata?: unknown; id?: unknown; streamId?: unknown; revision?: unknown; type?: unknown; schemaVersion?: unknown };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return chainHash(previousHash, body);
  }
  const fields = { id, streamId, revision, type, schemaVersion };
  const agrees = parsed.id === id && parsed.streamId === streamId && parsed.revision === revision && parsed.type === type && parsed.schemaVersion === schemaVersion;
  try {
    if (agrees) return chainHash(previousHash, canonicalEvent({ ...fields, data: parsed.data, metadata: parsed.metadata }));
    return chainHash(previousHash, canonicalEventFromParts(fields, canonicalJson(parsed.data ?? null), canonicalJson(parsed.metadata ?? null)));
  } catch {
    return chainHash(previousHash, body);
  }
}
