import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { ProjectAsOf } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { parseInstant, requireAuditor } from '../../audit-access.js';
import { AuditLog } from '../../audit-log.js';

@ApiTags('Audit')
@Controller('audit/projects')
export class GetProjectAsOfHttpController {
  constructor(private readonly audit: AuditLog) {}

  @Get(':id/as-of')
  @ApiOperation({ summary: 'Le projet tel qu’il était à une date : reconstruit à partir des événements enregistrés jusqu’à cette date' })
  @ApiQuery({ name: 'at', required: true, description: 'Date et heure ISO 8601' })
  @ProblemResponses(400, 401, 403, 404)
  asOf(@Param('id', UuidParam) id: string, @CurrentActor() actor: Actor, @QueryParam('at') at?: string): Promise<ProjectAsOf> {
    requireAuditor(actor);
    return this.audit.asOf(actor, id, parseInstant('at', at, true));
  }
}
