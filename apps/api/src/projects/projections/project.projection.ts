import type { RecordedEvent } from '@carnet/event-store';
import {
  PROJECT_STREAM_PREFIX,
  upcastProjectEvent,
  type DepartementTeam,
  type ProjectEvent,
  type ProjectStep,
  type ProjectTheme,
  type QuestionAssignee,
  type QuestionCategory,
  type QuestionStatus,
} from '@carnet/domain';
import type { Projection } from '@carnet/read-store';

export interface AnswerDoc {
  id: string;
  text: string;
  answeredAt: string;
  answeredById: string;
  answeredByRole: string;
  documentIds: string[];
  contactId: string | null;
}
export interface ReopeningDoc {
  at: string;
  byId: string;
  byRole: string;
  reason: string;
}
export interface QuestionDoc {
  id: string;
  category: QuestionCategory;
  text: string;
  askedAt: string;
  askedById: string;
  askedByRole: string;
  answers: AnswerDoc[];
  status: QuestionStatus;
  team: DepartementTeam;
  assignee: QuestionAssignee | null;
  documentIds: string[];
  firstAnsweredAt: string | null;
  /** Asked or reopened and not answered since: when it started waiting; null otherwise. */
  waitingSince: string | null;
  reopenings: ReopeningDoc[];
}

/** A question waits for the Département while it is new or in charge. */
export const isWaiting = (status: QuestionStatus): boolean => status === 'nouvelle' || status === 'prise_en_charge';

/** The read model behind the project list and the project page. */
export interface ProjectDoc {
  codeInsee: string;
  title: string;
  description: string;
  theme: ProjectTheme;
  step: ProjectStep;
  progress: number;
  estimatedCostHt: number | null;
  publication: 'none' | 'requested' | 'published';
  publicationSummary: string | null;
  questions: QuestionDoc[];
  openQuestions: number;
  createdAt: string;
  updatedAt: string;
  /** Number of events in the project's stream: the version sent back in If-Match. */
  version: number;
  /** Title and description together, for the search box. */
  searchText: string;
  /** Partner organisations involved (their members may see the project). */
  partners: string[];
}

const isProjectEvent = (e: RecordedEvent): boolean => e.streamId.startsWith(PROJECT_STREAM_PREFIX);

export function evolveProject(doc: ProjectDoc | null, recorded: RecordedEvent): ProjectDoc | null {
  // Stored events are read in their current version (v1 questions and answers are upcast).
  const event = upcastProjectEvent(recorded) as unknown as ProjectEvent & RecordedEvent;
  const at = recorded.metadata.recordedAt;
  // Every case below builds a fresh document; `touch` completes it in place (no second copy).
  const touch = (d: ProjectDoc): ProjectDoc => {
    if (d.questions !== doc?.questions) d.openQuestions = d.questions.filter((q) => isWaiting(q.status)).length;
    if (d.title !== doc?.title || d.description !== doc?.description) d.searchText = `${d.title}\n${d.description}`;
    d.updatedAt = at;
    d.version = recorded.revision + 1;
    return d;
  };
  if (event.type === 'ProjectCreated') {
    return touch({
      codeInsee: event.data.codeInsee,
      title: event.data.title,
      description: event.data.description,
      theme: event.data.theme,
      step: 'idee',
      progress: 0,
      estimatedCostHt: event.data.estimatedCostHt,
      publication: 'none',
      publicationSummary: null,
      questions: [],
      openQuestions: 0,
      createdAt: at,
      updatedAt: at,
      version: 1,
      searchText: '',
      partners: [],
    });
  }
  if (!doc) return null; // an event of a project we never saw created: ignore rather than invent
  switch (event.type) {
    case 'ProjectDetailsChanged': {
      const { projectId: _id, ...changes } = event.data;
      return touch({ ...doc, ...changes });
    }
    case 'StepAdvanced':
    case 'StepReverted':
      return touch({ ...doc, step: event.data.to, progress: event.data.progress });
    case 'ProgressUpdated':
      return touch({ ...doc, progress: event.data.progress });
    case 'QuestionAsked':
      return touch({
        ...doc,
        questions: [
          ...doc.questions,
          {
            id: event.data.questionId,
            category: event.data.category,
            text: event.data.text,
            askedAt: at,
            askedById: recorded.metadata.actorId,
            askedByRole: recorded.metadata.actorRole,
            answers: [],
            status: 'nouvelle',
            team: event.data.team,
            assignee: null,
            documentIds: event.data.documentIds,
            firstAnsweredAt: null,
            waitingSince: at,
            reopenings: [],
          },
        ],
      });
    case 'QuestionAnswered':
      return touch({
        ...doc,
        questions: doc.questions.map((q) =>
          q.id !== event.data.questionId
            ? q
            : {
                ...q,
                status: 'repondue',
                firstAnsweredAt: q.firstAnsweredAt ?? at,
                waitingSince: null,
                answers: [
                  ...q.answers,
                  {
                    id: event.data.answerId,
                    text: event.data.text,
                    answeredAt: at,
                    answeredById: recorded.metadata.actorId,
                    answeredByRole: recorded.metadata.actorRole,
                    documentIds: event.data.documentIds,
                    contactId: event.data.contactId,
                  },
                ],
              },
        ),
      });
    case 'PublicationRequested':
      return touch({ ...doc, publication: 'requested', publicationSummary: event.data.summary });
    case 'ProjectPublished':
      return touch({ ...doc, publication: 'published' });
    case 'PartnerInvolved':
      return touch({ ...doc, partners: [...(doc.partners ?? []), event.data.organisationId] });
    case 'QuestionAssigned':
      return touch({ ...doc, questions: changeQuestion(doc, event.data.questionId, () => ({ assignee: event.data.assignee })) });
    case 'QuestionTakenInCharge':
      return touch({ ...doc, questions: changeQuestion(doc, event.data.questionId, () => ({ assignee: event.data.assignee, status: 'prise_en_charge' })) });
    case 'QuestionClosed':
      return touch({ ...doc, questions: changeQuestion(doc, event.data.questionId, () => ({ status: 'close', waitingSince: null })) });
    case 'QuestionReopened':
      return touch({
        ...doc,
        questions: changeQuestion(doc, event.data.questionId, (q) => ({
          status: 'prise_en_charge',
          waitingSince: at,
          reopenings: [...q.reopenings, { at, byId: recorded.metadata.actorId, byRole: recorded.metadata.actorRole, reason: event.data.reason }],
        })),
      });
    default:
      return touch({ ...doc });
  }
}

const changeQuestion = (doc: ProjectDoc, questionId: string, change: (q: QuestionDoc) => Partial<QuestionDoc>): QuestionDoc[] =>
  doc.questions.map((q) => (q.id === questionId ? { ...q, ...change(q) } : q));

export const projectProjection: Projection<ProjectDoc> = {
  collection: 'projects',
  indexedFields: ['codeInsee', 'step', 'updatedAt', 'publication'],
  keyOf: (e) => (isProjectEvent(e) ? e.streamId.slice(PROJECT_STREAM_PREFIX.length) : null),
  evolve: evolveProject,
};
