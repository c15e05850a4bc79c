import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { ProjectComparison } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ProblemException } from '../../../shared/problem.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { parseInstant, requireAuditor } from '../../audit-access.js';
import { AuditLog } from '../../audit-log.js';

@ApiTags('Audit')
@Controller('audit/projects')
export class CompareProjectHttpController {
  constructor(private readonly audit: AuditLog) {}

  @Get(':id/compare')
  @ApiOperation({ summary: 'Comparer un projet à deux dates : les deux états et les différences, champ par champ' })
  @ApiQuery({ name: 'from', required: true })
  @ApiQuery({ name: 'to', required: true })
  @ProblemResponses(400, 401, 403, 404)
  compare(@Param('id', UuidParam) id: string, @CurrentActor() actor: Actor, @QueryParam('from') from?: string, @QueryParam('to') to?: string): Promise<ProjectComparison> {
    requireAuditor(actor);
    const start = parseInstant('from', from, true);
    const end = parseInstant('to', to, true);
    if (start.getTime() > end.getTime()) {
      const message = 'La première date doit précéder la seconde.';
      throw new ProblemException(400, 'validation', 'Certains champs sont invalides', message, [{ field: 'from', message }]);
    }
    return this.audit.compare(actor, id, start, end);
  }
}
