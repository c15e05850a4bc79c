import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandAccepted } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CommandHeaders, type CommandOptions } from '../../../shared/command-options.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { CommandAcceptedDto, ProblemResponses } from '../../../shared/openapi.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { FaqCommands } from '../faq-commands.js';
import { OpenSuggestionRequestDto, VoteRequestDto } from '../write-faq-entry/faq-entry.request.dto.js';

/** What people do with the FAQ: votes, openings, and the asking sessions that count questions avoided (ADR 0018). */
@ApiTags('Foire aux questions')
@Controller('faq')
export class UseFaqHttpController {
  constructor(private readonly commands: FaqCommands) {}

  @Put('entries/:id/vote')
  @HttpCode(200)
  @ApiOperation({ summary: '« Cette réponse m’a été utile » : un vote par personne, qu’elle peut changer' })
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404)
  vote(@Param('id', UuidParam) id: string, @Body() body: VoteRequestDto, @CurrentActor() actor: Actor, @CommandHeaders() options: CommandOptions): Promise<CommandAccepted> {
    return this.commands.vote(id, body.useful, actor, options);
  }

  @Post('entries/:id/openings')
  @HttpCode(201)
  @ApiOperation({ summary: 'Noter qu’une personne a ouvert la réponse d’une entrée depuis la page FAQ' })
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404)
  open(@Param('id', UuidParam) id: string, @CurrentActor() actor: Actor, @CommandHeaders() options: CommandOptions): Promise<CommandAccepted> {
    return this.commands.open(id, actor, options);
  }

  @Post('asking/:askingId/openings')
  @HttpCode(201)
  @ApiOperation({ summary: 'Une suggestion ouverte pendant l’écriture d’une question sur un projet (session identifiée par askingId, choisi par l’application)' })
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  openSuggestion(
    @Param('askingId', UuidParam) askingId: string,
    @Body() body: OpenSuggestionRequestDto,
    @CurrentActor() actor: Actor,
    @CommandHeaders() options: CommandOptions,
  ): Promise<CommandAccepted> {
    return this.commands.openSuggestion(askingId, body.projectId.toLowerCase(), body.entryId.toLowerCase(), actor, options);
  }

  @Post('asking/:askingId/abandon')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Le formulaire de question a été fermé ou quitté sans envoi : « question évitée » si une suggestion avait été ouverte et qu’aucune question n’a été envoyée depuis',
  })
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404)
  abandon(@Param('askingId', UuidParam) askingId: string, @CurrentActor() actor: Actor, @CommandHeaders() options: CommandOptions): Promise<CommandAccepted> {
    return this.commands.abandon(askingId, actor, options);
  }
}
