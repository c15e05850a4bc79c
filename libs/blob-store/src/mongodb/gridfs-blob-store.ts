import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { GridFSBucket, MongoClient, type Db, type GridFSBucketWriteStream, type ObjectId } from 'mongodb';
import { BLOB_KEY, BlobNotFoundError, chunksOf, type BlobSource, type BlobStore, type StoredBlob } from '../blob-store.port.js';

// GridFS takes any _id; the driver's types only name ObjectId. Keys here are UUID strings.
const fileId = (key: string) => key as unknown as ObjectId;

export interface GridFsBlobStoreOptions {
  url: string;
  dbName: string;
  /** GridFS bucket: collections `<bucket>.files` and `<bucket>.chunks`. */
  bucketName?: string;
}

/**
 * Blobs in MongoDB GridFS (or a MongoDB-wire server such as FerretDB), used when MONGO_URL is set.
 * The file id is the key. GridFS writes the `files` document only after the last chunk, so a
 * reader never finds a half-written file; a failed upload is aborted, which deletes its chunks.
 * Each chunk is awaited before the next is written so that no insert is still in flight when
 * the chunks are deleted.
 */
export class GridFsBlobStore implements BlobStore {
  readonly engine = 'gridfs';
  private readonly bucket: GridFSBucket;

  private constructor(
    readonly client: MongoClient,
    readonly db: Db,
    bucketName: string,
  ) {
    this.bucket = new GridFSBucket(db, { bucketName });
  }

  static async connect(options: GridFsBlobStoreOptions): Promise<GridFsBlobStore> {
    const client = await new MongoClient(options.url).connect();
    return new GridFsBlobStore(client, client.db(options.dbName), options.bucketName ?? 'documents');
  }

  async put(source: BlobSource): Promise<StoredBlob> {
    const key = randomUUID();
    const upload = this.bucket.openUploadStreamWithId(fileId(key), key);
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of chunksOf(source)) {
        hash.update(chunk);
        size += chunk.length;
        await write(upload, chunk);
      }
      await finish(upload);
    } catch (error) {
      await upload.abort().catch(() => undefined);
      // Also removes a files document, should the failure come after it was written.
      await this.bucket.delete(fileId(key)).catch(() => undefined);
      throw error;
    }
    return { key, sha256: hash.digest('hex'), size };
  }

  async get(key: string): Promise<Readable> {
    if (!BLOB_KEY.test(key)) throw new BlobNotFoundError(key);
    const found = await this.bucket.find({ _id: fileId(key) }).limit(1).toArray();
    if (found.length === 0) throw new BlobNotFoundError(key);
    return this.bucket.openDownloadStream(fileId(key));
  }

  async delete(key: string): Promise<void> {
    if (!BLOB_KEY.test(key)) return;
    await this.bucket.delete(fileId(key)).catch((error: Error) => {
      if (!/File not found/.test(error.message)) throw error;
    });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

function write(upload: GridFSBucketWriteStream, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => upload.write(chunk, (error) => (error ? reject(error) : resolve())));
}

function finish(upload: GridFSBucketWriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    upload.once('error', reject);
    upload.end(() => resolve());
  });
}
