import { Body, Controller, HttpCode, Param, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandAccepted } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import type { Response } from 'express';
import { CommandHeaders, type CommandOptions } from '../../../shared/command-options.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { CommandAcceptedDto, CommandHeadersDoc, ProblemResponses } from '../../../shared/openapi.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { ChangeDocumentVisibilityCommand } from './change-document-visibility.command.js';
import { ChangeDocumentVisibilityRequestDto } from './change-document-visibility.request.dto.js';

@ApiTags('Documents')
@Controller('projects')
export class ChangeDocumentVisibilityHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Patch(':id/documents/:documentId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rendre un document public, ou non' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  async handle(
    @Param('id', UuidParam) id: string,
    @Param('documentId', UuidParam) documentId: string,
    @Body() body: ChangeDocumentVisibilityRequestDto,
    @CurrentActor() actor: Actor,
    @CommandHeaders() options: CommandOptions,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAccepted> {
    const result = await this.commandBus.execute(new ChangeDocumentVisibilityCommand(id, actor, options, { type: 'ChangeDocumentVisibility', documentId, public: body.public }));
    res.setHeader('ETag', `"${result.version}"`);
    return result;
  }
}
