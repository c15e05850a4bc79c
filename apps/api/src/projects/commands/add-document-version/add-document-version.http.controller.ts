import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DocumentAccepted } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import type { Request, Response } from 'express';
import { CommandHeaders, type CommandOptions } from '../../../shared/command-options.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { CommandAcceptedDto, CommandHeadersDoc, ProblemResponses } from '../../../shared/openapi.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { DocumentUploads } from '../../documents/document-uploads.js';
import { AddDocumentVersionCommand } from './add-document-version.command.js';

@ApiTags('Documents')
@Controller('projects')
export class AddDocumentVersionHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly uploads: DocumentUploads,
  ) {}

  @Post(':id/documents/:documentId/versions')
  @HttpCode(201)
  @ApiOperation({ summary: 'Déposer une nouvelle version d’un document', description: 'Formulaire multipart/form-data : « file ».' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 413, 415, 422)
  async handle(
    @Param('id', UuidParam) id: string,
    @Param('documentId', UuidParam) documentId: string,
    @CurrentActor() actor: Actor,
    @CommandHeaders() options: CommandOptions,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DocumentAccepted> {
    await this.uploads.preflight(id, actor, documentId, options.expectedVersion);
    const { file } = await this.uploads.receive(req);
    const result = (await this.commandBus.execute(new AddDocumentVersionCommand(id, actor, options, { type: 'AddDocumentVersion', documentId, file }))) as DocumentAccepted;
    res.setHeader('ETag', `"${result.version}"`);
    res.setHeader('Location', `/api/projects/${id}/documents/${documentId}/versions/${result.documentVersion}`);
    return result;
  }
}
