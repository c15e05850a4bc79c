import { Query } from '@nestjs/cqrs';
import type { DepartementDashboard } from '@carnet/contracts';

export class GetDepartementDashboardQuery extends Query<DepartementDashboard> {
  /** `departement`: the Département whose communes the dashboard counts (the staff member's, ADR 0026). */
  constructor(
    readonly departement: string,
    readonly minPosition?: number,
  ) {
    super();
  }
}
