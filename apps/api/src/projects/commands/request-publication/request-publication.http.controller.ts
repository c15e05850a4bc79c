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
import { RequestPublicationCommand } from './request-publication.command.js';
import { toContentInput } from './public-content.dto.js';
import { RequestPublicationRequestDto } from './request-publication.request.dto.js';

@ApiTags('Projets')
@Controller('projects')
export class RequestPublicationHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/publication-request')
  @HttpCode(200)
  @ApiOperation({ summary: 'Demander la publication d’un projet terminé, avec son contenu public (version 1)' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  async handle(
    @Param('id', UuidParam) id: string,
    @Body() body: RequestPublicationRequestDto,
    @CurrentActor() actor: Actor,
    @CommandHeaders() options: CommandOptions,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAccepted> {
    const result = await this.commandBus.execute(new RequestPublicationCommand(id, actor, options, { type: 'RequestPublication', content: toContentInput(body) }));
    res.setHeader('ETag', `"${result.version}"`);
    return result;
  }
}
