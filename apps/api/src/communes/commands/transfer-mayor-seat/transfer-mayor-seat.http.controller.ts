import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandAccepted } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CommandHeaders, type CommandOptions } from '../../../shared/command-options.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { CommuneParam } from '../../commune-param.js';
import { CommuneSeatCommands } from '../../commune-seat.commands.js';
import { TransferMayorSeatRequestDto } from './transfer-mayor-seat.request.dto.js';

@ApiTags('Communes')
@Controller('communes')
export class TransferMayorSeatHttpController {
  constructor(private readonly commands: CommuneSeatCommands) {}

  @Post(':codeInsee/mayor-transfer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Transmettre le rôle de maire à un collaborateur (le maire sortant perd l’accès)' })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  transfer(
    @Param('codeInsee', CommuneParam) codeInsee: string,
    @Body() body: TransferMayorSeatRequestDto,
    @CurrentActor() actor: Actor,
    @CommandHeaders() options: CommandOptions,
  ): Promise<CommandAccepted> {
    return this.commands.transferMayor(codeInsee, body.toUserId, actor, options);
  }
}
