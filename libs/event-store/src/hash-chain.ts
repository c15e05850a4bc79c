/**
 * The hash chain of the event log (ADR 0008): every event's hash covers its canonical form and the
 * hash of the previous event of the same stream, so that changing, removing or reordering a stored
 * event breaks the chain from that event on. Pure functions: the adapters and the verifier share them.
 */
import { hash } from 'node:crypto';

/** The previous hash of revision 0 of every stream: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an event that its hash covers (never its position: KurrentDB assigns it after the fact). */
export interface HashedContent {
  id: string;
  streamId: string;
  revision: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
}

/**
 * Canonical JSON: keys sorted by UTF-16 code units at every depth, no whitespace, strings and numbers
 * written as JSON.stringify writes them (the ECMAScript rules that RFC 8785 also uses). Values JSON
 * cannot hold behave as in JSON.stringify (undefined members dropped, toJSON honoured), so the
 * canonical form of a value equals the canonical form of the value read back from storage.
 */
export function canonicalJson(value: unknown): string {
  const text = write(value);
  if (text === undefined) throw new TypeError('Cannot canonicalise a value JSON cannot represent');
  return text;
}

function write(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      break;
    case 'bigint':
      throw new TypeError('BigInt values cannot be stored as JSON');
    default:
      return undefined; // undefined, functions, symbols
  }
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return write(toJSON.call(value));
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + (write(value[i]) ?? 'null');
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = write(record[key]);
    if (member === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(key) + ':' + member;
    first = false;
  }
  return out + '}';
}

/**
 * The canonical form of an event from the canonical JSON of its data and metadata: the object
 * `{ data, id, metadata, revision, schemaVersion, streamId, type }` (keys already in sorted order).
 * Lets the SQLite adapter hash its stored text without parsing it again.
 */
export function canonicalEventFromParts(
  event: Omit<HashedContent, 'data' | 'metadata'>,
  canonicalData: string,
  canonicalMetadata: string,
): string {
  return (
    `{"data":${canonicalData},"id":${JSON.stringify(event.id)},"metadata":${canonicalMetadata},` +
    `"revision":${JSON.stringify(event.revision)},"schemaVersion":${JSON.stringify(event.schemaVersion)},` +
    `"streamId":${JSON.stringify(event.streamId)},"type":${JSON.stringify(event.type)}}`
  );
}

/** The canonical form of an event: canonical JSON of its seven hashed fields. */
export function canonicalEvent(event: HashedContent): string {
  return canonicalEventFromParts(event, canonicalJson(event.data), canonicalJson(event.metadata));
}

/**
 * sha256_hex(previousHash + "\n" + canonical), UTF-8. Node's one-shot `hash` (no Hash object per
 * event): 1.0–1.3 million events/s against 0.6–0.8 million with createHash, measured on a bench log.
 */
export function chainHash(previousHash: string, canonical: string): string {
  return hash('sha256', `${previousHash}\n${canonical}`, 'hex');
}

/** The hash of an event given the hash of the previous event of its stream (GENESIS_HASH for revision 0). */
export function hashEvent(event: HashedContent, previousHash: string): string {
  return chainHash(previousHash, canonicalEvent(event));
}

/**
 * The hash of the heads of the log at a position: sha256_hex of the lines `<streamId> <hash>\n`,
 * one per stream (its last event at or before the position), the lines sorted as strings (UTF-16
 * code units: byte order for ASCII stream ids).
 */
export function headsHash(heads: Iterable<readonly [streamId: string, hash: string]>): string {
  const lines = [...heads].map(([streamId, hash]) => `${streamId} ${hash}\n`);
  lines.sort();
  // The joined lines hashed at once: the same bytes, without a call into the hash per stream
  // (a log of 7,000 streams spent 5 ms per heads hash in those calls).
  return hash('sha256', lines.join(''), 'hex');
}
