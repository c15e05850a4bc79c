import type { ActorView, ProjectTheme } from './index.js';

/**
 * Follow-up of a project (issue #4): questions as work items, the conversation, internal notes,
 * the contacts directory and the « À traiter » queue. Codes in English, labels in French.
 */

export type DepartementTeam = 'accompagnement' | 'aides' | 'juridique' | 'ingenierie';
export type QuestionStatus = 'nouvelle' | 'prise_en_charge' | 'repondue' | 'close';

export const TEAM_LABELS: Record<DepartementTeam, string> = {
  accompagnement: 'Mission d’accompagnement des communes',
  aides: 'Service des aides aux communes',
  juridique: 'Conseil juridique aux collectivités',
  ingenierie: 'Ingénierie territoriale',
};

export const QUESTION_STATUS_LABELS: Record<QuestionStatus, string> = {
  nouvelle: 'Nouvelle',
  prise_en_charge: 'Prise en charge',
  repondue: 'Répondue',
  close: 'Clôturée',
};

/** Who a question is assigned to, with their name looked up at read time. */
export interface QuestionAssigneeView {
  person: ActorView;
  kind: 'agent' | 'partner';
  organisationId: string | null;
  organisationName: string | null;
}

/** A contact as shown next to an answer. */
export interface ContactCard {
  id: string;
  name: string;
  jobTitle: string;
  organisation: string;
  email: string | null;
  phone: string | null;
}

/** A contact of the directory (personal data: kept out of the event log). */
export interface ContactView extends ContactCard {
  themes: ProjectTheme[];
  /** Empty: the whole département; otherwise the INSEE codes of the communes covered. */
  communes: string[];
  /** The platform account of this person, when they have one. */
  accountId: string | null;
  archived: boolean;
  updatedAt: string;
}

export interface ContactRequest {
  name: string;
  jobTitle: string;
  organisation: string;
  email?: string | null;
  phone?: string | null;
  themes: ProjectTheme[];
  communes: string[];
  accountId?: string | null;
}

export interface MessageView {
  id: string;
  text: string;
  at: string;
  by: ActorView;
  documentIds: string[];
}

export interface NoteView {
  id: string;
  text: string;
  at: string;
  by: ActorView;
  questionId: string | null;
}

export interface PostMessageRequest {
  text: string;
  documentIds?: string[];
}
export interface AddNoteRequest {
  text: string;
  questionId?: string | null;
}
export interface AssignQuestionRequest {
  /** Account id of an agent or of a member of an involved partner organisation. */
  assigneeId: string;
}
export interface ReopenQuestionRequest {
  reason: string;
}

/** Someone a question can be assigned to, for the « Attribuer » list of a project. */
export interface AssigneeOption {
  id: string;
  name: string;
  kind: 'agent' | 'partner';
  teams: DepartementTeam[];
  organisationName: string | null;
}

/** One question in the « À traiter » queue. */
export interface QueueItem {
  projectId: string;
  projectTitle: string;
  communeName: string;
  questionId: string;
  category: string;
  text: string;
  status: QuestionStatus;
  team: DepartementTeam;
  assignee: ActorView | null;
  askedAt: string;
  waitingSince: string | null;
  overdue: boolean;
}

/** What is waiting for the person asking (agents and partner members). */
export interface WaitingQueue {
  /** Teams of the person (empty for a partner member, or an agent attached to no team). */
  teams: DepartementTeam[];
  assignedToMe: QueueItem[];
  /** Unassigned questions of my teams (agents) or of the projects my organisation follows (partners). */
  unassigned: QueueItem[];
  /** Questions waiting longer than `overdueDays`, among the two lists above. */
  overdue: QueueItem[];
  overdueDays: number;
}
