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
import { AskQuestionCommand } from './ask-question.command.js';
import { AskQuestionRequestDto } from './ask-question.request.dto.js';

@ApiTags('Projets')
@Controller('projects')
export class AskQuestionHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/questions')
  @HttpCode(201)
  @ApiOperation({ summary: 'Poser une question au Département' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  async handle(
    @Param('id', UuidParam) id: string,
    @Body() body: AskQuestionRequestDto,
    @CurrentActor() actor: Actor,
    @CommandHeaders() options: CommandOptions,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAccepted> {
    const result = await this.commandBus.execute(new AskQuestionCommand(id, actor, options, { type: 'AskQuestion', category: body.category, text: body.text, documentIds: body.documentIds ?? [] }));
    res.setHeader('ETag', `"${result.version}"`);
    return result;
  }
}
