import { Controller, Get, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DepartementDashboard } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CurrentActor } from '../../../shared/current-actor.js';
import { MinPositionPipe, MinPositionQuery } from '../../../shared/min-position.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { assertCanSeeDepartementDashboard } from '../../dashboard-access.js';
import { GetDepartementDashboardQuery } from './get-departement-dashboard.query.js';

@ApiTags('Tableaux de bord')
@Controller('dashboards/departement')
export class GetDepartementDashboardHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      'Tableau de bord du Département : projets par étape, thème et commune ; questions en attente par ancienneté ; délai médian de première réponse ; évolution sur 12 mois (agents, administrateurs, auditeurs)',
  })
  @MinPositionQuery()
  @ProblemResponses(400, 401, 403, 503)
  get(@QueryParam('minPosition', MinPositionPipe) minPosition: number | undefined, @CurrentActor() actor: Actor): Promise<DepartementDashboard> {
    assertCanSeeDepartementDashboard(actor);
    return this.queryBus.execute(new GetDepartementDashboardQuery(actor.departement ?? '', minPosition));
  }
}
