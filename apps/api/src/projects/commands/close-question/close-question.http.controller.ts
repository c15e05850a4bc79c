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
import { CloseQuestionCommand } from './close-question.command.js';

@ApiTags('Questions et échanges')
@Controller('projects')
export class CloseQuestionHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/questions/:questionId/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Clore une question (commune ou Département)' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  async handle(
    @Param('id', UuidParam) id: string,
    @Param('questionId', UuidParam) questionId: string,
    @CurrentActor() actor: Actor,
    @CommandHeaders() options: CommandOptions,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAccepted> {
    const result = await this.commandBus.execute(new CloseQuestionCommand(id, actor, options, { type: 'CloseQuestion', questionId }));
    res.setHeader('ETag', `"${result.version}"`);
    return result;
  }
}
