import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { HistoryEntry } from '@carnet/contracts';
import { INTERNAL_EVENT_TYPES, projectStreamId, upcastProjectEvent } from '@carnet/domain';
import type { EventStore } from '@carnet/event-store';
import { OrganisationDirectory } from '../../../communes/organisation-directory.js';
import { EVENT_STORE } from '../../../infrastructure/tokens.js';
import { PeopleDirectory } from '../../../shared/people-directory.js';
import { ReadModels } from '../../../shared/read-models.js';
import { canSeeAllDocuments, canSeeInternal, canSeeProject, projectNotFound } from '../../project-access.js';
import { documentTitles, peopleInData, toHistoryEntry } from '../../project.views.js';
import type { ProjectDoc } from '../../projections/project.projection.js';
import { GetProjectHistoryQuery } from './get-project-history.query.js';

/**
 * A project's history is its stream (ADR 0016): the one query, with the audit area, that reads
 * the event log. Who may see the project, and which of its documents, comes from the read model.
 */
@QueryHandler(GetProjectHistoryQuery)
export class GetProjectHistoryHandler implements IQueryHandler<GetProjectHistoryQuery> {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly people: PeopleDirectory,
    private readonly organisations: OrganisationDirectory,
  ) {}

  async execute({ projectId, actor, minPosition }: GetProjectHistoryQuery): Promise<HistoryEntry[]> {
    const set = await this.readModels.current(minPosition);
    const project = await set.get<ProjectDoc>('projects', projectId);
    if (!project || !canSeeProject(actor, project)) throw projectNotFound(projectId);
    // Stored events are shown in their current version (v1 questions and answers are upcast).
    const all = (await this.events.readStream(projectStreamId(projectId))).map((e) => upcastProjectEvent(e));
    // Internal notes are left out for whoever may not read them: commune members and the public (ADR 0010).
    const readable = canSeeInternal(actor, project) ? all : all.filter((e) => !INTERNAL_EVENT_TYPES.includes(e.type));
    // Whoever may not see every document does not learn of the non-public ones.
    const publicDocuments = new Set((project.documents ?? []).filter((d) => d.public).map((d) => d.id));
    const events = canSeeAllDocuments(actor, project)
      ? readable
      : readable.filter((e) => !e.type.startsWith('Document') || publicDocuments.has(String((e.data as { documentId?: unknown }).documentId)));
    const [view, organisations] = await Promise.all([
      this.people.viewer([...events.map((e) => e.metadata.actorId), ...events.flatMap((e) => peopleInData(e.data as Record<string, unknown>))]),
      this.organisations.all(),
    ]);
    const organisationNames = new Map(organisations.map((o) => [o.id, o.name]));
    const names = {
      person: (id: string) => view(id, 'departement_agent').name,
      organisation: (id: string) => organisationNames.get(id) ?? id,
      // Titles from the events this person may read only: a hidden document stays unnamed.
      document: documentTitles(events),
    };
    return events.map((e) => toHistoryEntry(e, view, names));
  }
}
