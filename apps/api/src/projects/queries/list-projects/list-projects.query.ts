import { Query } from '@nestjs/cqrs';
import type { Page, ProjectStep, ProjectSummary, ProjectTheme } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';

export interface ListProjectsFilter {
  commune?: string;
  step?: ProjectStep;
  theme?: ProjectTheme;
  q?: string;
  limit: number;
  offset: number;
  minPosition?: number;
}

export class ListProjectsQuery extends Query<Page<ProjectSummary>> {
  constructor(
    readonly filter: ListProjectsFilter,
    readonly actor: Actor | null,
  ) {
    super();
  }
}
