import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { HistoryEntry } from '@carnet/contracts';
import { PeopleDirectory } from '../../../shared/people-directory.js';
import { ReadModels } from '../../../shared/read-models.js';
import type { HistoryDoc } from '../../projections/project-history.projection.js';
import type { ProjectDoc } from '../../projections/project.projection.js';
import { INTERNAL_EVENT_TYPES } from '@carnet/domain';
import { OrganisationDirectory } from '../../../communes/organisation-directory.js';
import { canSeeAllDocuments, canSeeInternal, canSeeProject, projectNotFound } from '../../project-access.js';
import { peopleInData, toHistoryEntry } from '../../project.views.js';
import { GetProjectHistoryQuery } from './get-project-history.query.js';

@QueryHandler(GetProjectHistoryQuery)
export class GetProjectHistoryHandler implements IQueryHandler<GetProjectHistoryQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly people: PeopleDirectory,
    private readonly organisations: OrganisationDirectory,
  ) {}

  async execute({ projectId, actor, minPosition }: GetProjectHistoryQuery): Promise<HistoryEntry[]> {
    const set = await this.readModels.current(minPosition);
    const project = await set.get<ProjectDoc>('projects', projectId);
    if (!project || !canSeeProject(actor, project)) throw projectNotFound(projectId);
    const all = await set.find<HistoryDoc>('project_history', { where: { projectId }, orderBy: [{ field: 'position', direction: 'asc' }] });
    // Internal notes are left out for whoever may not read them: commune members and the public (ADR 0010).
    const readable = canSeeInternal(actor, project) ? all : all.filter((d) => !INTERNAL_EVENT_TYPES.includes(d.type));
    // Whoever sees the project only because it is published does not learn of its non-public documents.
    const publicDocuments = new Set((project.documents ?? []).filter((d) => d.public).map((d) => d.id));
    const docs = canSeeAllDocuments(actor, project)
      ? readable
      : readable.filter((d) => !d.type.startsWith('Document') || publicDocuments.has(String(d.data.documentId)));
    const [view, organisations] = await Promise.all([
      this.people.viewer([...docs.map((d) => d.actorId), ...docs.flatMap((d) => peopleInData(d.data))]),
      this.organisations.all(),
    ]);
    const organisationNames = new Map(organisations.map((o) => [o.id, o.name]));
    const names = { person: (id: string) => view(id, 'departement_agent').name, organisation: (id: string) => organisationNames.get(id) ?? id };
    return docs.map((d) => toHistoryEntry(d, view, names));
  }
}
