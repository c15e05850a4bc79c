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
import { InvolvePartnerCommand } from './involve-partner.command.js';
import { InvolvePartnerRequestDto } from './involve-partner.request.dto.js';

@ApiTags('Projets')
@Controller('projects')
export class InvolvePartnerHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/partners')
  @HttpCode(201)
  @ApiOperation({ summary: 'Associer une organisation partenaire au projet (Département) : ses membres le voient et le suivent' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  async handle(
    @Param('id', UuidParam) id: string,
    @Body() body: InvolvePartnerRequestDto,
    @CurrentActor() actor: Actor,
    @CommandHeaders() options: CommandOptions,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAccepted> {
    const result = await this.commandBus.execute(new InvolvePartnerCommand(id, actor, options, { type: 'InvolvePartner', organisationId: body.organisationId }));
    res.setHeader('ETag', `"${result.version}"`);
    return result;
  }
}
