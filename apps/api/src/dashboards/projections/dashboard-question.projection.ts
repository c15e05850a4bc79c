import type { RecordedEvent } from '@carnet/event-store';
import {
  DEPARTEMENT_TEAMS,
  PROJECT_STREAM_PREFIX,
  QUESTION_ROUTING,
  reopenedStatus,
  type DepartementTeam,
  type QuestionAskedV2Data,
  type QuestionCategory,
  type QuestionStatus,
} from '@carnet/domain';
import type { Projection } from '@carnet/read-store';

/** A question as the dashboards count it: its status over time and when it was first answered. */
export interface DashboardQuestionDoc {
  projectId: string;
  category: QuestionCategory;
  team: DepartementTeam;
  text: string;
  askedAt: string;
  status: QuestionStatus;
  firstAnsweredAt: string | null;
  /** Whether someone is responsible for it (assigned or taken in charge): a reopened question goes back to them. */
  assigned?: boolean;
  /** Every change of status, in order: the status at any date is the last one before it. */
  transitions: Array<{ at: string; status: QuestionStatus }>;
}

const QUESTION_EVENTS = ['QuestionAsked', 'QuestionAssigned', 'QuestionTakenInCharge', 'QuestionAnswered', 'QuestionClosed', 'QuestionReopened'];

const moveTo = (doc: DashboardQuestionDoc, status: QuestionStatus, at: string): DashboardQuestionDoc =>
  doc.status === status ? doc : { ...doc, status, transitions: [...doc.transitions, { at, status }] };

/**
 * QuestionAsked v1 has no team (read as the routing of its category) and QuestionAnswered v1 no
 * documents nor contact: only fields present in both versions are read, the others defaulted.
 */
export function evolveDashboardQuestion(doc: DashboardQuestionDoc | null, e: RecordedEvent): DashboardQuestionDoc | null {
  const at = e.metadata.recordedAt;
  if (e.type === 'QuestionAsked') {
    const d = e.data as Partial<QuestionAskedV2Data> & { projectId: string; category: QuestionCategory };
    const team = d.team && (DEPARTEMENT_TEAMS as readonly string[]).includes(d.team) ? d.team : QUESTION_ROUTING[d.category] ?? 'accompagnement';
    return { projectId: d.projectId, category: d.category, team, text: d.text ?? '', askedAt: at, status: 'nouvelle', firstAnsweredAt: null, transitions: [{ at, status: 'nouvelle' }] };
  }
  if (!doc) return null;
  switch (e.type) {
    case 'QuestionAssigned':
      return { ...doc, assigned: true };
    case 'QuestionTakenInCharge':
      // Taking in charge an answered question does not make it unanswered again; reopening does.
      return { ...(doc.status === 'nouvelle' ? moveTo(doc, 'prise_en_charge', at) : doc), assigned: true };
    case 'QuestionAnswered':
      return { ...moveTo(doc, 'repondue', at), firstAnsweredAt: doc.firstAnsweredAt ?? at };
    case 'QuestionClosed':
      return moveTo(doc, 'close', at);
    case 'QuestionReopened':
      return moveTo(doc, reopenedStatus(doc.assigned), at);
    default:
      return doc;
  }
}

export const dashboardQuestionProjection: Projection<DashboardQuestionDoc> = {
  collection: 'dashboard_questions',
  indexedFields: ['projectId', 'status'],
  keyOf: (e) =>
    e.streamId.startsWith(PROJECT_STREAM_PREFIX) && QUESTION_EVENTS.includes(e.type) ? ((e.data as { questionId: string }).questionId ?? null) : null,
  evolve: evolveDashboardQuestion,
};
