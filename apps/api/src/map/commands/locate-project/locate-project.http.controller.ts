import { Body, Controller, HttpCode, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandAccepted } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import type { Response } from 'express';
import { CommandHeaders, type CommandOptions } from '../../../shared/command-options.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { CommandAcceptedDto, CommandHeadersDoc, ProblemResponses } from '../../../shared/openapi.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { LocateProjectCommand } from './locate-project.command.js';
import { LocateProjectRequestDto } from './locate-project.request.dto.js';

@ApiTags('Carte')
@Controller('projects')
export class LocateProjectHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put(':id/location')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Placer le projet sur la carte',
    description:
      'Un point précis (WGS 84) à l’intérieur du contour de la commune, à 100 m près, ou null pour la commune entière. Un point hors de la commune est refusé (422). Le public ne voit le point qu’une fois approuvé par le maire avec une version de la publication.',
  })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  async handle(
    @Param('id', UuidParam) id: string,
    @Body() body: LocateProjectRequestDto,
    @CurrentActor() actor: Actor,
    @CommandHeaders() options: CommandOptions,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAccepted> {
    const location = body.location === null ? null : { longitude: body.location.longitude, latitude: body.location.latitude };
    const result = await this.commandBus.execute(new LocateProjectCommand(id, actor, options, { type: 'LocateProject', location }));
    res.setHeader('ETag', `"${result.version}"`);
    return result;
  }
}
