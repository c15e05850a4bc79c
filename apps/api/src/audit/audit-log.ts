import { Inject, Injectable } from '@nestjs/common';
import {
  de,
  eventTypeLabel,
  frenchDate,
  type AuditExport,
  type AuditHistory,
  type AuditProjectRef,
  type AuditProjectView,
  type CommuneSeatHistory,
  type CommuneSeatHistoryEntry,
  type LogVerification,
  type ProjectAsOf,
  type ProjectComparison,
} from '@carnet/contracts';
import { communeStreamId, projectStreamId, type Actor, type SeatAssignedData, type SeatReleasedData, type SeatTransferredData } from '@carnet/domain';
import type { EventStore, RecordedEvent } from '@carnet/event-store';
import { CommuneCatalog } from '../communes/commune-catalog.js';
import { OrganisationDirectory } from '../communes/organisation-directory.js';
import { CLOCK, EVENT_STORE, type Clock } from '../infrastructure/tokens.js';
import { inDepartementOf, projectNotFound } from '../projects/project-access.js';
import { peopleOf, toDetail } from '../projects/project.views.js';
import { QuestionViewContextLoader } from '../projects/question-view-context.js';
import { PeopleDirectory } from '../shared/people-directory.js';
import { ProblemException } from '../shared/problem.js';
import { verifyWholeLog } from './log-verifier.js';
import { diffProjects, peopleInEvents, projectAsOf, projectHistory, type HistoryFilter, type ProjectReplay } from './project-replay.js';

/**
 * The audit area's reads. THIS IS THE ONE PLACE WHERE A QUERY READS THE EVENT STORE (ADR 0009):
 * auditors must see what the log says, not what a read model was built to remember, so every
 * answer here is a replay of `readStream` with the pure `evolveProject`. Read models are used only
 * for reference data (organisation names) and for picking a project from a list.
 */
@Injectable()
export class AuditLog {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly people: PeopleDirectory,
    private readonly communes: CommuneCatalog,
    private readonly organisations: OrganisationDirectory,
    private readonly questionContext: QuestionViewContextLoader,
  ) {}

  /**
   * The project's whole stream; 404 problem when there is none, or when it is a project of another
   * Département than the auditor's (a log may hold others: issue #17).
   */
  async streamOf(actor: Actor, projectId: string): Promise<RecordedEvent[]> {
    const events = await this.events.readStream(projectStreamId(projectId));
    const codeInsee = (events[0]?.data as { codeInsee?: unknown } | undefined)?.codeInsee;
    if (events.length === 0 || typeof codeInsee !== 'string' || !inDepartementOf(actor, codeInsee)) throw projectNotFound(projectId);
    return events;
  }

  async history(actor: Actor, projectId: string, filter: HistoryFilter): Promise<AuditHistory> {
    const events = await this.streamOf(actor, projectId);
    const [view, partnerName] = await Promise.all([this.people.viewer(peopleInEvents(events)), this.partnerNames()]);
    return { project: this.refOf(projectId, events), totalEvents: events.length, entries: projectHistory(events, view, filter, partnerName) };
  }

  async asOf(actor: Actor, projectId: string, at: Date): Promise<ProjectAsOf> {
    const events = await this.streamOf(actor, projectId);
    const replay = projectAsOf(events, at);
    if (!replay.doc) throw notYetCreated(events, at);
    return this.viewOf(projectId, at, replay);
  }

  /** Two dates of one project, and what changed between them (`from` may precede the creation). */
  async compare(actor: Actor, projectId: string, from: Date, to: Date): Promise<ProjectComparison> {
    const events = await this.streamOf(actor, projectId);
    const before = projectAsOf(events, from);
    const after = projectAsOf(events, to);
    if (!after.doc) throw notYetCreated(events, to);
    const [partnerName, view] = await Promise.all([this.partnerNames(), this.people.viewer(peopleInEvents(events))]);
    return {
      from: before.doc ? await this.viewOf(projectId, from, before) : null,
      fromAt: from.toISOString(),
      to: await this.viewOf(projectId, to, after),
      differences: diffProjects(before.doc, after.doc, partnerName, (id) => view(id, 'departement_agent').name),
    };
  }

  async verify(): Promise<LogVerification> {
    return verifyWholeLog(this.events, this.clock.now());
  }

  async exportOf(actor: Actor, projectId: string): Promise<AuditExport> {
    const [history, verification] = await Promise.all([this.history(actor, projectId, {}), this.verify()]);
    return { generatedAt: this.clock.now().toISOString(), project: history.project, history: history.entries, verification };
  }

  /** Who took or left which seat of a commune, read from the commune's stream. */
  async communeHistory(actor: Actor, codeInsee: string): Promise<CommuneSeatHistory> {
    // Another Département's commune: nothing to show, as for a commune nobody ever sat for.
    const events = inDepartementOf(actor, codeInsee) ? await this.events.readStream(communeStreamId(codeInsee)) : [];
    const personOf = (e: RecordedEvent): string => {
      const data = e.data as Partial<SeatAssignedData & SeatReleasedData & SeatTransferredData>;
      return (e.type === 'SeatTransferred' ? data.toUserId : data.userId) ?? '';
    };
    const ids = events.flatMap((e) => [e.metadata.actorId, personOf(e), (e.data as Partial<SeatTransferredData>).fromUserId ?? '']).filter(Boolean);
    const view = await this.people.viewer(ids);
    const entries = events.map((e): CommuneSeatHistoryEntry => {
      const data = e.data as Partial<SeatAssignedData & SeatReleasedData & SeatTransferredData>;
      const person = view(personOf(e), 'commune_member');
      const seatLabel = data.seat === 'mayor' ? 'de maire' : 'de collaborateur';
      const summary =
        e.type === 'SeatAssigned'
          ? `${person.name} prend la place ${seatLabel}`
          : e.type === 'SeatReleased'
            ? `${person.name} quitte la place ${seatLabel}`
            : e.type === 'SeatTransferred'
              ? `La fonction de maire passe ${de(view(data.fromUserId ?? '', 'commune_mayor').name)} à ${person.name}`
              : eventTypeLabel(e.type);
      return {
        position: e.position,
        at: e.metadata.recordedAt,
        type: e.type,
        typeLabel: eventTypeLabel(e.type),
        person: { id: person.id, name: person.name },
        seat: data.seat ?? 'collaborator',
        actor: view(e.metadata.actorId, e.metadata.actorRole),
        why: typeof data.reason === 'string' && data.reason ? data.reason : null,
        summary,
      };
    });
    return { codeInsee, communeName: this.communes.nameOf(codeInsee), entries };
  }

  private refOf(projectId: string, events: RecordedEvent[]): AuditProjectRef {
    // The current title comes from the replay too: the log is the reference here.
    const doc = projectAsOf(events, new Date(8.64e15)).doc;
    const codeInsee = doc?.codeInsee ?? '';
    return { id: projectId, title: doc?.title ?? '', codeInsee, communeName: codeInsee ? this.communes.nameOf(codeInsee) : '' };
  }

  private async viewOf(projectId: string, at: Date, replay: ProjectReplay): Promise<ProjectAsOf> {
    const doc = replay.doc!;
    // Questions are shown as they were at that date: overdue is judged at `at`, not today.
    const [view, partnerName, context] = await Promise.all([this.people.viewer(peopleOf(doc)), this.partnerNames(), this.questionContext.load(doc, at)]);
    const project: AuditProjectView = {
      ...toDetail({ ...doc, id: projectId, _position: replay.lastPosition }, this.communes.nameOf(doc.codeInsee), view, context),
      partners: (doc.partners ?? []).map((id) => ({ id, name: partnerName(id) })),
    };
    return { at: at.toISOString(), eventsApplied: replay.eventsApplied, lastPosition: replay.lastPosition, project };
  }

  private async partnerNames(): Promise<(id: string) => string> {
    const all = new Map((await this.organisations.all()).map((o) => [o.id, o.name]));
    return (id) => all.get(id) ?? id;
  }
}

const notYetCreated = (events: RecordedEvent[], at: Date) =>
  new ProblemException(
    404,
    'project_not_yet_created',
    'Le projet n’existait pas encore à cette date',
    `Ce projet a été créé le ${frenchInstant(events[0].metadata.recordedAt)}, après le ${frenchInstant(at.toISOString())} : choisissez une date à partir de sa création.`,
  );

const frenchInstant = (iso: string): string => frenchDate(iso, true);
