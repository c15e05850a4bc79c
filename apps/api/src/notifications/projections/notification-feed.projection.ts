import type { RecordedEvent } from '@carnet/event-store';
import { PROJECT_STREAM_PREFIX, QUESTION_ROUTING, type DepartementTeam, type ProjectStep, type QuestionCategory } from '@carnet/domain';
import type { Projection } from '@carnet/read-store';
import { NOTIFICATION_RULES, type FeedContext, type NotificationEntry } from '../notification-rules.js';

/** How many notifications a project's feed keeps (the newest). */
export const FEED_LIMIT = 100;

/**
 * The notifications of one project and what deciding their audience needs. One document per
 * project: who gets a notification is resolved when it is read or mailed (`receives`), because
 * follows are user settings kept out of the log. Nothing personal is copied: ids and facts only.
 */
export interface NotificationFeedDoc extends FeedContext {
  projectId: string;
  title: string;
  /** Newest last, at most FEED_LIMIT. */
  entries: NotificationEntry[];
  /** Position of the newest entry that staff or partners may receive: the staff inbox reads the most recent feeds by it. */
  staffPosition: number;
}

type Data = Record<string, any>;

/** Events that change what the audience rules read (title, questions and their handlers, partners). */
const CONTEXT_TYPES: ReadonlySet<string> = new Set(['ProjectCreated', 'ProjectDetailsChanged', 'QuestionAsked', 'QuestionAssigned', 'QuestionTakenInCharge', 'PartnerInvolved']);

export function evolveNotificationFeed(previous: NotificationFeedDoc | null, e: RecordedEvent, projectId: string): NotificationFeedDoc | null {
  const d = e.data as Data;
  // A new project starts its feed, and is itself news for the rest of its commune (NOTIFICATION_RULES).
  const doc: NotificationFeedDoc | null =
    e.type === 'ProjectCreated' ? { projectId, codeInsee: d.codeInsee, title: d.title, questions: {}, handlers: [], partners: [], entries: [], staffPosition: 0 } : previous;
  if (!doc) return null;
  const next: NotificationFeedDoc = { ...doc };
  // The audience is decided on the project as it was before the event.
  const rule = NOTIFICATION_RULES[e.type];
  const audience = rule ? rule(e, doc) : null;
  switch (e.type) {
    case 'FaqEntryDrafted': {
      // Remembered so that a later answer to one of these questions notifies the entry's team.
      const sources = { ...(doc.faqSources ?? {}) };
      for (const s of d.sourceQuestions as Array<{ projectId: string; questionId: string }>) if (s.projectId === projectId) sources[s.questionId] = d.team;
      next.faqSources = sources;
      break;
    }
    case 'ProjectDetailsChanged':
      if (typeof d.title === 'string') next.title = d.title;
      break;
    case 'QuestionAsked': {
      const team: DepartementTeam = d.team ?? QUESTION_ROUTING[d.category as QuestionCategory];
      next.questions = { ...doc.questions, [d.questionId]: { team, assigneeId: null } };
      break;
    }
    case 'QuestionAssigned':
    case 'QuestionTakenInCharge': {
      const assigneeId = d.assignee.accountId as string;
      const question = doc.questions[d.questionId] ?? { team: 'accompagnement' as DepartementTeam, assigneeId: null };
      next.questions = { ...doc.questions, [d.questionId]: { ...question, assigneeId } };
      next.handlers = [...new Set(Object.values(next.questions).map((q) => q.assigneeId).filter((id): id is string => !!id))];
      break;
    }
    case 'PartnerInvolved':
      next.partners = doc.partners.includes(d.organisationId) ? doc.partners : [...doc.partners, d.organisationId];
      break;
  }
  if (audience) {
    const entry: NotificationEntry = {
      id: e.id,
      position: e.position,
      type: e.type,
      at: e.metadata.recordedAt,
      actorId: e.metadata.actorId,
      actorRole: e.metadata.actorRole,
      questionId: typeof d.questionId === 'string' ? d.questionId : null,
      step: e.type === 'StepAdvanced' || e.type === 'StepReverted' ? (d.to as ProjectStep) : e.type === 'ProgressUpdated' ? (d.step as ProjectStep) : null,
      progress: typeof d.progress === 'number' ? d.progress : null,
      audience,
    };
    // One copy of the list, the oldest dropped beyond FEED_LIMIT.
    const entries = doc.entries.slice(Math.max(0, doc.entries.length - FEED_LIMIT + 1));
    entries.push(entry);
    next.entries = entries;
    const reachesStaff = audience.agents || audience.accountIds.length > 0 || audience.partnerOrganisations.length > 0 || audience.followers;
    if (reachesStaff) next.staffPosition = e.position;
  }
  return next;
}

export const notificationFeedProjection: Projection<NotificationFeedDoc> = {
  collection: 'notification_feeds',
  indexedFields: ['codeInsee', 'staffPosition'],
  // Only the events that notify someone or that the audience rules read: a rebuild skips the rest (progress updates…).
  keyOf: (e) =>
    e.type === 'FaqEntryDrafted'
      ? [...new Set((e.data as { sourceQuestions: Array<{ projectId: string }> }).sourceQuestions.map((s) => s.projectId))]
      : e.streamId.startsWith(PROJECT_STREAM_PREFIX) && (e.type in NOTIFICATION_RULES || CONTEXT_TYPES.has(e.type))
      ? ((e.data as { projectId?: string }).projectId ?? null)
      : null,
  evolve: (doc, e, key) => evolveNotificationFeed(doc, e, key),
};
