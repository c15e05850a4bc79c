import { Query } from '@nestjs/cqrs';
import type { ProjectDetail } from '@carnet/contracts';

export class GetProjectQuery extends Query<ProjectDetail> {
  constructor(
    readonly projectId: string,
    readonly minPosition?: number,
  ) {
    super();
  }
}
