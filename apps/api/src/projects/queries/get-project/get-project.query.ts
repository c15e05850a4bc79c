import { Query } from '@nestjs/cqrs';
import type { ProjectDetail } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';

export class GetProjectQuery extends Query<ProjectDetail> {
  constructor(
    readonly projectId: string,
    readonly actor: Actor | null,
    readonly minPosition?: number,
  ) {
    super();
  }
}
