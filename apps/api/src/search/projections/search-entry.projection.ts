import type { RecordedEvent } from '@carnet/event-store';
import {
  INTERNAL_EVENT_TYPES,
  PROJECT_STREAM_PREFIX,
  type InternalNoteAddedData,
  type MessagePostedData,
  type ProjectCreatedData,
  type ProjectDetailsChangedData,
  type PublicationRequestedData,
  type PublicContent,
  type QuestionAnsweredData,
  type QuestionAskedData,
} from '@carnet/domain';
import { analyseFrench, type Projection } from '@carnet/read-store';
import type { SearchResultType } from '@carnet/contracts';

/**
 * One searchable piece of a project: the project itself (title, description, public summary), a
 * question, an answer, a conversation message or an internal note. Its analysed terms feed the
 * full-text index (ADR 0013); who may see it is decided at query time from the project's facts,
 * except `internal`, which the event type alone decides and which a commune member never gets.
 */
export interface SearchEntryDoc {
  kind: SearchResultType;
  projectId: string;
  questionId: string | null;
  /** The text shown in the excerpt. */
  text: string;
  /** For a project entry, its parts (the text is rebuilt from them when one changes). */
  parts: { title: string; description: string; summary: string } | null;
  internal: boolean;
  at: string;
  terms: string[];
}

const ENTRY_KEYS: Record<string, (data: any) => string> = {
  ProjectCreated: (d: ProjectCreatedData) => `project:${d.projectId}`,
  ProjectDetailsChanged: (d: ProjectDetailsChangedData) => `project:${d.projectId}`,
  PublicationRequested: (d: PublicationRequestedData) => `project:${d.projectId}`,
  PublicationRevised: (d: { projectId: string }) => `project:${d.projectId}`,
  QuestionAsked: (d: QuestionAskedData) => `question:${d.questionId}`,
  QuestionAnswered: (d: QuestionAnsweredData) => `answer:${d.answerId}`,
  MessagePosted: (d: MessagePostedData) => `message:${d.messageId}`,
  InternalNoteAdded: (d: InternalNoteAddedData) => `note:${d.noteId}`,
};

function projectEntry(parts: NonNullable<SearchEntryDoc['parts']>, projectId: string, at: string): SearchEntryDoc {
  const text = [parts.title, parts.description, parts.summary].filter((s) => s.trim()).join('\n');
  return { kind: 'project', projectId, questionId: null, text, parts, internal: false, at, terms: analyseFrench(text) };
}

function textEntry(kind: SearchResultType, recorded: RecordedEvent, text: string, questionId: string | null): SearchEntryDoc {
  const data = recorded.data as { projectId: string };
  return {
    kind,
    projectId: data.projectId,
    questionId,
    text,
    parts: null,
    internal: INTERNAL_EVENT_TYPES.includes(recorded.type),
    at: recorded.metadata.recordedAt,
    terms: analyseFrench(text),
  };
}

export function evolveSearchEntry(doc: SearchEntryDoc | null, recorded: RecordedEvent): SearchEntryDoc | null {
  const at = recorded.metadata.recordedAt;
  switch (recorded.type) {
    case 'ProjectCreated': {
      const d = recorded.data as ProjectCreatedData;
      return projectEntry({ title: d.title, description: d.description ?? '', summary: '' }, d.projectId, at);
    }
    case 'ProjectDetailsChanged': {
      if (!doc?.parts) return doc;
      const d = recorded.data as ProjectDetailsChangedData;
      return projectEntry({ ...doc.parts, title: d.title ?? doc.parts.title, description: d.description ?? doc.parts.description }, doc.projectId, doc.at);
    }
    case 'PublicationRequested': {
      if (!doc?.parts) return doc;
      // v1: a summary alone; v2: a public content (title, summary, lessons learned).
      const data = recorded.data as { summary?: string; content?: PublicContent };
      const summary = data.content ? [data.content.summary, data.content.lessonsLearned].filter(Boolean).join('\n') : (data.summary ?? '');
      return projectEntry({ ...doc.parts, summary }, doc.projectId, doc.at);
    }
    case 'PublicationRevised': {
      if (!doc?.parts) return doc;
      const { content } = recorded.data as { content: PublicContent };
      return projectEntry({ ...doc.parts, summary: [content.summary, content.lessonsLearned].filter(Boolean).join('\n') }, doc.projectId, doc.at);
    }
    case 'QuestionAsked':
      return textEntry('question', recorded, (recorded.data as QuestionAskedData).text ?? '', (recorded.data as QuestionAskedData).questionId);
    case 'QuestionAnswered':
      return textEntry('answer', recorded, (recorded.data as QuestionAnsweredData).text ?? '', (recorded.data as QuestionAnsweredData).questionId);
    case 'MessagePosted':
      return textEntry('message', recorded, (recorded.data as MessagePostedData).text ?? '', null);
    case 'InternalNoteAdded': {
      const d = recorded.data as InternalNoteAddedData;
      return textEntry('note', recorded, d.text ?? '', d.questionId ?? null);
    }
    default:
      return doc;
  }
}

/** The search index: a projection of the project streams, rebuilt with the other read models. */
export const searchEntryProjection: Projection<SearchEntryDoc> = {
  collection: 'search_entries',
  indexedFields: ['projectId', 'kind'],
  fullText: 'terms',
  keyOf: (e) => {
    if (!e.streamId.startsWith(PROJECT_STREAM_PREFIX)) return null;
    const key = ENTRY_KEYS[e.type];
    return key ? key(e.data) : null;
  },
  evolve: evolveSearchEntry,
};
