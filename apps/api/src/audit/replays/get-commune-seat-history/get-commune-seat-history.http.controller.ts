import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommuneSeatHistory } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CommuneParam } from '../../../communes/commune-param.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { requireAuditor } from '../../audit-access.js';
import { AuditLog } from '../../audit-log.js';

@ApiTags('Audit')
@Controller('audit/communes')
export class GetCommuneSeatHistoryHttpController {
  constructor(private readonly audit: AuditLog) {}

  @Get(':codeInsee/history')
  @ApiOperation({ summary: 'Les places d’une commune : qui a pris ou quitté quelle place, quand (lu dans le journal)' })
  @ProblemResponses(401, 403, 404)
  history(@Param('codeInsee', CommuneParam) codeInsee: string, @CurrentActor() actor: Actor): Promise<CommuneSeatHistory> {
    requireAuditor(actor);
    return this.audit.communeHistory(actor, codeInsee);
  }
}
