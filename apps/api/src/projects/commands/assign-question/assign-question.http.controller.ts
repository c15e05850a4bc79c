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
import { AssignQuestionCommand } from './assign-question.command.js';
import { AssignQuestionRequestDto } from './assign-question.request.dto.js';

@ApiTags('Questions et échanges')
@Controller('projects')
export class AssignQuestionHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/questions/:questionId/assignment')
  @HttpCode(200)
  @ApiOperation({ summary: 'Attribuer une question à un agent du Département ou à un membre d’un partenaire associé (Département)' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  async handle(
    @Param('id', UuidParam) id: string,
    @Param('questionId', UuidParam) questionId: string,
    @Body() body: AssignQuestionRequestDto,
    @CurrentActor() actor: Actor,
    @CommandHeaders() options: CommandOptions,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAccepted> {
    // The handler replaces the assignee with the facts of the account (kind, organisation).
    const result = await this.commandBus.execute(new AssignQuestionCommand(id, actor, options, { type: 'AssignQuestion', questionId, assignee: { accountId: body.assigneeId, kind: 'agent', organisationId: null } }));
    res.setHeader('ETag', `"${result.version}"`);
    return result;
  }
}
