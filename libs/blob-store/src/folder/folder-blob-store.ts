import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { BLOB_KEY, BlobNotFoundError, chunksOf, type BlobSource, type BlobStore, type StoredBlob } from '../blob-store.port.js';

const TMP = '.tmp';

/**
 * Blobs as files in a folder (by default `DATA_DIR/documents`), one file per key under a two-letter
 * sub-folder. A blob is written to `.tmp/<key>.part`, fsynced, then renamed into place (an atomic
 * step on one file system) and the folder fsynced: a reader sees the whole file or nothing. A crash
 * can only leave a `.part` file behind, and those are removed when the store opens.
 */
export class FolderBlobStore implements BlobStore {
  readonly engine = 'folder';
  private readonly tmp: string;

  constructor(readonly root: string) {
    this.tmp = join(root, TMP);
    mkdirSync(this.tmp, { recursive: true });
    // Left by a process that died mid-upload: never referenced by an event (events come after put).
    for (const name of readdirSync(this.tmp)) rmSync(join(this.tmp, name), { force: true });
  }

  private pathOf(key: string): string {
    if (!BLOB_KEY.test(key)) throw new BlobNotFoundError(key);
    return join(this.root, key.slice(0, 2), key);
  }

  async put(source: BlobSource): Promise<StoredBlob> {
    const key = randomUUID();
    const partial = join(this.tmp, `${key}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const file = await open(partial, 'wx', 0o600);
    try {
      for await (const chunk of chunksOf(source)) {
        hash.update(chunk);
        size += chunk.length;
        await file.write(chunk);
      }
      await file.sync();
    } catch (error) {
      await file.close().catch(() => undefined);
      await unlink(partial).catch(() => undefined);
      throw error;
    }
    await file.close();
    const dir = join(this.root, key.slice(0, 2));
    try {
      mkdirSync(dir, { recursive: true });
      await rename(partial, join(dir, key));
      await syncFolder(dir);
    } catch (error) {
      await unlink(partial).catch(() => undefined);
      throw error;
    }
    return { key, sha256: hash.digest('hex'), size };
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    try {
      await stat(path);
    } catch {
      throw new BlobNotFoundError(key);
    }
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    if (!BLOB_KEY.test(key)) return;
    await unlink(this.pathOf(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  async close(): Promise<void> {}
}

/** The rename is durable once the folder entry is on disk too. */
async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse to fsync a folder (EINVAL/EISDIR); the file itself is synced.
  } finally {
    await handle.close();
  }
}
