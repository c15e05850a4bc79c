import type { DomainEvent } from '../shared/decider.js';
import type {
  DocumentAdded,
  DocumentRemoved,
  DocumentVersionAdded,
  DocumentVisibilityChanged,
  InternalNoteAdded,
  MessagePosted,
  QuestionAnsweredV2,
  QuestionAskedV2,
  QuestionAssigned,
  QuestionClosed,
  QuestionReopened,
  QuestionTakenInCharge,
} from './follow-up.events.js';
import type { ProjectLocated } from './project-location.js';
import type { FinancingEvent } from '../financing/financing.events.js';
import type { ProjectPublishedV2Data, PublicationRequestedV2Data, PublicationRevised, PublicationWithdrawn } from './publication.events.js';

/** The steps of a project, in order. */
export const PROJECT_STEPS = ['idee', 'etudes', 'financement', 'travaux', 'termine'] as const;
export type ProjectStep = (typeof PROJECT_STEPS)[number];

export const PROJECT_THEMES = [
  'ecole',
  'batiment_public',
  'voirie',
  'eclairage',
  'energie',
  'eau_assainissement',
  'espaces_verts',
  'sport_culture',
  'mobilite',
  'numerique',
  'patrimoine',
  'autre',
] as const;
export type ProjectTheme = (typeof PROJECT_THEMES)[number];

export const QUESTION_CATEGORIES = [
  'prochaine_etape',
  'financement',
  'interlocuteur',
  'juridique',
  'technique',
  'autre',
] as const;
export type QuestionCategory = (typeof QUESTION_CATEGORIES)[number];

export interface ProjectCreatedData {
  projectId: string;
  codeInsee: string;
  title: string;
  description: string;
  theme: ProjectTheme;
  /** Estimated cost excluding VAT, in euros; null when not yet known. */
  estimatedCostHt: number | null;
}
export interface ProjectDetailsChangedData {
  projectId: string;
  title?: string;
  description?: string;
  theme?: ProjectTheme;
  estimatedCostHt?: number | null;
}
export interface StepAdvancedData {
  projectId: string;
  from: ProjectStep;
  to: ProjectStep;
  progress: number;
  comment: string | null;
}
export interface StepRevertedData {
  projectId: string;
  from: ProjectStep;
  to: ProjectStep;
  progress: number;
  reason: string;
}
export interface ProgressUpdatedData {
  projectId: string;
  step: ProjectStep;
  progress: number;
  comment: string | null;
}
/** QuestionAsked v1 (stored before issue #4); read as v2 through `upcastProjectEvent`. */
export interface QuestionAskedData {
  projectId: string;
  questionId: string;
  category: QuestionCategory;
  text: string;
}
/** QuestionAnswered v1 (stored before issue #4); read as v2 through `upcastProjectEvent`. */
export interface QuestionAnsweredData {
  projectId: string;
  questionId: string;
  answerId: string;
  text: string;
}
/** v1: a summary alone (read as version 1 of a public content); v2: see publication.events.ts. */
export interface PublicationRequestedV1Data {
  projectId: string;
  summary: string;
}
export type PublicationRequestedData = PublicationRequestedV1Data | PublicationRequestedV2Data;
/** v1: no version (read as the approval of the version requested then); v2: see publication.events.ts. */
export type ProjectPublishedData = { projectId: string } | ProjectPublishedV2Data;
export interface PartnerInvolvedData {
  projectId: string;
  organisationId: string;
}

export type ProjectCreated = DomainEvent<'ProjectCreated', ProjectCreatedData>;
export type ProjectDetailsChanged = DomainEvent<'ProjectDetailsChanged', ProjectDetailsChangedData>;
export type StepAdvanced = DomainEvent<'StepAdvanced', StepAdvancedData>;
export type StepReverted = DomainEvent<'StepReverted', StepRevertedData>;
export type ProgressUpdated = DomainEvent<'ProgressUpdated', ProgressUpdatedData>;
/** The v1 shapes, as stored before issue #4. */
export type QuestionAsked = DomainEvent<'QuestionAsked', QuestionAskedData>;
export type QuestionAnswered = DomainEvent<'QuestionAnswered', QuestionAnsweredData>;
export type PublicationRequested = DomainEvent<'PublicationRequested', PublicationRequestedData>;
export type ProjectPublished = DomainEvent<'ProjectPublished', ProjectPublishedData>;
export type PartnerInvolved = DomainEvent<'PartnerInvolved', PartnerInvolvedData>;

export type ProjectEvent =
  | ProjectCreated
  | ProjectDetailsChanged
  | StepAdvanced
  | StepReverted
  | ProgressUpdated
  | QuestionAskedV2
  | QuestionAnsweredV2
  | PublicationRequested
  | ProjectPublished
  | PublicationRevised
  | PublicationWithdrawn
  | PartnerInvolved
  | DocumentAdded
  | DocumentVersionAdded
  | DocumentVisibilityChanged
  | DocumentRemoved
  | QuestionAssigned
  | QuestionTakenInCharge
  | QuestionClosed
  | QuestionReopened
  | MessagePosted
  | InternalNoteAdded
  | ProjectLocated
  | FinancingEvent;

export type ProjectEventType = ProjectEvent['type'];

/** Every project event type with its current schema version (one JSON Schema each in event-store/schemas). */
export const PROJECT_EVENT_VERSIONS: Record<ProjectEventType, number> = {
  ProjectCreated: 1,
  ProjectDetailsChanged: 1,
  StepAdvanced: 1,
  StepReverted: 1,
  ProgressUpdated: 1,
  QuestionAsked: 2,
  QuestionAnswered: 2,
  PublicationRequested: 3,
  ProjectPublished: 2,
  PublicationRevised: 2,
  PublicationWithdrawn: 1,
  PartnerInvolved: 1,
  DocumentAdded: 1,
  DocumentVersionAdded: 1,
  DocumentVisibilityChanged: 1,
  DocumentRemoved: 1,
  QuestionAssigned: 1,
  QuestionTakenInCharge: 1,
  QuestionClosed: 1,
  QuestionReopened: 1,
  MessagePosted: 1,
  InternalNoteAdded: 1,
  ProjectLocated: 1,
  FinancingCostSet: 1,
  FundingLineRequested: 1,
  FundingLineGranted: 1,
  FundingInstalmentPaid: 1,
  FundingLineRefused: 1,
  FundingLineRevised: 1,
  OwnShareRuleChosen: 1,
  SimulationRun: 1,
};

/** The stream of one project: `project-<uuid>`. */
export const projectStreamId = (projectId: string): string => `project-${projectId}`;
export const PROJECT_STREAM_PREFIX = 'project-';
