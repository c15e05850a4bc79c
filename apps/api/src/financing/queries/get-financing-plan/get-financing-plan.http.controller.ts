import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FinancingPlanView } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CurrentActor } from '../../../shared/current-actor.js';
import { MinPositionPipe } from '../../../shared/min-position.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { GetFinancingPlanQuery } from './get-financing-plan.query.js';

@ApiTags('Financement')
@Controller('projects/:id/financing')
export class GetFinancingPlanHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Le plan de financement du projet, ses contrôles (autofinancement minimal, plafond de 100 %, reste à financer, FCTVA) et les estimations enregistrées' })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ description: 'Plan de financement (montants en centimes)' })
  @ProblemResponses(400, 401, 404, 503)
  get(@Param('id', UuidParam) id: string, @CurrentActor() actor: Actor, @QueryParam('minPosition', MinPositionPipe) minPosition?: number): Promise<FinancingPlanView> {
    return this.queryBus.execute(new GetFinancingPlanQuery(id, actor, minPosition));
  }
}
