import type { DomainEvent } from '../shared/decider.js';
import type { QuestionCategory } from './project.events.js';

/*
 * Follow-up of a project (issue #4): the shared vocabulary of the events that questions, internal notes,
 * the conversation thread and documents append to the project stream `project-<uuid>`.
 *
 * Rules that every event below keeps (issue #6, GDPR):
 * - people are named by account id or contact id only, never by name, e-mail or phone;
 * - the actor is in the event metadata, not repeated in the payload;
 * - document bytes never enter the log: an event references a stored blob by key and SHA-256.
 */

/** The Département teams a question is routed to. */
export const DEPARTEMENT_TEAMS = ['accompagnement', 'aides', 'juridique', 'ingenierie'] as const;
export type DepartementTeam = (typeof DEPARTEMENT_TEAMS)[number];

/** French names of the teams, as a commune member reads them. */
export const DEPARTEMENT_TEAM_LABELS: Record<DepartementTeam, string> = {
  accompagnement: 'Mission d’accompagnement des communes',
  aides: 'Service des aides aux communes',
  juridique: 'Conseil juridique aux collectivités',
  ingenierie: 'Ingénierie territoriale',
};

/** Routing of a question to a team by its category. */
export const QUESTION_ROUTING: Record<QuestionCategory, DepartementTeam> = {
  prochaine_etape: 'accompagnement',
  financement: 'aides',
  interlocuteur: 'accompagnement',
  juridique: 'juridique',
  technique: 'ingenierie',
  autre: 'accompagnement',
};

/**
 * nouvelle → prise_en_charge → repondue → close; a closed or answered question can be reopened: back
 * to prise_en_charge with the person who had it, or to nouvelle when nobody had it (see `reopenedStatus`).
 */
export const QUESTION_STATUSES = ['nouvelle', 'prise_en_charge', 'repondue', 'close'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/**
 * The status of a reopened question: taken in charge again by its assignee if it has one, new otherwise
 * (a question nobody is responsible for is never « prise en charge »).
 */
export const reopenedStatus = (assignee: unknown): QuestionStatus => (assignee ? 'prise_en_charge' : 'nouvelle');

/** Who a question is assigned to: a Département agent or a member of an involved partner organisation. */
export interface QuestionAssignee {
  accountId: string;
  kind: 'agent' | 'partner';
  /** The partner organisation, for kind `partner`; null for an agent. */
  organisationId: string | null;
}

/** QuestionAsked v2: v1 events are read as v2 with `team = QUESTION_ROUTING[category]` and `documentIds = []`. */
export interface QuestionAskedV2Data {
  projectId: string;
  questionId: string;
  category: QuestionCategory;
  text: string;
  team: DepartementTeam;
  /** Documents of the project attached to the question (already added with DocumentAdded). */
  documentIds: string[];
}
export interface QuestionAssignedData {
  projectId: string;
  questionId: string;
  assignee: QuestionAssignee;
}
/** The assignee (or the acting agent, who then becomes the assignee) takes the question in charge. */
export interface QuestionTakenInChargeData {
  projectId: string;
  questionId: string;
  assignee: QuestionAssignee;
}
/** QuestionAnswered v2: v1 events are read as v2 with `documentIds = []` and `contactId = null`. */
export interface QuestionAnsweredV2Data {
  projectId: string;
  questionId: string;
  answerId: string;
  text: string;
  documentIds: string[];
  /** A recommended contact of the directory, or null. */
  contactId: string | null;
}
export interface QuestionClosedData {
  projectId: string;
  questionId: string;
}
export interface QuestionReopenedData {
  projectId: string;
  questionId: string;
  reason: string;
}
/** A message in the project's conversation between the commune and the Département (visible to the commune). */
export interface MessagePostedData {
  projectId: string;
  messageId: string;
  text: string;
  documentIds: string[];
}
/** An internal note: Département staff and involved partners only, NEVER a commune member. */
export interface InternalNoteAddedData {
  projectId: string;
  noteId: string;
  text: string;
  /** The question the note is about, or null for a note on the project. */
  questionId: string | null;
}

/** Allowed document types, sniffed from the content (never from the name). */
export const DOCUMENT_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

/** One stored version of a document. */
export interface DocumentVersionData {
  projectId: string;
  documentId: string;
  /** 1 for DocumentAdded, then 2, 3… */
  version: number;
  fileName: string;
  mediaType: DocumentMediaType;
  size: number;
  /** Lowercase hex SHA-256 of the bytes. */
  sha256: string;
  /** Key of the bytes in the blob store (local folder or GridFS). */
  blobKey: string;
}
export interface DocumentAddedData extends DocumentVersionData {
  title: string;
  /** Public documents may appear on the public portal once the project is published (issue #5). */
  public: boolean;
}
export type DocumentVersionAddedData = DocumentVersionData;
export interface DocumentVisibilityChangedData {
  projectId: string;
  documentId: string;
  public: boolean;
}
export interface DocumentRemovedData {
  projectId: string;
  documentId: string;
  reason: string;
}

export type QuestionAskedV2 = DomainEvent<'QuestionAsked', QuestionAskedV2Data>;
export type QuestionAssigned = DomainEvent<'QuestionAssigned', QuestionAssignedData>;
export type QuestionTakenInCharge = DomainEvent<'QuestionTakenInCharge', QuestionTakenInChargeData>;
export type QuestionAnsweredV2 = DomainEvent<'QuestionAnswered', QuestionAnsweredV2Data>;
export type QuestionClosed = DomainEvent<'QuestionClosed', QuestionClosedData>;
export type QuestionReopened = DomainEvent<'QuestionReopened', QuestionReopenedData>;
export type MessagePosted = DomainEvent<'MessagePosted', MessagePostedData>;
export type InternalNoteAdded = DomainEvent<'InternalNoteAdded', InternalNoteAddedData>;
export type DocumentAdded = DomainEvent<'DocumentAdded', DocumentAddedData>;
export type DocumentVersionAdded = DomainEvent<'DocumentVersionAdded', DocumentVersionAddedData>;
export type DocumentVisibilityChanged = DomainEvent<'DocumentVisibilityChanged', DocumentVisibilityChangedData>;
export type DocumentRemoved = DomainEvent<'DocumentRemoved', DocumentRemovedData>;

/** Event types whose payload a commune member must never see (search, notifications, exports, pages). */
export const INTERNAL_EVENT_TYPES: readonly string[] = ['InternalNoteAdded'];
