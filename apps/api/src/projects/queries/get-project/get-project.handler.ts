import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ProjectDetail } from '@carnet/contracts';
import { CommuneCatalog } from '../../../communes/commune-catalog.js';
import { ProblemException } from '../../../shared/problem.js';
import { ReadModels } from '../../../shared/read-models.js';
import type { ProjectDoc } from '../../projections/project.projection.js';
import { toDetail } from '../../project.views.js';
import { GetProjectQuery } from './get-project.query.js';

export const projectNotFound = (id: string) =>
  new ProblemException(404, 'project_not_found', 'Projet introuvable', `Aucun projet ne porte l’identifiant ${id}.`);

@QueryHandler(GetProjectQuery)
export class GetProjectHandler implements IQueryHandler<GetProjectQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly communes: CommuneCatalog,
  ) {}

  async execute({ projectId, minPosition }: GetProjectQuery): Promise<ProjectDetail> {
    const set = await this.readModels.current(minPosition);
    const doc = await set.get<ProjectDoc>('projects', projectId);
    if (!doc) throw projectNotFound(projectId);
    return toDetail(doc, this.communes.nameOf(doc.codeInsee));
  }
}
