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
import { AnswerQuestionCommand } from './answer-question.command.js';
import { AnswerQuestionRequestDto } from './answer-question.request.dto.js';

@ApiTags('Projets')
@Controller('projects')
export class AnswerQuestionHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/questions/:questionId/answers')
  @HttpCode(201)
  @ApiOperation({ summary: 'Répondre à une question' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  async handle(
    @Param('id', UuidParam) id: string,
    @Param('questionId', UuidParam) questionId: string,
    @Body() body: AnswerQuestionRequestDto,
    @CurrentActor() actor: Actor,
    @CommandHeaders() options: CommandOptions,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAccepted> {
    const result = await this.commandBus.execute(new AnswerQuestionCommand(id, actor, options, {
        type: 'AnswerQuestion',
        questionId,
        text: body.text,
        documentIds: body.documentIds ?? [],
        contactId: body.contactId ?? null,
      }));
    res.setHeader('ETag', `"${result.version}"`);
    return result;
  }
}
