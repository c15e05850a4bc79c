import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { BlobCorruptedError, BlobNotFoundError, readVerified, type BlobStore } from '../blob-store.port.js';

export interface BlobStoreFixture {
  store: BlobStore;
  /** A second instance over the same storage, as after a restart. */
  reopen(): Promise<BlobStore>;
  /** Everything the storage holds (files, temporary files, chunks), to prove that nothing was left behind. */
  contents(): Promise<string[]>;
  /** Changes one stored byte of a blob behind the store's back. */
  corrupt(key: string): Promise<void>;
  cleanup(): Promise<void>;
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const bytesOf = async (stream: Readable) => Buffer.concat(await stream.toArray());
/** Deterministic, non-repeating bytes (so a misplaced chunk would show). */
const sample = (size: number) => Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + (i >> 8)) & 0xff));

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** The one suite every BlobStore adapter passes (folder, GridFS). */
export function blobStoreContract(name: string, open: () => Promise<BlobStoreFixture>): void {
  describe(`${name} (blob store contract)`, () => {
    let f: BlobStoreFixture;
    beforeEach(async () => {
      f = await open();
    });
    afterEach(async () => {
      await f.cleanup();
    });

    describe('when bytes are put', () => {
      it('answers a key, the SHA-256 and the size, and gives the same bytes back', async () => {
        const bytes = sample(1000);
        const stored = await f.store.put(bytes);
        expect(stored).toEqual({ key: expect.any(String), sha256: sha(bytes), size: 1000 });
        expect(await bytesOf(await f.store.get(stored.key))).toEqual(bytes);
      });

      it('stores a stream of many chunks larger than one storage chunk', async () => {
        const bytes = sample(3 * 1024 * 1024 + 17);
        const chunks = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) => bytes.subarray(i * 65536, (i + 1) * 65536));
        const stored = await f.store.put(Readable.from(chunks));
        expect(stored.size).toBe(bytes.length);
        expect(stored.sha256).toBe(sha(bytes));
        expect(sha(await bytesOf(await f.store.get(stored.key)))).toBe(sha(bytes));
      });

      it('gives each put its own key', async () => {
        const a = await f.store.put(sample(10));
        const b = await f.store.put(sample(10));
        expect(a.key).not.toBe(b.key);
      });

      it('keeps them after a restart', async () => {
        const stored = await f.store.put(sample(5000));
        const other = await f.reopen();
        expect(await bytesOf(await other.get(stored.key))).toEqual(sample(5000));
      });
    });

    describe('when the source fails midway', () => {
      it('rejects with the source’s error and leaves nothing behind', async () => {
        const kept = await f.store.put(sample(100));
        const before = await f.contents();
        async function* failing() {
          yield sample(600 * 1024);
          yield sample(600 * 1024);
          throw new Error('trop gros');
        }
        const error = await rejection(f.store.put(failing()));
        expect((error as Error).message).toBe('trop gros');
        expect(await f.contents()).toEqual(before);
        expect(await bytesOf(await f.store.get(kept.key))).toEqual(sample(100));
      });
    });

    describe('when a key is unknown', () => {
      it('answers BlobNotFoundError, also for a key that tries to leave the store', async () => {
        expect(await rejection(f.store.get('0b6f4d3e-2f7a-4c1e-9d2a-5b8c7e6f1a20'))).toBeInstanceOf(BlobNotFoundError);
        expect(await rejection(f.store.get('../../etc/passwd'))).toBeInstanceOf(BlobNotFoundError);
      });
    });

    describe('when a blob is deleted', () => {
      it('is gone, and deleting it again is not an error', async () => {
        const stored = await f.store.put(sample(300 * 1024));
        const empty = await f.contents();
        await f.store.delete(stored.key);
        expect(await rejection(f.store.get(stored.key))).toBeInstanceOf(BlobNotFoundError);
        await f.store.delete(stored.key);
        expect((await f.contents()).length).toBeLessThan(empty.length);
      });
    });

    describe('when it is read back verified', () => {
      it('gives the bytes when they match what was recorded', async () => {
        const stored = await f.store.put(sample(2048));
        expect(await readVerified(f.store, stored.key, stored)).toEqual(sample(2048));
      });

      it('refuses a corrupted blob instead of giving its bytes', async () => {
        const stored = await f.store.put(sample(2048));
        await f.corrupt(stored.key);
        expect(await rejection(readVerified(f.store, stored.key, stored))).toBeInstanceOf(BlobCorruptedError);
      });

      it('refuses a blob whose size differs from the record', async () => {
        const stored = await f.store.put(sample(2048));
        expect(await rejection(readVerified(f.store, stored.key, { ...stored, size: 2000 }))).toBeInstanceOf(BlobCorruptedError);
      });
    });
  });
}
