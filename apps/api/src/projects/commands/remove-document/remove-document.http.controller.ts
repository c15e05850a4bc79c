import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandAccepted } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import type { Response } from 'express';
import { CommandHeaders, type CommandOptions } from '../../../shared/command-options.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { CommandAcceptedDto, CommandHeadersDoc, ProblemResponses } from '../../../shared/openapi.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { RemoveDocumentCommand } from './remove-document.command.js';
import { RemoveDocumentRequestDto } from './remove-document.request.dto.js';

@ApiTags('Documents')
@Controller('projects')
export class RemoveDocumentHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/documents/:documentId/removal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retirer un document du projet' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  async handle(
    @Param('id', UuidParam) id: string,
    @Param('documentId', UuidParam) documentId: string,
    @Body() body: RemoveDocumentRequestDto,
    @CurrentActor() actor: Actor,
    @CommandHeaders() options: CommandOptions,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAccepted> {
    const result = await this.commandBus.execute(new RemoveDocumentCommand(id, actor, options, { type: 'RemoveDocument', documentId, reason: body.reason }));
    res.setHeader('ETag', `"${result.version}"`);
    return result;
  }
}
