import { Query } from '@nestjs/cqrs';
import type { Actor } from '@carnet/domain';

/** The bytes of one version of a document, checked against the SHA-256 recorded when it was stored. */
export interface DocumentDownload {
  fileName: string;
  mediaType: string;
  sha256: string;
  bytes: Buffer;
}

export class DownloadDocumentQuery extends Query<DocumentDownload> {
  constructor(
    readonly projectId: string,
    readonly documentId: string,
    /** null: the current version. */
    readonly version: number | null,
    readonly actor: Actor | null,
    readonly minPosition?: number,
  ) {
    super();
  }
}
