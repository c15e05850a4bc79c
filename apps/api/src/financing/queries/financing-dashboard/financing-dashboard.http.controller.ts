import { Controller, Get, Inject, Query as QueryParam } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FinancingDashboardView } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CommuneCatalog } from '../../../communes/commune-catalog.js';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { assertCanSeeDepartementDashboard } from '../../../dashboards/dashboard-access.js';
import { CLOCK, type Clock } from '../../../infrastructure/tokens.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { MinPositionPipe } from '../../../shared/min-position.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ReadModels } from '../../../shared/read-models.js';
import type { ProjectDoc } from '../../../projects/projections/project.projection.js';
import { fundingByFunderAndYear, planTotals, ratesInForce } from '../../plan-totals.js';
import type { ProjectFinancingDoc } from '../../projections/project-financing.projection.js';

@ApiTags('Tableaux de bord')
@Controller('dashboards/departement')
export class FinancingDashboardHttpController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly communes: CommuneCatalog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('financing')
  @ApiOperation({ summary: 'Financements demandés, accordés et versés par financeur et par année ; projets dont le plan ne respecte pas l’autofinancement minimal' })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ description: 'Montants en centimes' })
  @ProblemResponses(400, 401, 403, 503)
  async get(@CurrentActor() actor: Actor, @QueryParam('minPosition', MinPositionPipe) minPosition?: number): Promise<FinancingDashboardView> {
    assertCanSeeDepartementDashboard(actor);
    const set = await this.readModels.current(minPosition);
    // The Département's communes only: a log may hold others (issue #17).
    const docs = await set.find<ProjectFinancingDoc>('project_financing', { where: { codeInsee: this.communes.codesOf(actor.departement ?? '') } });
    const rates = await ratesInForce(set, actor.departement ?? this.config.departement, this.clock.now().toISOString().slice(0, 10));
    const breaking: FinancingDashboardView['breakingOwnShare'] = [];
    for (const doc of docs) {
      const totals = planTotals(doc, rates);
      if (!totals.breaksOwnShareRule) continue;
      const project = await set.get<ProjectDoc>('projects', doc.projectId);
      breaking.push({
        projectId: doc.projectId,
        title: project?.title ?? doc.projectId,
        communeName: this.communes.nameOf(doc.codeInsee),
        ownSharePercent: totals.ownSharePercent,
        minOwnSharePercent: Math.round(rates.ownShare[doc.ownShareRule] * 1000) / 10,
        missingCents: totals.missingOwnShareCents,
      });
    }
    return { byFunderAndYear: fundingByFunderAndYear(docs), breakingOwnShare: breaking.sort((a, b) => b.missingCents - a.missingCents) };
  }
}
