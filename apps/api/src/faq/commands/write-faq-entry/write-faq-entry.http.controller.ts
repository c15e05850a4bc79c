import { Body, Controller, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { CommandAccepted, FaqDraftAccepted } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import type { Response } from 'express';
import { CommandHeaders, type CommandOptions } from '../../../shared/command-options.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { CommandAcceptedDto, CommandHeadersDoc, ProblemResponses } from '../../../shared/openapi.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { FaqCommands } from '../faq-commands.js';
import { DraftFromQuestionRequestDto, FaqEntryRequestDto, ProposeFaqEntryRequestDto } from './faq-entry.request.dto.js';

class RemovedDto {
  @ApiProperty() names!: number;
  @ApiProperty() emails!: number;
  @ApiProperty() phones!: number;
  @ApiProperty() communes!: number;
}
class FaqDraftAcceptedDto extends CommandAcceptedDto implements FaqDraftAccepted {
  @ApiProperty({ type: RemovedDto, description: 'Ce que l’anonymisation a retiré' }) removed!: RemovedDto;
}

const etag = (res: Response, result: CommandAccepted) => res.setHeader('ETag', `"${result.version}"`);

@ApiTags('Foire aux questions')
@Controller('faq')
export class WriteFaqEntryHttpController {
  constructor(private readonly commands: FaqCommands) {}

  @Post('entries')
  @HttpCode(201)
  @ApiOperation({ summary: 'Rédiger une entrée (Département) : elle commence en brouillon' })
  @CommandHeadersDoc()
  @ApiCreatedResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 409, 422)
  async draft(@Body() body: FaqEntryRequestDto, @CurrentActor() actor: Actor, @CommandHeaders() options: CommandOptions, @Res({ passthrough: true }) res: Response): Promise<CommandAccepted> {
    const result = await this.commands.draft(body, actor, options);
    etag(res, result);
    return result;
  }

  @Post('entries/from-question')
  @HttpCode(201)
  @ApiOperation({
    summary: '« Proposer pour la FAQ » : un brouillon tiré d’une question répondue, sans noms, adresses e-mail, téléphones ni nom de commune',
  })
  @ApiBody({ type: DraftFromQuestionRequestDto })
  @CommandHeadersDoc()
  @ApiCreatedResponse({ type: FaqDraftAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  async fromQuestion(@Body() body: DraftFromQuestionRequestDto, @CurrentActor() actor: Actor, @CommandHeaders() options: CommandOptions, @Res({ passthrough: true }) res: Response): Promise<FaqDraftAccepted> {
    const result = await this.commands.draftFromQuestion(body.projectId.toLowerCase(), body.questionId.toLowerCase(), actor, options);
    etag(res, result);
    return result;
  }

  @Post('proposals')
  @HttpCode(201)
  @ApiOperation({ summary: 'Proposer une entrée (commune) : un agent la publie ou la refuse avec un motif' })
  @CommandHeadersDoc()
  @ApiCreatedResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 409, 422)
  async propose(@Body() body: ProposeFaqEntryRequestDto, @CurrentActor() actor: Actor, @CommandHeaders() options: CommandOptions, @Res({ passthrough: true }) res: Response): Promise<CommandAccepted> {
    const result = await this.commands.propose(body, actor, options);
    etag(res, result);
    return result;
  }

  @Put('entries/:id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Modifier une entrée (Département) ; If-Match : 409 si quelqu’un l’a modifiée entre-temps' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  async revise(@Param('id', UuidParam) id: string, @Body() body: FaqEntryRequestDto, @CurrentActor() actor: Actor, @CommandHeaders() options: CommandOptions, @Res({ passthrough: true }) res: Response): Promise<CommandAccepted> {
    const result = await this.commands.revise(id, body, actor, options);
    etag(res, result);
    return result;
  }
}
