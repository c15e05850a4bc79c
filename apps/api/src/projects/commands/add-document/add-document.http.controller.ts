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
import { AddDocumentCommand } from './add-document.command.js';

@ApiTags('Documents')
@Controller('projects')
export class AddDocumentHttpController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly uploads: DocumentUploads,
  ) {}

  @Post(':id/documents')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Ajouter un document au projet',
    description: 'Formulaire multipart/form-data : « file » (le fichier), « title », « public » (true/false). Le type est reconnu au contenu ; taille maximale DOCUMENT_MAX_MB.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file', 'title'], properties: { file: { type: 'string', format: 'binary' }, title: { type: 'string' }, public: { type: 'boolean' } } } })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 413, 415, 422)
  async handle(
    @Param('id', UuidParam) id: string,
    @CurrentActor() actor: Actor,
    @CommandHeaders() options: CommandOptions,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DocumentAccepted> {
    await this.uploads.preflight(id, actor, undefined, options.expectedVersion);
    const { fields, file } = await this.uploads.receive(req);
    const result = (await this.commandBus.execute(
      new AddDocumentCommand(id, actor, options, { type: 'AddDocument', documentId: '', title: fields.title ?? '', public: fields.public === 'true', file }),
    )) as DocumentAccepted;
    res.setHeader('ETag', `"${result.version}"`);
    res.setHeader('Location', `/api/projects/${id}/documents/${result.documentId}`);
    return result;
  }
}
