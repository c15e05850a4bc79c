import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/** What a blob store answers once the bytes are durably stored. */
export interface StoredBlob {
  /** Chosen by the store; what events record as `blobKey`. */
  key: string;
  /** Lowercase hex SHA-256 of the bytes. */
  sha256: string;
  /** Bytes. */
  size: number;
}

/** Bytes to store: a stream (an upload), any async iterable of chunks, or bytes in memory. */
export type BlobSource = Readable | AsyncIterable<Uint8Array> | Uint8Array;

/**
 * Where document bytes live, outside the event log (ADR 0011). `put` stores everything or nothing:
 * if the source fails (an upload over the size limit, a refused file type, a client that goes away),
 * the promise rejects with the source's error and no blob, chunk or temporary file remains.
 */
export interface BlobStore {
  readonly engine: string;
  /** Stores the bytes under a new key; resolves only once they are durable. */
  put(source: BlobSource): Promise<StoredBlob>;
  /** The bytes of a blob; rejects with BlobNotFoundError when there is none. */
  get(key: string): Promise<Readable>;
  /** Removes a blob; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

/** No blob under this key. */
export class BlobNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No blob under key ${key}`);
    this.name = 'BlobNotFoundError';
  }
}

/** The stored bytes no longer match what was recorded when they were stored. */
export class BlobCorruptedError extends Error {
  constructor(
    readonly key: string,
    detail: string,
  ) {
    super(`Blob ${key} is corrupted: ${detail}`);
    this.name = 'BlobCorruptedError';
  }
}

/** Keys are UUIDs: nothing a caller passes can reach outside the store (no `..`, no `/`). */
export const BLOB_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Iterates any BlobSource as Uint8Array chunks. */
export async function* chunksOf(source: BlobSource): AsyncIterable<Uint8Array> {
  if (source instanceof Uint8Array) {
    yield source;
    return;
  }
  for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
    yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  }
}

/**
 * Reads a whole blob and checks it against what was recorded (size and SHA-256) before handing
 * anything out: a corrupted blob gives BlobCorruptedError, never corrupted bytes. Meant for
 * documents (a few tens of MB at most), which are held in memory once.
 */
export async function readVerified(store: BlobStore, key: string, expected: { sha256: string; size: number }): Promise<Buffer> {
  const stream = await store.get(key);
  const hash = createHash('sha256');
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > expected.size) {
      stream.destroy();
      throw new BlobCorruptedError(key, `more than the ${expected.size} bytes recorded`);
    }
    hash.update(chunk);
    parts.push(chunk);
  }
  if (size !== expected.size) throw new BlobCorruptedError(key, `${size} bytes instead of ${expected.size}`);
  const sha256 = hash.digest('hex');
  if (sha256 !== expected.sha256) throw new BlobCorruptedError(key, `SHA-256 ${sha256} instead of ${expected.sha256}`);
  return Buffer.concat(parts, size);
}
