import { Query } from '@nestjs/cqrs';
import type { ProjectFinancingTotals } from '@carnet/contracts';

/** The financing totals of projects the caller already may see (the projects export asks after its own query). */
export class FinancingTotalsQuery extends Query<Map<string, ProjectFinancingTotals>> {
  constructor(readonly projectIds: string[]) {
    super();
  }
}
