import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { AuditHistory } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { parseInstant, requireAuditor } from '../../audit-access.js';
import { AuditLog } from '../../audit-log.js';

@ApiTags('Audit')
@Controller('audit/projects')
export class GetAuditHistoryHttpController {
  constructor(private readonly audit: AuditLog) {}

  @Get(':id/history')
  @ApiOperation({ summary: 'Historique complet d’un projet, rejoué depuis le journal : qui, quand, quoi (avant → après), pourquoi, empreintes' })
  @ApiQuery({ name: 'type', required: false, description: 'Type d’événement (plusieurs séparés par des virgules)' })
  @ApiQuery({ name: 'actor', required: false, description: 'Identifiant de la personne' })
  @ApiQuery({ name: 'from', required: false, description: 'Depuis (date ou date et heure ISO 8601)' })
  @ApiQuery({ name: 'to', required: false, description: 'Jusqu’à (date ou date et heure ISO 8601)' })
  @ProblemResponses(400, 401, 403, 404)
  history(
    @Param('id', UuidParam) id: string,
    @CurrentActor() actor: Actor,
    @QueryParam('type') type?: string,
    @QueryParam('actor') actorId?: string,
    @QueryParam('from') from?: string,
    @QueryParam('to') to?: string,
  ): Promise<AuditHistory> {
    requireAuditor(actor);
    const types = typeof type === 'string' && type ? type.split(',').map((t) => t.trim()).filter(Boolean) : undefined;
    return this.audit.history(actor, id, {
      types,
      actorId: typeof actorId === 'string' && actorId ? actorId : undefined,
      from: parseInstant('from', from),
      to: parseInstant('to', to),
    });
  }
}
