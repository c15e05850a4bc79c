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

/** One stored version of a document; `blobKey` and `sha256` let a download find and check the bytes. */
export interface DocumentVersionDoc {
  version: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  blobKey: string;
  addedAt: string;
  addedById: string;
  addedByRole: string;
}
export interface DocumentDoc {
  id: string;
  title: string;
  public: boolean;
  versions: DocumentVersionDoc[];
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
  /** Documents in the order they were added; a removed document is no longer listed. */
  documents?: DocumentDoc[];
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
      documents: [],
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
    case 'DocumentAdded':
    case 'DocumentVersionAdded': {
      const { projectId: _p, documentId, title, public: isPublic, ...file } = event.data as typeof event.data & { title?: string; public?: boolean };
      const version: DocumentVersionDoc = { ...file, addedAt: at, addedById: recorded.metadata.actorId, addedByRole: recorded.metadata.actorRole };
      const documents = doc.documents ?? [];
      if (event.type === 'DocumentAdded') {
        if (documents.some((d) => d.id === documentId)) return touch({ ...doc });
        return touch({ ...doc, documents: [...documents, { id: documentId, title: title!, public: isPublic === true, versions: [version] }] });
      }
      return touch({
        ...doc,
        documents: documents.map((d) => (d.id !== documentId || d.versions.some((v) => v.version === version.version) ? d : { ...d, versions: [...d.versions, version] })),
      });
    }
    case 'DocumentVisibilityChanged':
      return touch({ ...doc, documents: (doc.documents ?? []).map((d) => (d.id === event.data.documentId ? { ...d, public: event.data.public } : d)) });
    case 'DocumentRemoved':
      return touch({ ...doc, documents: (doc.documents ?? []).filter((d) => d.id !== event.data.documentId) });
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
