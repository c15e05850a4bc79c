import type { RecordedEvent } from '@carnet/event-store';
import { reopenedStatus, upcastProjectEvent, type DepartementTeam, type ProjectEvent, type QuestionCategory, type QuestionStatus } from '@carnet/domain';
import type { Projection } from '@carnet/read-store';

/**
 * One document per question, flat, for the « À traiter » lists: filtered by team, assignee and
 * whether it waits for an answer, without reading every project.
 */
export interface QueueDoc {
  projectId: string;
  category: QuestionCategory;
  text: string;
  team: DepartementTeam;
  status: QuestionStatus;
  /** true while new or in charge (waiting for an answer). */
  waiting: boolean;
  /** Account id of the assignee, or null. */
  assigneeId: string | null;
  assigneeRole: string | null;
  assigneeOrganisationId: string | null;
  askedAt: string;
  waitingSince: string | null;
}

const QUESTION_EVENTS = new Set(['QuestionAsked', 'QuestionAnswered', 'QuestionAssigned', 'QuestionTakenInCharge', 'QuestionClosed', 'QuestionReopened']);

export function evolveQueue(doc: QueueDoc | null, recorded: RecordedEvent): QueueDoc | null {
  const e = upcastProjectEvent(recorded) as unknown as ProjectEvent;
  const at = recorded.metadata.recordedAt;
  if (e.type === 'QuestionAsked') {
    const { projectId, category, text, team } = e.data;
    return { projectId, category, text, team, status: 'nouvelle', waiting: true, assigneeId: null, assigneeRole: null, assigneeOrganisationId: null, askedAt: at, waitingSince: at };
  }
  if (!doc) return null;
  switch (e.type) {
    case 'QuestionAnswered':
      return { ...doc, status: 'repondue', waiting: false, waitingSince: null };
    case 'QuestionAssigned':
    case 'QuestionTakenInCharge': {
      const { accountId, kind, organisationId } = e.data.assignee;
      const assignee = { assigneeId: accountId, assigneeRole: kind === 'partner' ? 'partner_member' : 'departement_agent', assigneeOrganisationId: organisationId };
      return e.type === 'QuestionTakenInCharge' ? { ...doc, ...assignee, status: 'prise_en_charge' } : { ...doc, ...assignee };
    }
    case 'QuestionClosed':
      return { ...doc, status: 'close', waiting: false, waitingSince: null };
    case 'QuestionReopened':
      return { ...doc, status: reopenedStatus(doc.assigneeId), waiting: true, waitingSince: at };
    default:
      return doc;
  }
}

export const questionQueueProjection: Projection<QueueDoc> = {
  collection: 'question_queue',
  indexedFields: ['projectId', 'team', 'assigneeId', 'waiting'],
  keyOf: (e) => (QUESTION_EVENTS.has(e.type) ? (e.data as { questionId: string }).questionId : null),
  evolve: (doc, e) => evolveQueue(doc, e),
};
