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
import { ReopenQuestionCommand } from './reopen-question.command.js';
import { ReopenQuestionRequestDto } from './reopen-question.request.dto.js';

@ApiTags('Questions et échanges')
@Controller('projects')
export class ReopenQuestionHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/questions/:questionId/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rouvrir une question répondue ou close, avec un motif (commune)' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  async handle(
    @Param('id', UuidParam) id: string,
    @Param('questionId', UuidParam) questionId: string,
    @Body() body: ReopenQuestionRequestDto,
    @CurrentActor() actor: Actor,
    @CommandHeaders() options: CommandOptions,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAccepted> {
    const result = await this.commandBus.execute(new ReopenQuestionCommand(id, actor, options, { type: 'ReopenQuestion', questionId, reason: body.reason }));
    res.setHeader('ETag', `"${result.version}"`);
    return result;
  }
}
