import type { RecordedEvent } from '@carnet/event-store';
import { PROJECT_STREAM_PREFIX, type ProjectEvent, type ProjectStep, type ProjectTheme, type QuestionCategory } from '@carnet/domain';
import type { Projection } from '@carnet/read-store';

export interface AnswerDoc {
  id: string;
  text: string;
  answeredAt: string;
  answeredById: string;
  answeredByRole: string;
}
export interface QuestionDoc {
  id: string;
  category: QuestionCategory;
  text: string;
  askedAt: string;
  askedById: string;
  askedByRole: string;
  answers: AnswerDoc[];
}

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
  const event = recorded as unknown as ProjectEvent & RecordedEvent;
  const at = recorded.metadata.recordedAt;
  // Every case below builds a fresh document; `touch` completes it in place (no second copy).
  const touch = (d: ProjectDoc): ProjectDoc => {
    if (d.questions !== doc?.questions) d.openQuestions = d.questions.filter((q) => q.answers.length === 0).length;
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
                answers: [
                  ...q.answers,
                  {
                    id: event.data.answerId,
                    text: event.data.text,
                    answeredAt: at,
                    answeredById: recorded.metadata.actorId,
                    answeredByRole: recorded.metadata.actorRole,
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
    default:
      return touch({ ...doc });
  }
}

export const projectProjection: Projection<ProjectDoc> = {
  collection: 'projects',
  indexedFields: ['codeInsee', 'step', 'updatedAt', 'publication'],
  keyOf: (e) => (isProjectEvent(e) ? e.streamId.slice(PROJECT_STREAM_PREFIX.length) : null),
  evolve: evolveProject,
};
