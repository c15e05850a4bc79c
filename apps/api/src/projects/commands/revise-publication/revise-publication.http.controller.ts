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
import { RevisePublicationCommand } from './revise-publication.command.js';
import { toContentInput } from '../request-publication/public-content.dto.js';
import { RevisePublicationRequestDto } from './revise-publication.request.dto.js';

@ApiTags('Projets')
@Controller('projects')
export class RevisePublicationHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/publication-revision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Modifier la version à publier (commune, ou Département pour corriger ou masquer) : une nouvelle version à approuver' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  async handle(
    @Param('id', UuidParam) id: string,
    @Body() body: RevisePublicationRequestDto,
    @CurrentActor() actor: Actor,
    @CommandHeaders() options: CommandOptions,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAccepted> {
    const result = await this.commandBus.execute(new RevisePublicationCommand(id, actor, options, { type: 'RevisePublication', content: toContentInput(body), reason: body.reason }));
    res.setHeader('ETag', `"${result.version}"`);
    return result;
  }
}
