import { Query } from '@nestjs/cqrs';
import type { CommuneDashboard } from '@carnet/contracts';

export class GetCommuneDashboardQuery extends Query<CommuneDashboard> {
  constructor(
    readonly codeInsee: string,
    readonly minPosition?: number,
  ) {
    super();
  }
}
