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
import { PostMessageCommand } from './post-message.command.js';
import { PostMessageRequestDto } from './post-message.request.dto.js';

@ApiTags('Questions et échanges')
@Controller('projects')
export class PostMessageHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/messages')
  @HttpCode(201)
  @ApiOperation({ summary: 'Écrire dans la conversation du projet entre la commune et le Département' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  async handle(
    @Param('id', UuidParam) id: string,
    @Body() body: PostMessageRequestDto,
    @CurrentActor() actor: Actor,
    @CommandHeaders() options: CommandOptions,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAccepted> {
    const result = await this.commandBus.execute(new PostMessageCommand(id, actor, options, { type: 'PostMessage', text: body.text, documentIds: body.documentIds ?? [] }));
    res.setHeader('ETag', `"${result.version}"`);
    return result;
  }
}
