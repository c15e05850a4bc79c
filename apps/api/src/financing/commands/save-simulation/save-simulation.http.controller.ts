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
import { SimulationInputsDto } from '../../simulation-inputs.dto.js';
import { SaveSimulationCommand } from './save-simulation.command.js';

@ApiTags('Financement')
@Controller('projects/:id/financing')
export class SaveSimulationHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('simulations')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enregistrer une estimation des aides sur le projet (entrées, version des règles, résultats)' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  async save(@Param('id', UuidParam) id: string, @Body() body: SimulationInputsDto, @CurrentActor() actor: Actor, @CommandHeaders() options: CommandOptions, @Res({ passthrough: true }) res: Response): Promise<CommandAccepted> {
    const result = await this.commandBus.execute(new SaveSimulationCommand(id, actor, options, body));
    res.setHeader('ETag', `"${result.version}"`);
    return result;
  }
}
