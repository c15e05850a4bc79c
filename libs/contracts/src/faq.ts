import type { ExcerptPart } from './search.js';
import type { QuestionCategory } from './index.js';
import type { DepartementTeam } from './follow-up.js';

/** Collaborative FAQ (issue #11, ADR 0018): request and response shapes, French labels. */

export type FaqAudience = 'communes' | 'public';
export type FaqStatus = 'draft' | 'proposed' | 'published' | 'unpublished' | 'declined' | 'archived';

export const FAQ_STATUS_LABELS: Record<FaqStatus, string> = {
  draft: 'Brouillon',
  proposed: 'Proposée par une commune',
  published: 'Publiée',
  unpublished: 'Retirée de la publication',
  declined: 'Proposition refusée',
  archived: 'Archivée',
};

export const FAQ_AUDIENCE_LABELS: Record<FaqAudience, string> = {
  communes: 'Communes seulement (connectées)',
  public: 'Tout public (aussi sur le portail)',
};

/** French names of the FAQ's event types (history, audit). */
export const FAQ_EVENT_TYPE_LABELS: Record<string, string> = {
  FaqEntryDrafted: 'Entrée de FAQ rédigée',
  FaqEntryProposed: 'Entrée de FAQ proposée par une commune',
  FaqEntryRevised: 'Entrée de FAQ modifiée',
  FaqEntryPublished: 'Entrée de FAQ publiée',
  FaqEntryUnpublished: 'Entrée de FAQ retirée de la publication',
  FaqEntryArchived: 'Entrée de FAQ archivée',
  FaqEntryDeclined: 'Proposition de FAQ refusée',
  FaqEntryVerified: 'Entrée de FAQ vérifiée',
  FaqEntryVoted: 'Avis sur une entrée de FAQ',
  FaqEntryOpened: 'Entrée de FAQ consultée',
  FaqQuestionAvoided: 'Question évitée grâce à la FAQ',
};

/** Writing or revising an entry (Département). */
export interface FaqEntryRequest {
  question: string;
  answer: string;
  category: QuestionCategory;
  keywords: string[];
  team: DepartementTeam;
  audience: FaqAudience;
  /** Why (revisions only, optional). */
  reason?: string;
}

/** A commune proposes an entry: the team and audience are the Département's choice. */
export interface ProposeFaqEntryRequest {
  question: string;
  answer: string;
  category: QuestionCategory;
  keywords: string[];
}

/** `POST /api/faq/entries/from-question`: an anonymised draft made from an answered question. */
export interface DraftFromQuestionRequest {
  projectId: string;
  questionId: string;
}

export interface FaqDraftAccepted {
  id: string;
  version: number;
  position: number;
  /** What the anonymiser removed, for the review screen. */
  removed: { names: number; emails: number; phones: number; communes: number };
}

/** One entry as a person reads it. Staff fields are null for everyone else. */
export interface FaqEntryView {
  id: string;
  question: string;
  answer: string;
  category: QuestionCategory;
  categoryLabel: string;
  keywords: string[];
  team: DepartementTeam;
  teamLabel: string;
  audience: FaqAudience;
  status: FaqStatus;
  statusLabel: string;
  /** « vérifiée le … »: last revision, publication or check (ISO-8601). */
  verifiedAt: string;
  /** Stream version, for If-Match. */
  version: number;
  /** The reader's own vote (null: none, or not logged in). */
  myVote: boolean | null;
  /** Staff and auditors only. */
  usefulCount: number | null;
  notUsefulCount: number | null;
  openedCount: number | null;
  /** Staff and auditors only: the questions it was made from. */
  sourceQuestions: Array<{ projectId: string; questionId: string }> | null;
  /** The commune that proposed it (staff, and that commune), else null. */
  proposedBy: { codeInsee: string; name: string } | null;
  /** Why a proposal was declined or an entry unpublished (staff, and the proposing commune). */
  statusReason: string | null;
  /** Staff: a source answer changed after the entry's last revision. */
  sourceChangedAt: string | null;
  /** Staff: not revised nor checked for 12 months. */
  reviewDue: boolean;
  /** Matched words, in search results. */
  excerpt?: ExcerptPart[];
}

/** `GET /api/faq/entries?q=&category=&status=`. */
export interface FaqEntryList {
  total: number;
  items: FaqEntryView[];
}

/** `GET /api/faq/suggestions?q=`: the five closest published entries. */
export interface FaqSuggestion {
  id: string;
  question: string;
  answer: string;
  categoryLabel: string;
  excerpt: ExcerptPart[];
}

/** `GET /api/faq/stats`: the Département's figures, last 12 months, oldest first. */
export interface FaqMonthUsage {
  month: string;
  label: string;
  opened: number;
  votes: number;
  avoided: number;
}
export interface FaqStats {
  generatedAt: string;
  publishedCount: number;
  months: FaqMonthUsage[];
  totals: { opened: number; votes: number; avoided: number };
}

/** `GET /api/faq/entries/:id/history`: the entry's stream. */
export interface FaqHistoryEntry {
  position: number;
  revision: number;
  type: string;
  typeLabel: string;
  at: string;
  actor: { id: string; name: string; role: string; roleLabel: string };
  summary: string;
  why: string | null;
  /** What changed (« avant → après »), from the fold of the events before this one. */
  changes: Array<{ field: string; label: string; before: string; after: string }>;
}
export interface FaqHistory {
  entryId: string;
  question: string;
  entries: FaqHistoryEntry[];
}

/** A piece of an answer: plain text, or a web address shown as a link. */
export interface AnswerPart {
  text: string;
  href: string | null;
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?»)’']/g;

/** Splits an answer (plain text) into text and links: only http(s) addresses become links. */
export function answerParts(text: string): AnswerPart[] {
  const parts: AnswerPart[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    if (m.index! > last) parts.push({ text: text.slice(last, m.index), href: null });
    parts.push({ text: m[0], href: m[0] });
    last = m.index! + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), href: null });
  return parts;
}
