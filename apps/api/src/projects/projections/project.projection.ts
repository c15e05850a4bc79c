import type { RecordedEvent } from '@carnet/event-store';
import {
  PROJECT_STREAM_PREFIX,
  evolvePublication,
  writtenVersionOf,
  upcastProjectEvent,
  reopenedStatus,
  type DepartementTeam,
  type ProjectEvent,
  type ProjectLocation,
  type PublicContent,
  type PublicationStatus,
  type ProjectStep,
  type ProjectTheme,
  type QuestionAssignee,
  type QuestionCategory,
  type QuestionStatus,
} from '@carnet/domain';
import type { Projection } from '@carnet/read-store';
import { publicationFingerprint } from '../../shared/fingerprint.js';

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
/** The publication workflow as the project page shows it (names looked up at read time). */
export interface PublicationWorkDoc {
  latest: { version: number; content: PublicContent; fingerprint: string; writtenAt: string; writtenById: string; writtenByRole: string; reason: string | null };
  approved: { version: number; fingerprint: string | null; approvedAt: string; approvedById: string; approvedByRole: string } | null;
  withdrawn: { at: string; byId: string; byRole: string; reason: string } | null;
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
  publication: PublicationStatus;
  /** The publication workflow (issue #5); null before any request. */
  publicationWork?: PublicationWorkDoc | null;
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
  /** The precise point (issue #10); null or absent: the commune as a whole. */
  location?: ProjectLocation | null;
}

const isProjectEvent = (e: RecordedEvent): boolean => e.streamId.startsWith(PROJECT_STREAM_PREFIX);

/** Completes a fresh document `d` evolved from `before` by `recorded`: derived fields, date, version. */
function completed(d: ProjectDoc, before: ProjectDoc | null, recorded: RecordedEvent): ProjectDoc {
  if (d.questions !== before?.questions) {
    let waiting = 0;
    for (const q of d.questions) if (isWaiting(q.status)) waiting++;
    d.openQuestions = waiting;
  }
  if (d.title !== before?.title || d.description !== before?.description) d.searchText = `${d.title}\n${d.description}`;
  d.updatedAt = recorded.metadata.recordedAt;
  d.version = recorded.revision + 1;
  return d;
}

export function evolveProject(doc: ProjectDoc | null, recorded: RecordedEvent): ProjectDoc | null {
  // Stored events are read in their current version (v1 questions and answers are upcast).
  const event = upcastProjectEvent(recorded) as unknown as ProjectEvent & RecordedEvent;
  const at = recorded.metadata.recordedAt;
  // Every case below builds a fresh document; `completed` finishes it in place (no second copy).
  const touch = (d: ProjectDoc): ProjectDoc => completed(d, doc, recorded);
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
      publicationWork: null,
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
    case 'PublicationRevised':
    case 'ProjectPublished':
    case 'PublicationWithdrawn':
      return touch({ ...doc, ...evolvePublicationWork(doc, recorded) });
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
    case 'ProjectLocated':
      return touch({ ...doc, location: event.data.location });
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
          status: reopenedStatus(q.assignee),
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
  // The staff list: the communes of a département, a step, the most recently updated first (issue #15).
  compoundIndexes: [['codeInsee', 'step', 'updatedAt']],
  keyOf: (e) => (isProjectEvent(e) ? e.streamId.slice(PROJECT_STREAM_PREFIX.length) : null),
  evolve: evolveProject,
};

/**
 * The publication workflow's part of the project document: what the domain decides (the status, the
 * versions, v1 events included — see evolvePublication), plus who wrote or approved each, and when.
 */
function evolvePublicationWork(doc: ProjectDoc, recorded: RecordedEvent): Pick<ProjectDoc, 'publication' | 'publicationWork'> {
  const work = doc.publicationWork ?? null;
  const next = evolvePublication(
    {
      title: doc.title,
      publication: doc.publication,
      draft: work && { version: work.latest.version, content: work.latest.content },
      approvedVersion: work?.approved?.version ?? null,
    },
    recorded,
  );
  const by = { id: recorded.metadata.actorId, role: recorded.metadata.actorRole };
  const at = recorded.metadata.recordedAt;
  const projectId = recorded.streamId.slice(PROJECT_STREAM_PREFIX.length);
  const written = writtenVersionOf(recorded, { title: doc.title, latestVersion: work?.latest.version ?? 0 });
  const latest: PublicationWorkDoc['latest'] | null = written
    ? {
        ...written,
        fingerprint: publicationFingerprint(projectId, written.version, written.content),
        writtenAt: at,
        writtenById: by.id,
        writtenByRole: by.role,
        reason: (recorded.data as { reason?: string }).reason ?? null,
      }
    : (work?.latest ?? null);
  if (!latest) return { publication: next.publication, publicationWork: null };
  const approvedNow = recorded.type === 'ProjectPublished' && next.approvedVersion !== null;
  const approved = approvedNow
    ? { version: next.approvedVersion!, fingerprint: (recorded.data as { fingerprint?: string }).fingerprint ?? null, approvedAt: at, approvedById: by.id, approvedByRole: by.role }
    : next.approvedVersion === null
      ? null
      : (work?.approved ?? null);
  const withdrawn =
    recorded.type === 'PublicationWithdrawn'
      ? { at, byId: by.id, byRole: by.role, reason: (recorded.data as { reason: string }).reason }
      : recorded.type === 'PublicationRequested' || approvedNow
        ? null
        : (work?.withdrawn ?? null);
  return { publication: next.publication, publicationWork: { latest, approved, withdrawn } };
}
