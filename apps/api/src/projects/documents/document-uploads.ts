import { Inject, Injectable } from '@nestjs/common';
import busboy, { type Busboy } from 'busboy';
import type { Request } from 'express';
import type { Readable } from 'node:stream';
import type { BlobStore, StoredBlob } from '@carnet/blob-store';
import {
  canAddDocuments,
  cleanFileName,
  DomainError,
  type Actor,
  type DocumentMediaType,
  type StoredFile,
  type AddDocument,
  type AddDocumentVersion,
} from '@carnet/domain';
import type { CommandAccepted, DocumentAccepted } from '@carnet/contracts';
import type { CommandOptions } from '../../shared/command-options.js';
import { deterministicUuid } from '../../shared/deterministic-id.js';
import { BLOB_STORE } from '../../infrastructure/tokens.js';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { staleProjectVersion } from '../../shared/decider-runner.js';
import { ProblemException } from '../../shared/problem.js';
import { canSeeProject, projectNotFound } from '../project-access.js';
import { ProjectCommandRunner } from '../project-command.runner.js';
import { HEAD_BYTES, TAIL_BYTES, signatureOf, sniffMediaType } from './media-type-sniffer.js';

/** What an upload gives the command: the form's text fields and the stored file. */
export interface ReceivedUpload {
  fields: Record<string, string>;
  file: StoredFile;
}

export const tooLarge = (maxMb: number) => {
  const message = `Ce fichier dépasse la taille maximale de ${maxMb} Mo.`;
  return new ProblemException(413, 'document_too_large', message, undefined, [{ field: 'file', message }]);
};
export const TYPE_REFUSED = 'Ce type de fichier n’est pas accepté.';
/** What to do about it, in the words of the file's owner (the content is read, not the name: a renamed file is refused too). */
export const TYPE_ACCEPTED =
  'Déposez un PDF, une photo (JPEG, PNG, WebP) ou un document Word, Excel, PowerPoint ou OpenDocument. Un autre fichier (texte, ancien .doc ou .xls…) : enregistrez-le d’abord en PDF.';
export const typeRefused = () =>
  new ProblemException(415, 'document_type_refused', TYPE_REFUSED, TYPE_ACCEPTED, [{ field: 'file', message: `${TYPE_REFUSED} ${TYPE_ACCEPTED}` }]);
const noFile = () =>
  new ProblemException(400, 'document_missing', 'Aucun fichier reçu.', 'Joignez le fichier dans le champ « file » d’un formulaire multipart/form-data.', [
    { field: 'file', message: 'Choisissez un fichier.' },
  ]);
const emptyFile = () => new ProblemException(422, 'document_empty', 'Ce fichier est vide.', undefined, [{ field: 'file', message: 'Ce fichier est vide.' }]);
const malformed = () => new ProblemException(400, 'malformed_upload', 'Le formulaire envoyé est illisible.', 'Envoyez le fichier en multipart/form-data.');
class ClientGone extends Error {}

/**
 * Receives one uploaded file: streams it from the request to the blob store while counting,
 * hashing and sniffing it, and stops at the first byte over the limit or as soon as the content is
 * not an accepted type. A refused upload leaves nothing: the blob store drops what it had written
 * (ADR 0011), and the rest of the request is read and discarded so that the answer reaches the client.
 */
@Injectable()
export class DocumentUploads {
  constructor(
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runner: ProjectCommandRunner,
  ) {}

  /**
   * Refuses before any byte is stored: a project the person may not see (404), a person who may
   * not add documents (403), an unknown document for a new version (404), a stale If-Match (409).
   */
  async preflight(projectId: string, actor: Actor, documentId?: string, expectedVersion?: number): Promise<void> {
    const { state, version } = await this.runner.state(projectId);
    if (!state.exists || !canSeeProject(actor, state)) throw projectNotFound(projectId);
    if (actor.role === 'auditor' || !canAddDocuments(actor, state)) {
      throw new DomainError('forbidden', 'Seuls la commune, le Département et les partenaires associés au projet ajoutent des documents.', 'forbidden');
    }
    if (documentId !== undefined && (!state.documents[documentId] || state.documents[documentId].removed)) {
      throw new DomainError('document_not_found', 'Ce document n’existe pas sur ce projet.', 'not_found', 'documentId');
    }
    if (expectedVersion !== undefined && expectedVersion !== version) throw staleProjectVersion(expectedVersion, version);
  }

  /** Reads the multipart form of `request` and stores its `file` part. */
  receive(request: Request): Promise<ReceivedUpload> {
    const maxBytes = this.config.documents.maxMb * 1024 * 1024;
    const accepted = this.config.documents.mediaTypes;
    if (!request.is('multipart/form-data')) return Promise.reject(malformed());
    let parser: Busboy;
    try {
      parser = busboy({ headers: request.headers, defParamCharset: 'utf8', limits: { files: 1, fields: 8, fieldSize: 8 * 1024, parts: 12 } });
    } catch {
      return Promise.reject(malformed());
    }

    return new Promise<ReceivedUpload>((resolve, reject) => {
      const fields: Record<string, string> = {};
      let put: Promise<StoredBlob> | null = null;
      let fileStream: Readable | null = null;
      let fileName = '';
      let mediaType: DocumentMediaType | null = null;
      let settled = false;

      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        request.unpipe(parser);
        fileStream?.destroy(error instanceof Error ? error : new Error(String(error)));
        // Read and drop the rest of the body (up to a bound), so that the refusal reaches the client.
        const drained = new Promise<void>((done) => {
          if (request.readableEnded || request.destroyed) return done();
          let extra = 0;
          request.on('data', (chunk: Buffer) => {
            extra += chunk.length;
            if (extra > 4 * maxBytes + 64 * 1024 * 1024) request.destroy();
          });
          request.once('end', () => done());
          request.once('close', () => done());
          request.resume();
        });
        const cleaned = put ? put.then((blob) => this.blobs.delete(blob.key), () => undefined) : Promise.resolve();
        void Promise.all([cleaned, drained]).then(() => reject(error));
      };

      async function* inspect(stream: Readable): AsyncIterable<Uint8Array> {
        let size = 0;
        const head: Buffer[] = [];
        let headLength = 0;
        const tail: Buffer[] = [];
        let tailLength = 0;
        let signatureChecked = false;
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > maxBytes) throw tooLarge(Math.round(maxBytes / 1024 / 1024));
          if (headLength < HEAD_BYTES) {
            const part = chunk.subarray(0, HEAD_BYTES - headLength);
            head.push(part);
            headLength += part.length;
          }
          tail.push(chunk);
          tailLength += chunk.length;
          while (tail.length > 1 && tailLength - tail[0].length >= TAIL_BYTES) tailLength -= tail.shift()!.length;
          // An executable renamed .pdf is stopped at its first bytes, not after megabytes.
          if (!signatureChecked && headLength >= 16) {
            signatureChecked = true;
            if (!signatureOf(Buffer.concat(head))) throw typeRefused();
          }
          yield chunk;
        }
        if (size === 0) throw emptyFile();
        const headBytes = Buffer.concat(head);
        const tailBytes = Buffer.concat(tail).subarray(-Math.min(TAIL_BYTES, tailLength));
        // Checked before put() returns, so a refused file is never committed to the store.
        mediaType = sniffMediaType(headBytes, tailBytes, size);
        if (!mediaType || !accepted.includes(mediaType)) throw typeRefused();
      }

      parser.on('field', (name, value) => {
        fields[name] = value;
      });
      parser.on('file', (name, stream, info) => {
        if (name !== 'file' || put || settled) {
          stream.resume();
          return;
        }
        fileStream = stream;
        fileName = cleanFileName(info.filename ?? '');
        put = this.blobs.put(inspect(stream));
        put.catch(fail);
      });
      parser.on('error', () => fail(malformed()));
      parser.on('close', () => {
        if (settled) return;
        if (!put) return fail(noFile());
        put.then((blob) => {
          if (settled) return void this.blobs.delete(blob.key);
          settled = true;
          resolve({ fields, file: { fileName: fileName || 'document', mediaType: mediaType!, size: blob.size, sha256: blob.sha256, blobKey: blob.key } });
        }, fail);
      });
      request.on('close', () => {
        if (!request.readableEnded) fail(new ClientGone('the client went away during the upload'));
      });
      request.pipe(parser);
    });
  }

  /**
   * Runs the command that records a stored upload. A refused command drops the blob; so does a
   * retry (same Idempotency-Key) answered with what the first try recorded.
   */
  async record(projectId: string, command: AddDocument | AddDocumentVersion, actor: Actor, options: CommandOptions): Promise<DocumentAccepted> {
    const commandId = this.runner.commandId(actor, options);
    // A new document's id derives from the command: a retried upload lands on the same document.
    const decided = command.type === 'AddDocument' ? { ...command, documentId: deterministicUuid(`document:${commandId}`) } : command;
    let accepted: CommandAccepted;
    try {
      accepted = await this.runner.run(projectId, decided, actor, options, commandId);
    } catch (error) {
      await this.discard(command.file);
      throw error;
    }
    const recorded = await this.recordedVersion(projectId, commandId);
    if (recorded?.blobKey !== command.file.blobKey) await this.discard(command.file);
    return { ...accepted, documentId: decided.documentId, documentVersion: recorded?.version ?? 1 };
  }

  /** Drops a stored upload whose command was refused (or already recorded by an earlier try). */
  async discard(file: StoredFile): Promise<void> {
    await this.blobs.delete(file.blobKey).catch(() => undefined);
  }

  /** The version recorded by the command `commandId` if it recorded this very blob; null otherwise. */
  async recordedVersion(projectId: string, commandId: string): Promise<{ blobKey: string; version: number; documentId: string } | null> {
    const event = (await this.runner.recordedBy(projectId, commandId)).find((e) => e.type === 'DocumentAdded' || e.type === 'DocumentVersionAdded');
    return event ? (event.data as { blobKey: string; version: number; documentId: string }) : null;
  }
}

