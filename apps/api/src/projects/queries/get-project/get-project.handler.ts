import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ProjectDetail } from '@carnet/contracts';
import { CommuneCatalog } from '../../../communes/commune-catalog.js';
import { ReadModels } from '../../../shared/read-models.js';
import type { ProjectDoc } from '../../projections/project.projection.js';
import { canSeeAllDocuments, canSeeProject, projectNotFound } from '../../project-access.js';
import { PeopleDirectory } from '../../../shared/people-directory.js';
import { peopleOf, toDetail } from '../../project.views.js';
import { QuestionViewContextLoader } from '../../question-view-context.js';
import { GetProjectQuery } from './get-project.query.js';

@QueryHandler(GetProjectQuery)
export class GetProjectHandler implements IQueryHandler<GetProjectQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly communes: CommuneCatalog,
    private readonly people: PeopleDirectory,
    private readonly questionContext: QuestionViewContextLoader,
  ) {}

  async execute({ projectId, actor, minPosition }: GetProjectQuery): Promise<ProjectDetail> {
    const set = await this.readModels.current(minPosition);
    const doc = await set.get<ProjectDoc>('projects', projectId);
    if (!doc || !canSeeProject(actor, doc)) throw projectNotFound(projectId);
    const [viewer, context] = await Promise.all([this.people.viewer(peopleOf(doc)), this.questionContext.load(doc)]);
    return toDetail(doc, this.communes.nameOf(doc.codeInsee), viewer, context, canSeeAllDocuments(actor, doc));
  }
}
