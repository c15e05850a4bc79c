import type { DocumentCommand } from './project-documents.js';
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
}
export interface AnswerQuestion {
  type: 'AnswerQuestion';
  questionId: string;
  text: string;
}
export interface RequestPublication {
  type: 'RequestPublication';
  summary: string;
}
export interface PublishProject {
  type: 'PublishProject';
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
  | RequestPublication
  | PublishProject
  | InvolvePartner
  | DocumentCommand;
