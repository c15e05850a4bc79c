import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { HistoryEntry } from '@carnet/contracts';
import { ReadModels } from '../../../shared/read-models.js';
import type { HistoryDoc } from '../../projections/project-history.projection.js';
import type { ProjectDoc } from '../../projections/project.projection.js';
import { toHistoryEntry } from '../../project.views.js';
import { projectNotFound } from '../get-project/get-project.handler.js';
import { GetProjectHistoryQuery } from './get-project-history.query.js';

@QueryHandler(GetProjectHistoryQuery)
export class GetProjectHistoryHandler implements IQueryHandler<GetProjectHistoryQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ projectId, minPosition }: GetProjectHistoryQuery): Promise<HistoryEntry[]> {
    const set = await this.readModels.current(minPosition);
    if (!(await set.get<ProjectDoc>('projects', projectId))) throw projectNotFound(projectId);
    const docs = await set.find<HistoryDoc>('project_history', { where: { projectId }, orderBy: [{ field: 'position', direction: 'asc' }] });
    return docs.map(toHistoryEntry);
  }
}
