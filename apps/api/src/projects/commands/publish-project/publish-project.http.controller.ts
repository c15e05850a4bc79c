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
import { PublishProjectCommand } from './publish-project.command.js';
import { PublishProjectRequestDto } from './publish-project.request.dto.js';
@ApiTags('Projets')
@Controller('projects')
export class PublishProjectHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/publication')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approuver la publication d’une version exacte, par son numéro et son empreinte (maire)' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  async handle(
    @Param('id', UuidParam) id: string,
    @Body() body: PublishProjectRequestDto,
    @CurrentActor() actor: Actor,
    @CommandHeaders() options: CommandOptions,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAccepted> {
    const result = await this.commandBus.execute(new PublishProjectCommand(id, actor, options, { type: 'PublishProject', version: body.version, fingerprint: body.fingerprint }));
    res.setHeader('ETag', `"${result.version}"`);
    return result;
  }
}
