import { Controller, Get, Param, Query as QueryParam, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@carnet/domain';
import type { Response } from 'express';
import { OptionalActor } from '../../../shared/current-actor.js';
import { MinPositionPipe, MinPositionQuery } from '../../../shared/min-position.js';
import { DocumentBytesResponse, ProblemResponses } from '../../../shared/openapi.js';
import { ProblemException } from '../../../shared/problem.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { DownloadDocumentQuery, type DocumentDownload } from './download-document.query.js';

/**
 * `attachment` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / RFC 8187): the browser
 * saves the file and never renders it in the app's origin.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\%;]/g, '_') || 'document';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

@ApiTags('Documents')
@Controller('projects')
export class DownloadDocumentHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/documents/:documentId')
  @ApiOperation({ summary: 'Télécharger la version actuelle d’un document (contenu vérifié par son empreinte SHA-256)' })
  @MinPositionQuery()
  @DocumentBytesResponse('Le fichier, vérifié par son empreinte')
  @ProblemResponses(404, 500, 503)
  async current(
    @Param('id', UuidParam) id: string,
    @Param('documentId', UuidParam) documentId: string,
    @QueryParam('minPosition', MinPositionPipe) minPosition: number | undefined,
    @OptionalActor() actor: Actor | null,
    @Res() res: Response,
  ): Promise<void> {
    send(res, await this.queryBus.execute(new DownloadDocumentQuery(id, documentId, null, actor, minPosition)));
  }

  @Get(':id/documents/:documentId/versions/:version')
  @ApiOperation({ summary: 'Télécharger une version précise d’un document' })
  @MinPositionQuery()
  @DocumentBytesResponse('Le fichier, vérifié par son empreinte')
  @ProblemResponses(404, 500, 503)
  async version(
    @Param('id', UuidParam) id: string,
    @Param('documentId', UuidParam) documentId: string,
    @Param('version') version: string,
    @QueryParam('minPosition', MinPositionPipe) minPosition: number | undefined,
    @OptionalActor() actor: Actor | null,
    @Res() res: Response,
  ): Promise<void> {
    if (!/^[1-9]\d{0,5}$/.test(version)) throw new ProblemException(404, 'document_not_found', 'Document introuvable', `« ${version} » n’est pas un numéro de version.`);
    send(res, await this.queryBus.execute(new DownloadDocumentQuery(id, documentId, Number(version), actor, minPosition)));
  }
}

function send(res: Response, download: DocumentDownload): void {
  res.status(200).set({
    'Content-Type': download.mediaType,
    'Content-Length': String(download.bytes.length),
    'Content-Disposition': contentDisposition(download.fileName),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, no-store',
    'Repr-Digest': `sha-256=:${Buffer.from(download.sha256, 'hex').toString('base64')}:`,
  });
  res.end(download.bytes);
}
