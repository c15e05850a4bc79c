import { Controller, Get, Param, Query as QueryParam } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FinancingAsOfView } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { PeopleDirectory } from '../../../shared/people-directory.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { peopleOfPlan, toLineView, toSimulationView } from '../../../financing/financing-views.js';
import { evolveFinancingPlan, type ProjectFinancingDoc } from '../../../financing/projections/project-financing.projection.js';
import { parseInstant, requireAuditor } from '../../audit-access.js';
import { AuditLog } from '../../audit-log.js';

@ApiTags('Audit')
@Controller('audit/projects')
export class GetFinancingAsOfHttpController {
  constructor(
    private readonly audit: AuditLog,
    private readonly people: PeopleDirectory,
  ) {}

  @Get(':id/financing')
  @ApiOperation({ summary: 'Le plan de financement et les estimations enregistrées tels qu’ils étaient à une date, rejoués depuis le journal' })
  @ApiQuery({ name: 'at', required: true, description: 'Date (fin de journée) ou date et heure ISO 8601' })
  @ApiOkResponse({ description: 'Plan de financement à cette date (montants en centimes)' })
  @ProblemResponses(400, 401, 403, 404)
  async asOf(@Param('id', UuidParam) id: string, @CurrentActor() actor: Actor, @QueryParam('at') at?: string): Promise<FinancingAsOfView> {
    requireAuditor(actor);
    const instant = parseInstant('at', at, true);
    const events = await this.audit.streamOf(actor, id);
    // The same pure function as the read model, folded over the events recorded up to that date.
    let doc: ProjectFinancingDoc | null = null;
    let applied = 0;
    for (const e of events) {
      if (Date.parse(e.metadata.recordedAt) > instant.getTime()) continue;
      doc = evolveFinancingPlan(doc, e);
      applied++;
    }
    const view = await this.people.viewer(doc ? peopleOfPlan(doc.lines, doc.simulations) : []);
    return {
      at: instant.toISOString(),
      eventsApplied: applied,
      costHtCents: doc?.costHtCents ?? null,
      costTtcCents: doc?.costTtcCents ?? null,
      ownShareRule: doc?.ownShareRule ?? 'standard',
      lines: (doc?.lines ?? []).map((l) => toLineView(l, view)),
      simulations: (doc?.simulations ?? []).map((s) => toSimulationView(s, view)),
    };
  }
}
