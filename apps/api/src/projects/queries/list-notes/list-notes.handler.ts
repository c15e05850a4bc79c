import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { NoteView } from '@carnet/contracts';
import { PeopleDirectory } from '../../../shared/people-directory.js';
import { ReadModels } from '../../../shared/read-models.js';
import { canSeeInternal, canSeeProject, notesForbidden, projectNotFound } from '../../project-access.js';
import type { NoteDoc } from '../../projections/internal-note.projection.js';
import type { ProjectDoc } from '../../projections/project.projection.js';
import { ListNotesQuery } from './list-notes.query.js';

/** Internal notes: Département staff, auditors and involved partners only (ADR 0010). */
@QueryHandler(ListNotesQuery)
export class ListNotesHandler implements IQueryHandler<ListNotesQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly people: PeopleDirectory,
  ) {}

  async execute({ projectId, actor, minPosition }: ListNotesQuery): Promise<NoteView[]> {
    const set = await this.readModels.current(minPosition);
    const project = await set.get<ProjectDoc>('projects', projectId);
    if (!project || !canSeeProject(actor, project)) throw projectNotFound(projectId);
    if (!canSeeInternal(actor, project)) throw notesForbidden();
    const docs = await set.find<NoteDoc>('project_notes', { where: { projectId }, orderBy: [{ field: 'at', direction: 'asc' }] });
    const view = await this.people.viewer(docs.map((d) => d.byId));
    return docs.map((d) => ({ id: d.id, text: d.text, at: d.at, by: view(d.byId, d.byRole), questionId: d.questionId }));
  }
}
