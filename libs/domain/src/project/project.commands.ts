import type { FinancingCommand } from '../financing/project-financing.js';
import type { PublicationCommand } from './project-publication.js';
import type { DocumentCommand } from './project-documents.js';
import type { LocateProject } from './project-location.js';
import type { QuestionAssignee } from './follow-up.events.js';
import type { ProjectStep, ProjectTheme, QuestionCategory } from './project.events.js';

export interface CreateProject {
  type: 'CreateProject';
  projectId: string;
  codeInsee: string;
  title: string;
  description: string;
  theme: ProjectTheme;
  estimatedCostHt: number | null;
}
export interface ChangeProjectDetails {
  type: 'ChangeProjectDetails';
  title?: string;
  description?: string;
  theme?: ProjectTheme;
  estimatedCostHt?: number | null;
}
export interface ChangeStep {
  type: 'ChangeStep';
  step: ProjectStep;
  progress: number;
  /** Required when going back to an earlier step. */
  comment?: string | null;
}
export interface AskQuestion {
  type: 'AskQuestion';
  category: QuestionCategory;
  text: string;
  /** Ids of project documents attached to the question. */
  documentIds?: string[];
}
export interface AnswerQuestion {
  type: 'AnswerQuestion';
  questionId: string;
  text: string;
  documentIds?: string[];
  /** A contact of the directory the answer recommends (its existence is checked by the handler). */
  contactId?: string | null;
}
/** Département staff give a question to an agent or to a member of an involved partner organisation. */
export interface AssignQuestion {
  type: 'AssignQuestion';
  questionId: string;
  /** Built by the handler from the account store: kind and organisation are facts, not user input. */
  assignee: QuestionAssignee;
}
/** The acting agent or partner member takes the question in charge (and becomes its assignee). */
export interface TakeQuestionInCharge {
  type: 'TakeQuestionInCharge';
  questionId: string;
}
export interface CloseQuestion {
  type: 'CloseQuestion';
  questionId: string;
}
/** The commune reopens an answered or closed question, saying why. */
export interface ReopenQuestion {
  type: 'ReopenQuestion';
  questionId: string;
  reason: string;
}
/** A message in the conversation between the commune and the Département. */
export interface PostMessage {
  type: 'PostMessage';
  text: string;
  documentIds?: string[];
}
/** An internal note, never shown to the commune. */
export interface AddInternalNote {
  type: 'AddInternalNote';
  text: string;
  questionId?: string | null;
}

/** The Département involves a partner organisation: its members then see and follow the project. */
export interface InvolvePartner {
  type: 'InvolvePartner';
  organisationId: string;
}

export type ProjectCommand =
  | CreateProject
  | ChangeProjectDetails
  | ChangeStep
  | AskQuestion
  | AnswerQuestion
  | PublicationCommand
  | InvolvePartner
  | DocumentCommand
  | AssignQuestion
  | TakeQuestionInCharge
  | CloseQuestion
  | ReopenQuestion
  | PostMessage
  | AddInternalNote
  | LocateProject
  | FinancingCommand;
