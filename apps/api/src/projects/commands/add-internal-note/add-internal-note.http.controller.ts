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
import { AddInternalNoteCommand } from './add-internal-note.command.js';
import { AddInternalNoteRequestDto } from './add-internal-note.request.dto.js';

@ApiTags('Questions et échanges')
@Controller('projects')
export class AddInternalNoteHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/notes')
  @HttpCode(201)
  @ApiOperation({ summary: 'Ajouter une note interne (Département et partenaires associés ; jamais visible de la commune)' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  async handle(
    @Param('id', UuidParam) id: string,
    @Body() body: AddInternalNoteRequestDto,
    @CurrentActor() actor: Actor,
    @CommandHeaders() options: CommandOptions,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAccepted> {
    const result = await this.commandBus.execute(new AddInternalNoteCommand(id, actor, options, { type: 'AddInternalNote', text: body.text, questionId: body.questionId ?? null }));
    res.setHeader('ETag', `"${result.version}"`);
    return result;
  }
}
