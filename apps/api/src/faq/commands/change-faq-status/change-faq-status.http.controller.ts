import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandAccepted } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import type { Response } from 'express';
import { CommandHeaders, type CommandOptions } from '../../../shared/command-options.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { CommandAcceptedDto, CommandHeadersDoc, ProblemResponses } from '../../../shared/openapi.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { FaqCommands } from '../faq-commands.js';
import { OptionalReasonRequestDto, ReasonRequestDto } from '../write-faq-entry/faq-entry.request.dto.js';

/** Publishing, taking back, archiving, declining and checking an entry (Département; If-Match honoured). */
@ApiTags('Foire aux questions')
@Controller('faq/entries/:id')
export class ChangeFaqStatusHttpController {
  constructor(private readonly commands: FaqCommands) {}

  private async done(res: Response, promise: Promise<CommandAccepted>): Promise<CommandAccepted> {
    const result = await promise;
    res.setHeader('ETag', `"${result.version}"`);
    return result;
  }

  @Post('publication')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publier une entrée (brouillon, proposition d’une commune ou entrée retirée)' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409)
  publish(@Param('id', UuidParam) id: string, @CurrentActor() actor: Actor, @CommandHeaders() options: CommandOptions, @Res({ passthrough: true }) res: Response) {
    return this.done(res, this.commands.changeStatus(id, { type: 'PublishFaqEntry' }, actor, options));
  }

  @Post('unpublication')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retirer une entrée de la publication, avec un motif' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  unpublish(@Param('id', UuidParam) id: string, @Body() body: ReasonRequestDto, @CurrentActor() actor: Actor, @CommandHeaders() options: CommandOptions, @Res({ passthrough: true }) res: Response) {
    return this.done(res, this.commands.changeStatus(id, { type: 'UnpublishFaqEntry', reason: body.reason }, actor, options));
  }

  @Post('archive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Archiver une entrée : elle n’est plus montrée ni modifiée' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  archive(@Param('id', UuidParam) id: string, @Body() body: OptionalReasonRequestDto, @CurrentActor() actor: Actor, @CommandHeaders() options: CommandOptions, @Res({ passthrough: true }) res: Response) {
    return this.done(res, this.commands.changeStatus(id, { type: 'ArchiveFaqEntry', reason: body.reason ?? null }, actor, options));
  }

  @Post('decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuser la proposition d’une commune, avec un motif qu’elle lira' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409, 422)
  decline(@Param('id', UuidParam) id: string, @Body() body: ReasonRequestDto, @CurrentActor() actor: Actor, @CommandHeaders() options: CommandOptions, @Res({ passthrough: true }) res: Response) {
    return this.done(res, this.commands.changeStatus(id, { type: 'DeclineFaqEntry', reason: body.reason }, actor, options));
  }

  @Post('verification')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marquer une entrée publiée comme vérifiée (toujours juste) : « vérifiée le … »' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 404, 409)
  verify(@Param('id', UuidParam) id: string, @CurrentActor() actor: Actor, @CommandHeaders() options: CommandOptions, @Res({ passthrough: true }) res: Response) {
    return this.done(res, this.commands.changeStatus(id, { type: 'VerifyFaqEntry' }, actor, options));
  }
}
