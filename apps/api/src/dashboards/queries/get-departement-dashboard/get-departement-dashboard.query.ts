import { Query } from '@nestjs/cqrs';
import type { DepartementDashboard } from '@carnet/contracts';

export class GetDepartementDashboardQuery extends Query<DepartementDashboard> {
  constructor(readonly minPosition?: number) {
    super();
  }
}
