import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandAccepted } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import type { Response } from 'express';
import { CommandHeaders, type CommandOptions } from '../../../shared/command-options.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { CommandAcceptedDto, ProblemResponses } from '../../../shared/openapi.js';
import { CreateProjectCommand } from './create-project.command.js';
import { CreateProjectRequestDto } from './create-project.request.dto.js';

@ApiTags('Projets')
@Controller('projects')
export class CreateProjectHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Créer un projet' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Une même clé rejouée ne crée pas un second projet.' })
  @ApiCreatedResponse({ type: CommandAcceptedDto })
  @ProblemResponses(400, 401, 403, 409, 422)
  async create(
    @Body() body: CreateProjectRequestDto,
    @CurrentActor() actor: Actor,
    @CommandHeaders() options: CommandOptions,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAccepted> {
    const result = await this.commandBus.execute(
      new CreateProjectCommand(actor, options, {
        codeInsee: body.codeInsee,
        title: body.title,
        description: body.description ?? '',
        theme: body.theme,
        estimatedCostHt: body.estimatedCostHt ?? null,
      }),
    );
    res.setHeader('Location', `/api/projects/${result.id}`);
    res.setHeader('ETag', `"${result.version}"`);
    return result;
  }
}
