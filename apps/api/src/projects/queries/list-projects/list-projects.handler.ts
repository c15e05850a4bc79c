import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Page, ProjectSummary } from '@carnet/contracts';
import type { Scalar } from '@carnet/read-store';
import { CommuneCatalog } from '../../../communes/commune-catalog.js';
import { ReadModels } from '../../../shared/read-models.js';
import type { ProjectDoc } from '../../projections/project.projection.js';
import { toSummary } from '../../project.views.js';
import { ListProjectsQuery } from './list-projects.query.js';

@QueryHandler(ListProjectsQuery)
export class ListProjectsHandler implements IQueryHandler<ListProjectsQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly communes: CommuneCatalog,
  ) {}

  async execute({ filter }: ListProjectsQuery): Promise<Page<ProjectSummary>> {
    const set = await this.readModels.current(filter.minPosition);
    const where: Record<string, Scalar> = {};
    if (filter.commune) where.codeInsee = filter.commune;
    if (filter.step) where.step = filter.step;
    if (filter.theme) where.theme = filter.theme;
    const contains = filter.q?.trim() ? { field: 'searchText', text: filter.q.trim() } : undefined;
    const [docs, total] = await Promise.all([
      set.find<ProjectDoc>('projects', { where, contains, orderBy: [{ field: 'updatedAt', direction: 'desc' }], limit: filter.limit, offset: filter.offset }),
      set.count('projects', { where, contains }),
    ]);
    return { items: docs.map((d) => toSummary(d, this.communes.nameOf(d.codeInsee))), total };
  }
}
