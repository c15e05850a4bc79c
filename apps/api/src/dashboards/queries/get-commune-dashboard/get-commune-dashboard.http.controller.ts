import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommuneDashboard } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CommuneParam } from '../../../communes/commune-param.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { MinPositionPipe, MinPositionQuery } from '../../../shared/min-position.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { assertCanSeeCommuneDashboard } from '../../dashboard-access.js';
import { GetCommuneDashboardQuery } from './get-commune-dashboard.query.js';

@ApiTags('Tableaux de bord')
@Controller('dashboards/commune')
export class GetCommuneDashboardHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':codeInsee')
  @ApiOperation({ summary: 'Tableau de bord d’une commune : ses projets par étape et ses questions en attente (membres de la commune, Département, auditeurs)' })
  @MinPositionQuery()
  @ProblemResponses(400, 401, 403, 404, 503)
  get(
    @Param('codeInsee', CommuneParam) codeInsee: string,
    @QueryParam('minPosition', MinPositionPipe) minPosition: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<CommuneDashboard> {
    assertCanSeeCommuneDashboard(actor, codeInsee);
    return this.queryBus.execute(new GetCommuneDashboardQuery(codeInsee, minPosition));
  }
}
