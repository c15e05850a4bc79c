import { Inject } from '@nestjs/common';
import { departementOfCommune } from '@carnet/domain';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ProjectFinancingTotals } from '@carnet/contracts';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { CLOCK, type Clock } from '../../../infrastructure/tokens.js';
import { ReadModels } from '../../../shared/read-models.js';
import { planTotals, ratesInForce } from '../../plan-totals.js';
import type { ProjectFinancingDoc } from '../../projections/project-financing.projection.js';
import { FinancingTotalsQuery } from './financing-totals.query.js';

@QueryHandler(FinancingTotalsQuery)
export class FinancingTotalsHandler implements IQueryHandler<FinancingTotalsQuery> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ projectIds }: FinancingTotalsQuery): Promise<Map<string, ProjectFinancingTotals>> {
    const set = await this.readModels.current();
    const today = this.clock.now().toISOString().slice(0, 10);
    // Each project under its own Département's rules (issue #17): read once per Département.
    const rates = new Map<string, Awaited<ReturnType<typeof ratesInForce>>>();
    const out = new Map<string, ProjectFinancingTotals>();
    for (const id of projectIds) {
      const doc = await set.get<ProjectFinancingDoc>('project_financing', id);
      if (!doc) continue;
      const departement = departementOfCommune(doc.codeInsee);
      if (!rates.has(departement)) rates.set(departement, await ratesInForce(set, departement, today));
      out.set(id, planTotals(doc, rates.get(departement)!));
    }
    return out;
  }
}
