import type { DomainEvent } from '../shared/decider.js';
import type { DepartementTeam } from '../project/follow-up.events.js';
import type { QuestionCategory } from '../project/project.events.js';

/*
 * The collaborative FAQ (issue #11, ADR 0018). Each entry has its own stream `faq-<uuid>`; what
 * people do with the entries (votes, openings, questions avoided) goes to streams of their own so
 * that an entry's history holds only its editorial life.
 * As in the rest of the log, people are named by account id only (the actor is in the metadata).
 */

/** Who may read a published entry: logged-in people only, or also the public portal. */
export const FAQ_AUDIENCES = ['communes', 'public'] as const;
export type FaqAudience = (typeof FAQ_AUDIENCES)[number];

/** brouillon → publiée ⇄ dépubliée → archivée; proposée (by a commune) → publiée or refusée. */
export const FAQ_STATUSES = ['draft', 'proposed', 'published', 'unpublished', 'declined', 'archived'] as const;
export type FaqStatus = (typeof FAQ_STATUSES)[number];

/** An answered question an entry was made from (shown to the Département only, never through the FAQ). */
export interface FaqSourceQuestion {
  projectId: string;
  questionId: string;
}

/** What a person reads in an entry. */
export interface FaqContent {
  question: string;
  /** Plain text; addresses starting with https:// become links when shown. */
  answer: string;
  category: QuestionCategory;
  keywords: string[];
  /** The Département team that owns the entry and keeps it up to date. */
  team: DepartementTeam;
  audience: FaqAudience;
}

export interface FaqEntryDraftedData extends FaqContent {
  entryId: string;
  sourceQuestions: FaqSourceQuestion[];
  /**
   * The Département whose FAQ it belongs to: its author's (issue #17). Absent from entries drafted
   * before: they belong to the instance's home Département.
   */
  departement?: string;
}
export interface FaqEntryProposedData extends FaqContent {
  entryId: string;
  /** The commune whose member proposed it. */
  communeInsee: string;
}
export interface FaqEntryRevisedData extends FaqContent {
  entryId: string;
  /** Why, when the editor says it. */
  reason: string | null;
}
export interface FaqEntryPublishedData {
  entryId: string;
}
export interface FaqEntryUnpublishedData {
  entryId: string;
  reason: string;
}
export interface FaqEntryArchivedData {
  entryId: string;
  reason: string | null;
}
export interface FaqEntryDeclinedData {
  entryId: string;
  reason: string;
}
/** The owning team checked the entry and found it still right (« vérifiée le … »). */
export interface FaqEntryVerifiedData {
  entryId: string;
}

export type FaqEntryDrafted = DomainEvent<'FaqEntryDrafted', FaqEntryDraftedData>;
export type FaqEntryProposed = DomainEvent<'FaqEntryProposed', FaqEntryProposedData>;
export type FaqEntryRevised = DomainEvent<'FaqEntryRevised', FaqEntryRevisedData>;
export type FaqEntryPublished = DomainEvent<'FaqEntryPublished', FaqEntryPublishedData>;
export type FaqEntryUnpublished = DomainEvent<'FaqEntryUnpublished', FaqEntryUnpublishedData>;
export type FaqEntryArchived = DomainEvent<'FaqEntryArchived', FaqEntryArchivedData>;
export type FaqEntryDeclined = DomainEvent<'FaqEntryDeclined', FaqEntryDeclinedData>;
export type FaqEntryVerified = DomainEvent<'FaqEntryVerified', FaqEntryVerifiedData>;
export type FaqEntryEvent =
  | FaqEntryDrafted
  | FaqEntryProposed
  | FaqEntryRevised
  | FaqEntryPublished
  | FaqEntryUnpublished
  | FaqEntryArchived
  | FaqEntryDeclined
  | FaqEntryVerified;

/** Where a person opened an entry: from the suggestions beside the question form, or on the FAQ page. */
export type FaqOpenedFrom = 'suggestion' | 'faq';

/** A person found an entry useful (or not); the last vote of a person counts. */
export interface FaqEntryVotedData {
  entryId: string;
  useful: boolean;
}
/** A person opened an entry's answer. */
export interface FaqEntryOpenedData {
  entryId: string;
  from: FaqOpenedFrom;
  /** The asking session (suggestions only), else null. */
  askingId: string | null;
  /** The project the question was being written on (suggestions only), else null. */
  projectId: string | null;
}
/** « Question évitée »: see ADR 0018 for the exact rule. */
export interface FaqQuestionAvoidedData {
  askingId: string;
  projectId: string;
  /** The entries opened during the session. */
  entryIds: string[];
}

export type FaqEntryVoted = DomainEvent<'FaqEntryVoted', FaqEntryVotedData>;
export type FaqEntryOpened = DomainEvent<'FaqEntryOpened', FaqEntryOpenedData>;
export type FaqQuestionAvoided = DomainEvent<'FaqQuestionAvoided', FaqQuestionAvoidedData>;
export type FaqUsageEvent = FaqEntryVoted | FaqEntryOpened;
export type FaqAskingEvent = FaqEntryOpened | FaqQuestionAvoided;

export const FAQ_EVENT_VERSIONS: Record<FaqEntryEvent['type'] | FaqEntryVoted['type'] | FaqEntryOpened['type'] | FaqQuestionAvoided['type'], number> = {
  FaqEntryDrafted: 1,
  FaqEntryProposed: 1,
  FaqEntryRevised: 1,
  FaqEntryPublished: 1,
  FaqEntryUnpublished: 1,
  FaqEntryArchived: 1,
  FaqEntryDeclined: 1,
  FaqEntryVerified: 1,
  FaqEntryVoted: 1,
  FaqEntryOpened: 1,
  FaqQuestionAvoided: 1,
};

/** The stream of one entry: `faq-<uuid>`. */
export const faqStreamId = (entryId: string): string => `faq-${entryId}`;
export const FAQ_STREAM_PREFIX = 'faq-';
/** Votes and openings on the FAQ page of one entry: `faqusage-<uuid>`. */
export const faqUsageStreamId = (entryId: string): string => `faqusage-${entryId}`;
/** One asking session (a person writing a question on a project): `faqasking-<uuid>`. */
export const faqAskingStreamId = (askingId: string): string => `faqasking-${askingId}`;

/** An entry not revised nor checked for this long is listed to its team for review. */
export const FAQ_REVIEW_AFTER_DAYS = 365;

/** Limits of an entry's fields (the JSON Schemas say the same). */
export const FAQ_LIMITS = { question: 300, answer: 6000, keywords: 12, keyword: 40, reason: 500, sources: 20 } as const;
