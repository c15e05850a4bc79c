import { Inject, Injectable, Logger } from '@nestjs/common';
import { readVerified, type BlobStore } from '@carnet/blob-store';
import { BLOB_STORE } from '../infrastructure/tokens.js';

/**
 * The bytes of the documents listed in an approved publication, read from the blob store of the
 * documents feature (ADR 0011) and checked against the SHA-256 recorded in the log: damaged bytes
 * are never served.
 */
@Injectable()
export class PublicDocumentBytes {
  private readonly logger = new Logger('PublicDocuments');

  constructor(@Inject(BLOB_STORE) private readonly blobs: BlobStore) {}

  /** The bytes, or null when none can be read (blob missing or damaged). */
  async read(key: string, expected: { sha256: string; size: number }): Promise<Buffer | null> {
    try {
      return await readVerified(this.blobs, key, expected);
    } catch (error) {
      this.logger.error(`Document public ${key} illisible : ${(error as Error).message}`);
      return null;
    }
  }
}
