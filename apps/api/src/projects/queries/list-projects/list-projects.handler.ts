import { departementOfCommune } from '@carnet/domain';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Page, ProjectSummary } from '@carnet/contracts';
import { foldForSearch, type Scalar } from '@carnet/read-store';
import { CommuneCatalog } from '../../../communes/commune-catalog.js';
import { ReadModels } from '../../../shared/read-models.js';
import type { ProjectPartnerDoc } from '../../projections/project-partner.projection.js';
import type { ProjectDoc } from '../../projections/project.projection.js';
import { projectScope } from '../../project-access.js';
import { toSummary } from '../../project.views.js';
import { ListProjectsQuery } from './list-projects.query.js';

@QueryHandler(ListProjectsQuery)
export class ListProjectsHandler implements IQueryHandler<ListProjectsQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly communes: CommuneCatalog,
  ) {}

  async execute({ filter, actor }: ListProjectsQuery): Promise<Page<ProjectSummary>> {
    const set = await this.readModels.current(filter.minPosition);
    const where: Record<string, Scalar | Scalar[]> = {};
    if (filter.commune) where.codeInsee = filter.commune;
    if (filter.step) where.step = filter.step;
    if (filter.theme) where.theme = filter.theme;
    const contains = filter.q?.trim() ? { field: 'searchText', text: filter.q.trim() } : undefined;
    const scope = projectScope(actor, filter.commune);
    const orderBy = [{ field: 'updatedAt', direction: 'desc' as const }];
    if (scope.kind === 'none') return { items: [], total: 0 };
    if (scope.kind === 'partner') {
      // A partner's projects are few: the involved ones, filtered here with the same rules.
      const links = await set.find<ProjectPartnerDoc>('project_partners', { where: { organisationId: scope.organisationId } });
      const docs = [...(await set.getMany<ProjectDoc>('projects', links.map((l) => l.projectId))).values()]
        .filter((d) => departementOfCommune(d.codeInsee) === scope.departement)
        .filter((d) => Object.entries(where).every(([k, v]) => (d as unknown as Record<string, unknown>)[k] === v))
        .filter((d) => !contains || foldForSearch(d.searchText).includes(foldForSearch(contains.text)))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      return { items: docs.slice(filter.offset, filter.offset + filter.limit).map((d) => toSummary(d, this.communes.nameOf(d.codeInsee))), total: docs.length };
    }
    // The scope narrows the person's own filters (a commune member: their commune). Staff read the
    // communes of their département (through the codeInsee index), not the whole log: a national
    // log holds 35,000 communes (issue #15, `npm run bench:national`).
    const scoped = scope.kind === 'where' ? { ...where, ...scope.where } : filter.commune ? where : { ...where, codeInsee: this.communes.codesOf(scope.departement) };
    const [docs, total] = await Promise.all([
      set.find<ProjectDoc>('projects', { where: scoped, contains, orderBy, limit: filter.limit, offset: filter.offset }),
      set.count('projects', { where: scoped, contains }),
    ]);
    return { items: docs.map((d) => toSummary(d, this.communes.nameOf(d.codeInsee))), total };
  }
}
