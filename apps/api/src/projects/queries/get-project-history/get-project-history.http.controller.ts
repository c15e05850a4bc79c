import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HistoryEntry } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { OptionalActor } from '../../../shared/current-actor.js';
import { MinPositionPipe, MinPositionQuery } from '../../../shared/min-position.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { GetProjectHistoryQuery } from './get-project-history.query.js';

@ApiTags('Projets')
@Controller('projects')
export class GetProjectHistoryHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/history')
  @ApiOperation({ summary: 'Historique d’un projet : qui a fait quoi, quand, dans l’ordre' })
  @MinPositionQuery()
  @ProblemResponses(400, 404, 503)
  history(
    @Param('id', UuidParam) id: string,
    @OptionalActor() actor: Actor | null,
    @QueryParam('minPosition', MinPositionPipe) minPosition?: number,
  ): Promise<HistoryEntry[]> {
    return this.queryBus.execute(new GetProjectHistoryQuery(id, actor, minPosition));
  }
}
