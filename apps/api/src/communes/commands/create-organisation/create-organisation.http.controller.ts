import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandAccepted } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import type { Response } from 'express';
import { randomBytes } from 'node:crypto';
import { CommandHeaders, type CommandOptions } from '../../../shared/command-options.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { deterministicUuid } from '../../../shared/deterministic-id.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { CommuneSeatCommands } from '../../commune-seat.commands.js';
import { CreateOrganisationRequestDto } from './create-organisation.request.dto.js';

/** A readable, URL-safe id: « org-caue-du-val-d-oise-3f9a ». */
function organisationId(name: string, suffix: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `org-${slug || 'partenaire'}-${suffix}`;
}

@ApiTags('Administration')
@Controller('admin/organisations')
export class CreateOrganisationHttpController {
  constructor(private readonly commands: CommuneSeatCommands) {}

  @Post()
  @ApiOperation({ summary: 'Créer une organisation partenaire (administrateurs du Département)' })
  @ProblemResponses(400, 401, 403, 409)
  async create(
    @Body() body: CreateOrganisationRequestDto,
    @CurrentActor() actor: Actor,
    @CommandHeaders() options: CommandOptions,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAccepted> {
    // With an Idempotency-Key, a retry lands on the same organisation.
    const suffix = options.idempotencyKey ? deterministicUuid(`org:${actor.id}:${options.idempotencyKey}`).slice(0, 6) : randomBytes(3).toString('hex');
    const result = await this.commands.createOrganisation(organisationId(body.name, suffix), body.name, body.kind, actor, options);
    res.status(201);
    return result;
  }
}
