import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandAccepted } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CommandHeaders, type CommandOptions } from '../../../shared/command-options.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { CommuneParam } from '../../commune-param.js';
import { CommuneSeatCommands } from '../../commune-seat.commands.js';
import { ReleaseSeatRequestDto } from './release-seat.request.dto.js';

@ApiTags('Communes')
@Controller('communes')
export class ReleaseSeatHttpController {
  constructor(private readonly commands: CommuneSeatCommands) {}

  @Post(':codeInsee/seats/:userId/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Libérer une place : la personne perd aussitôt l’accès à l’espace de la commune' })
  @ProblemResponses(400, 401, 403, 404, 409)
  release(
    @Param('codeInsee', CommuneParam) codeInsee: string,
    @Param('userId') userId: string,
    @Body() body: ReleaseSeatRequestDto,
    @CurrentActor() actor: Actor,
    @CommandHeaders() options: CommandOptions,
  ): Promise<CommandAccepted> {
    return this.commands.release(codeInsee, userId, body.reason ?? null, actor, options);
  }
}
