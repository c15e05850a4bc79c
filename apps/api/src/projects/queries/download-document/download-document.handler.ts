import { Inject, Logger } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { BlobCorruptedError, BlobNotFoundError, readVerified, type BlobStore } from '@carnet/blob-store';
import { BLOB_STORE } from '../../../infrastructure/tokens.js';
import { ProblemException } from '../../../shared/problem.js';
import { ReadModels } from '../../../shared/read-models.js';
import type { ProjectDoc } from '../../projections/project.projection.js';
import { canSeeAllDocuments, canSeeProject, projectNotFound } from '../../project-access.js';
import { DownloadDocumentQuery, type DocumentDownload } from './download-document.query.js';

const documentNotFound = () => new ProblemException(404, 'document_not_found', 'Document introuvable', 'Ce document n’existe pas sur ce projet, ou n’est pas public.');

@QueryHandler(DownloadDocumentQuery)
export class DownloadDocumentHandler implements IQueryHandler<DownloadDocumentQuery> {
  private readonly logger = new Logger('Documents');

  constructor(
    private readonly readModels: ReadModels,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async execute({ projectId, documentId, version, actor, minPosition }: DownloadDocumentQuery): Promise<DocumentDownload> {
    const set = await this.readModels.current(minPosition);
    const project = await set.get<ProjectDoc>('projects', projectId);
    if (!project || !canSeeProject(actor, project)) throw projectNotFound(projectId);
    const document = (project.documents ?? []).find((d) => d.id === documentId);
    if (!document || (!document.public && !canSeeAllDocuments(actor, project))) throw documentNotFound();
    const stored = version === null ? document.versions[document.versions.length - 1] : document.versions.find((v) => v.version === version);
    if (!stored) throw documentNotFound();
    try {
      const bytes = await readVerified(this.blobs, stored.blobKey, stored);
      return { fileName: stored.fileName, mediaType: stored.mediaType, sha256: stored.sha256, bytes };
    } catch (error) {
      if (!(error instanceof BlobCorruptedError) && !(error instanceof BlobNotFoundError)) throw error;
      this.logger.error(`Document ${documentId} v${stored.version} du projet ${projectId} illisible : ${error.message}`);
      throw new ProblemException(
        500,
        'document_damaged',
        'Ce document est endommagé : il ne peut pas être téléchargé.',
        'Son contenu ne correspond plus à ce qui a été déposé. L’équipe technique a été prévenue ; le dépôt d’une nouvelle version reste possible.',
      );
    }
  }
}
