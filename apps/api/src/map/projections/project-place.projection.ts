import type { RecordedEvent } from '@carnet/event-store';
import { PROJECT_STREAM_PREFIX, upcastProjectEvent, type ProjectLocation, type ProjectStep, type ProjectTheme } from '@carnet/domain';
import type { Projection } from '@carnet/read-store';

/*
 * `project_places`: one small document per project, what the in-app map needs and nothing more
 * (issue #10). The `projects` read model holds questions, answers and documents: reading 10,000 of
 * them for one map would move megabytes for a few fields.
 */

export interface ProjectPlaceDoc {
  codeInsee: string;
  title: string;
  theme: ProjectTheme;
  step: ProjectStep;
  /** The precise point; null: the commune as a whole. */
  location: ProjectLocation | null;
  partners: string[];
  /** Questions waiting for the Département (nouvelle or prise en charge): id → since when. */
  waiting: Record<string, string>;
  /** The oldest of `waiting`, for the « en retard » marker (compared with QUESTION_OVERDUE_DAYS at read time). */
  waitingSince: string | null;
  openQuestions: number;
}

const RELEVANT: ReadonlySet<string> = new Set([
  'ProjectCreated',
  'ProjectDetailsChanged',
  'StepAdvanced',
  'StepReverted',
  'ProjectLocated',
  'PartnerInvolved',
  'QuestionAsked',
  'QuestionAnswered',
  'QuestionClosed',
  'QuestionReopened',
]);

function withWaiting(doc: ProjectPlaceDoc, waiting: Record<string, string>): ProjectPlaceDoc {
  const since = Object.values(waiting).sort()[0] ?? null;
  return { ...doc, waiting, waitingSince: since, openQuestions: Object.keys(waiting).length };
}

/** The map document of a project after one more event of its stream. */
export function evolveProjectPlace(doc: ProjectPlaceDoc | null, recorded: RecordedEvent): ProjectPlaceDoc | null {
  const event = upcastProjectEvent(recorded);
  const data = event.data as Record<string, any>;
  const at = recorded.metadata.recordedAt;
  if (event.type === 'ProjectCreated') {
    return { codeInsee: data.codeInsee, title: data.title, theme: data.theme, step: 'idee', location: null, partners: [], waiting: {}, waitingSince: null, openQuestions: 0 };
  }
  if (!doc) return null;
  switch (event.type) {
    case 'ProjectDetailsChanged':
      return { ...doc, ...(typeof data.title === 'string' ? { title: data.title } : {}), ...(typeof data.theme === 'string' ? { theme: data.theme as ProjectTheme } : {}) };
    case 'StepAdvanced':
    case 'StepReverted':
      return { ...doc, step: data.to };
    case 'ProjectLocated':
      return { ...doc, location: data.location ?? null };
    case 'PartnerInvolved':
      return doc.partners.includes(data.organisationId) ? doc : { ...doc, partners: [...doc.partners, data.organisationId] };
    case 'QuestionAsked':
    case 'QuestionReopened':
      return withWaiting(doc, { ...doc.waiting, [data.questionId]: at });
    case 'QuestionAnswered':
    case 'QuestionClosed': {
      const { [data.questionId]: _done, ...rest } = doc.waiting;
      return withWaiting(doc, rest);
    }
    default:
      return doc;
  }
}

export const projectPlaceProjection: Projection<ProjectPlaceDoc> = {
  collection: 'project_places',
  indexedFields: ['codeInsee', 'step', 'theme'],
  keyOf: (e) => (RELEVANT.has(e.type) && e.streamId.startsWith(PROJECT_STREAM_PREFIX) ? e.streamId.slice(PROJECT_STREAM_PREFIX.length) : null),
  evolve: evolveProjectPlace,
};
