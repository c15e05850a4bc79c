import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { HistoryEntry } from '@carnet/contracts';
import { PeopleDirectory } from '../../../shared/people-directory.js';
import { ReadModels } from '../../../shared/read-models.js';
import type { HistoryDoc } from '../../projections/project-history.projection.js';
import type { ProjectDoc } from '../../projections/project.projection.js';
import { canSeeAllDocuments, canSeeProject, projectNotFound } from '../../project-access.js';
import { toHistoryEntry } from '../../project.views.js';
import { GetProjectHistoryQuery } from './get-project-history.query.js';

@QueryHandler(GetProjectHistoryQuery)
export class GetProjectHistoryHandler implements IQueryHandler<GetProjectHistoryQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly people: PeopleDirectory,
  ) {}

  async execute({ projectId, actor, minPosition }: GetProjectHistoryQuery): Promise<HistoryEntry[]> {
    const set = await this.readModels.current(minPosition);
    const project = await set.get<ProjectDoc>('projects', projectId);
    if (!project || !canSeeProject(actor, project)) throw projectNotFound(projectId);
    const docs = await set.find<HistoryDoc>('project_history', { where: { projectId }, orderBy: [{ field: 'position', direction: 'asc' }] });
    // Whoever sees the project only because it is published does not learn of its non-public documents.
    const publicDocuments = new Set((project.documents ?? []).filter((d) => d.public).map((d) => d.id));
    const shown = canSeeAllDocuments(actor, project)
      ? docs
      : docs.filter((d) => !d.type.startsWith('Document') || publicDocuments.has(String(d.data.documentId)));
    const view = await this.people.viewer(shown.map((d) => d.actorId));
    return shown.map((d) => toHistoryEntry(d, view));
  }
}
