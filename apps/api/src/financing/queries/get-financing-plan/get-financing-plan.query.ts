import { Query } from '@nestjs/cqrs';
import type { FinancingPlanView } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';

export class GetFinancingPlanQuery extends Query<FinancingPlanView> {
  constructor(
    readonly projectId: string,
    readonly actor: Actor,
    readonly minPosition?: number,
  ) {
    super();
  }
}
