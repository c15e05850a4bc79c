import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandAccepted } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import type { Response } from 'express';
import { CommandHeaders, type CommandOptions } from '../../../shared/command-options.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { CommandAcceptedDto, CommandHeadersDoc, ProblemResponses } from '../../../shared/openapi.js';
import { PublishRuleSetCommand } from './publish-rule-set.command.js';
import { PublishRuleSetRequestDto } from './publish-rule-set.request.dto.js';

@ApiTags('Financement')
@Controller('financing/rule-sets')
export class PublishRuleSetHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Publier une nouvelle version des règles de financement (administrateurs du Département)' })
  @CommandHeadersDoc()
  @ApiOkResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 409, 422)
  async publish(@Body() body: PublishRuleSetRequestDto, @CurrentActor() actor: Actor, @CommandHeaders() options: CommandOptions, @Res({ passthrough: true }) res: Response): Promise<CommandAccepted> {
    const result = await this.commandBus.execute(
      new PublishRuleSetCommand(actor, options, {
        title: body.title,
        effectiveFrom: body.effectiveFrom,
        sources: body.sources,
        note: body.note,
        schemes: body.schemes.map((s) => ({ id: s.id, label: s.label, funder: s.funder, level: s.level, rules: s.rules })),
        rules: body.rules as never,
      }),
    );
    res.setHeader('ETag', `"${result.version}"`);
    return result;
  }
}
