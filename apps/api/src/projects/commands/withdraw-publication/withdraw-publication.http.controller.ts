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
import { WithdrawPublicationCommand } from './withdraw-publication.command.js';
import { WithdrawPublicationRequestDto } from './withdraw-publication.request.dto.js';

@ApiTags('Projets')
@Controller('projects')
export class WithdrawPublicationHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/publication-withdrawal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retirer la publication (maire, ou administrateur du Département)' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  async handle(
    @Param('id', UuidParam) id: string,
    @Body() body: WithdrawPublicationRequestDto,
    @CurrentActor() actor: Actor,
    @CommandHeaders() options: CommandOptions,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAccepted> {
    const result = await this.commandBus.execute(new WithdrawPublicationCommand(id, actor, options, { type: 'WithdrawPublication', reason: body.reason }));
    res.setHeader('ETag', `"${result.version}"`);
    return result;
  }
}
