import { Body, Controller, HttpCode, Param, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandAccepted } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import type { Response } from 'express';
import { CommandHeaders, type CommandOptions } from '../../../shared/command-options.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { CommandAcceptedDto, CommandHeadersDoc, ProblemResponses } from '../../../shared/openapi.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { ChangeProjectDetailsCommand } from './change-project-details.command.js';
import { ChangeProjectDetailsRequestDto } from './change-project-details.request.dto.js';

@ApiTags('Projets')
@Controller('projects')
export class ChangeProjectDetailsHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Patch(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Modifier les informations d’un projet' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  async handle(
    @Param('id', UuidParam) id: string,
    @Body() body: ChangeProjectDetailsRequestDto,
    @CurrentActor() actor: Actor,
    @CommandHeaders() options: CommandOptions,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAccepted> {
    const result = await this.commandBus.execute(new ChangeProjectDetailsCommand(id, actor, options, { type: 'ChangeProjectDetails', ...body }));
    res.setHeader('ETag', `"${result.version}"`);
    return result;
  }
}
