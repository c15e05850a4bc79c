import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';

/** What the public download needs from the blob store (ADR 0011): the bytes under a key. */
export interface BlobReader {
  get(key: string): Promise<Readable>;
}

/**
 * The bytes of public documents. Wired to the blob store of the documents feature when it is there
 * (`use(blobStore)`); until then no bytes are available and downloads answer 404.
 */
@Injectable()
export class PublicDocumentBytes {
  private reader: BlobReader | null = null;

  use(reader: BlobReader | null): void {
    this.reader = reader;
  }

  /** The bytes, or null when none can be read (no store wired, blob missing). */
  async open(key: string): Promise<Readable | null> {
    if (!this.reader) return null;
    try {
      return await this.reader.get(key);
    } catch {
      return null;
    }
  }
}
