import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { MessageView } from '@carnet/contracts';
import { PeopleDirectory } from '../../../shared/people-directory.js';
import { ReadModels } from '../../../shared/read-models.js';
import { canSeeConversation, projectNotFound } from '../../project-access.js';
import type { MessageDoc } from '../../projections/project-conversation.projection.js';
import type { ProjectDoc } from '../../projections/project.projection.js';
import { ListMessagesQuery } from './list-messages.query.js';

@QueryHandler(ListMessagesQuery)
export class ListMessagesHandler implements IQueryHandler<ListMessagesQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly people: PeopleDirectory,
  ) {}

  async execute({ projectId, actor, minPosition }: ListMessagesQuery): Promise<MessageView[]> {
    const set = await this.readModels.current(minPosition);
    const project = await set.get<ProjectDoc>('projects', projectId);
    if (!project || !canSeeConversation(actor, project)) throw projectNotFound(projectId);
    const docs = await set.find<MessageDoc>('project_messages', { where: { projectId }, orderBy: [{ field: 'at', direction: 'asc' }] });
    const view = await this.people.viewer(docs.map((d) => d.byId));
    return docs.map((d) => ({ id: d.id, text: d.text, at: d.at, by: view(d.byId, d.byRole), documentIds: d.documentIds }));
  }
}
