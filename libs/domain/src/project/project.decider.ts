import { DomainError, isCommuneRole, isDepartementRole, type Actor, type DecisionContext, type Decider } from '../shared/decider.js';
import { decideDocument, evolveDocuments, type DocumentState } from './project-documents.js';
import type { ProjectCommand } from './project.commands.js';
import {
  PROJECT_EVENT_VERSIONS,
  PROJECT_STEPS,
  type ProjectDetailsChangedData,
  type ProjectEvent,
  type ProjectStep,
  type ProjectTheme,
} from './project.events.js';

export type PublicationState = 'none' | 'requested' | 'published';

export interface ProjectState {
  exists: boolean;
  projectId: string;
  codeInsee: string;
  title: string;
  description: string;
  theme: ProjectTheme;
  estimatedCostHt: number | null;
  step: ProjectStep;
  progress: number;
  /** Question id → number of answers. */
  questions: Record<string, number>;
  publication: PublicationState;
  /** Partner organisations involved in the project. */
  partners: string[];
  /** Document id → version, visibility, removal (rules in project-documents.ts). */
  documents: Record<string, DocumentState>;
}

export const TITLE_MAX = 160;
export const DESCRIPTION_MAX = 5000;
export const TEXT_MAX = 4000;
export const COST_MAX = 1_000_000_000;

export const initialProjectState = (): ProjectState => ({
  exists: false,
  projectId: '',
  codeInsee: '',
  title: '',
  description: '',
  theme: 'autre',
  estimatedCostHt: null,
  step: 'idee',
  progress: 0,
  questions: {},
  publication: 'none',
  partners: [],
  documents: {},
});

const stepIndex = (step: ProjectStep): number => PROJECT_STEPS.indexOf(step);

function event<E extends ProjectEvent>(type: E['type'], data: E['data']): E {
  return { type, schemaVersion: PROJECT_EVENT_VERSIONS[type], data } as E;
}

function requireText(value: string | undefined | null, field: string, label: string, max: number): string {
  const text = (value ?? '').trim();
  if (!text) throw new DomainError('required', `${label} est obligatoire.`, 'invalid', field);
  if (text.length > max) throw new DomainError('too_long', `${label} dépasse ${max} caractères.`, 'invalid', field);
  return text;
}

function checkCost(cost: number | null | undefined): void {
  if (cost === null || cost === undefined) return;
  if (!Number.isFinite(cost) || cost < 0 || cost > COST_MAX) {
    throw new DomainError('invalid_cost', 'Le coût estimé doit être un montant positif en euros HT.', 'invalid', 'estimatedCostHt');
  }
}

/** Commune members act on their own commune's projects; Département staff on all. */
function canManage(actor: Actor, codeInsee: string): boolean {
  if (isDepartementRole(actor.role)) return true;
  return isCommuneRole(actor.role) && actor.communeInsee === codeInsee;
}

function forbid(message: string): never {
  throw new DomainError('forbidden', message, 'forbidden');
}

function requireExisting(state: ProjectState): void {
  if (!state.exists) throw new DomainError('project_not_found', 'Ce projet n’existe pas.', 'not_found');
}

function decide(command: ProjectCommand, state: ProjectState, { actor, newId }: DecisionContext): ProjectEvent[] {
  if (actor.role === 'auditor') forbid('Un auditeur consulte les projets mais ne peut pas les modifier.');
  if (command.type === 'CreateProject') {
    if (state.exists) throw new DomainError('project_exists', 'Ce projet existe déjà.', 'conflict');
    if (!/^\d[0-9AB]\d{3}$/.test(command.codeInsee)) {
      throw new DomainError('invalid_commune', 'Le code INSEE de la commune est invalide.', 'invalid', 'codeInsee');
    }
    if (!canManage(actor, command.codeInsee)) forbid('Vous ne pouvez créer des projets que pour votre commune.');
    checkCost(command.estimatedCostHt);
    return [
      event('ProjectCreated', {
        projectId: command.projectId,
        codeInsee: command.codeInsee,
        title: requireText(command.title, 'title', 'Le titre', TITLE_MAX),
        description: (command.description ?? '').trim().slice(0, DESCRIPTION_MAX),
        theme: command.theme,
        estimatedCostHt: command.estimatedCostHt ?? null,
      }),
    ];
  }

  requireExisting(state);
  const projectId = state.projectId;
  switch (command.type) {
    case 'ChangeProjectDetails': {
      if (!canManage(actor, state.codeInsee)) forbid('Vous ne pouvez modifier que les projets de votre commune.');
      const changes: ProjectDetailsChangedData = { projectId };
      if (command.title !== undefined) {
        const title = requireText(command.title, 'title', 'Le titre', TITLE_MAX);
        if (title !== state.title) changes.title = title;
      }
      if (command.description !== undefined) {
        const description = (command.description ?? '').trim();
        if (description.length > DESCRIPTION_MAX) {
          throw new DomainError('too_long', `La description dépasse ${DESCRIPTION_MAX} caractères.`, 'invalid', 'description');
        }
        if (description !== state.description) changes.description = description;
      }
      if (command.theme !== undefined && command.theme !== state.theme) changes.theme = command.theme;
      if (command.estimatedCostHt !== undefined) {
        checkCost(command.estimatedCostHt);
        if (command.estimatedCostHt !== state.estimatedCostHt) changes.estimatedCostHt = command.estimatedCostHt;
      }
      if (Object.keys(changes).length === 1) {
        throw new DomainError('no_change', 'Aucune modification : les informations sont déjà à jour.', 'invalid');
      }
      return [event('ProjectDetailsChanged', changes)];
    }
    case 'ChangeStep': {
      if (!canManage(actor, state.codeInsee)) forbid('Vous ne pouvez modifier que les projets de votre commune.');
      const { step: to, progress } = command;
      if (!Number.isInteger(progress) || progress < 0 || progress > 100) {
        throw new DomainError('invalid_progress', 'L’avancement doit être un pourcentage entier entre 0 et 100.', 'invalid', 'progress');
      }
      if (to === 'termine' && progress !== 100) {
        throw new DomainError('finished_means_100', 'Un projet terminé est avancé à 100 %.', 'invalid', 'progress');
      }
      const comment = command.comment?.trim() || null;
      if (comment && comment.length > TEXT_MAX) {
        throw new DomainError('too_long', `Le commentaire dépasse ${TEXT_MAX} caractères.`, 'invalid', 'comment');
      }
      const from = state.step;
      if (stepIndex(to) > stepIndex(from)) {
        return [event('StepAdvanced', { projectId, from, to, progress, comment })];
      }
      if (stepIndex(to) < stepIndex(from)) {
        if (!comment) {
          throw new DomainError('reason_required', 'Indiquez pourquoi le projet revient à une étape précédente.', 'invalid', 'comment');
        }
        if (state.publication !== 'none') {
          throw new DomainError('published_locked', 'Un projet dont la publication est demandée ne peut plus revenir en arrière.', 'conflict');
        }
        return [event('StepReverted', { projectId, from, to, progress, reason: comment })];
      }
      if (progress === state.progress) {
        throw new DomainError('no_change', 'Le projet est déjà à cette étape avec cet avancement.', 'invalid', 'progress');
      }
      return [event('ProgressUpdated', { projectId, step: to, progress, comment })];
    }
    case 'AskQuestion': {
      if (!isCommuneRole(actor.role) || actor.communeInsee !== state.codeInsee) {
        forbid('Seuls les élus et collaborateurs de la commune posent des questions sur ce projet.');
      }
      return [
        event('QuestionAsked', {
          projectId,
          questionId: newId('question'),
          category: command.category,
          text: requireText(command.text, 'text', 'La question', TEXT_MAX),
        }),
      ];
    }
    case 'AnswerQuestion': {
      const involvedPartner = actor.role === 'partner_member' && !!actor.organisationId && state.partners.includes(actor.organisationId);
      if (!isDepartementRole(actor.role) && !involvedPartner) {
        forbid('Seuls les agents du Département et les partenaires associés au projet répondent aux questions.');
      }
      if (!(command.questionId in state.questions)) {
        throw new DomainError('question_not_found', 'Cette question n’existe pas sur ce projet.', 'not_found', 'questionId');
      }
      return [
        event('QuestionAnswered', {
          projectId,
          questionId: command.questionId,
          answerId: newId('answer'),
          text: requireText(command.text, 'text', 'La réponse', TEXT_MAX),
        }),
      ];
    }
    case 'RequestPublication': {
      if (!isCommuneRole(actor.role) || actor.communeInsee !== state.codeInsee) {
        forbid('Seule la commune peut demander la publication de son projet.');
      }
      if (state.step !== 'termine') {
        throw new DomainError('not_finished', 'Seul un projet terminé peut être publié.', 'conflict');
      }
      if (state.publication === 'published') {
        throw new DomainError('already_published', 'Ce projet est déjà publié.', 'conflict');
      }
      return [event('PublicationRequested', { projectId, summary: requireText(command.summary, 'summary', 'Le résumé public', DESCRIPTION_MAX) })];
    }
    case 'PublishProject': {
      if (actor.role !== 'commune_mayor' || actor.communeInsee !== state.codeInsee) {
        forbid('Seul le maire de la commune peut approuver la publication.');
      }
      if (state.publication === 'published') throw new DomainError('already_published', 'Ce projet est déjà publié.', 'conflict');
      if (state.publication !== 'requested') {
        throw new DomainError('not_requested', 'La publication doit d’abord être demandée.', 'conflict');
      }
      return [event('ProjectPublished', { projectId })];
    }
    case 'InvolvePartner': {
      if (!isDepartementRole(actor.role)) forbid('Seul le Département associe une organisation partenaire à un projet.');
      if (state.partners.includes(command.organisationId)) {
        throw new DomainError('already_involved', 'Cette organisation est déjà associée au projet.', 'conflict');
      }
      return [event('PartnerInvolved', { projectId, organisationId: command.organisationId })];
    }
    case 'AddDocument':
    case 'AddDocumentVersion':
    case 'ChangeDocumentVisibility':
    case 'RemoveDocument':
      return decideDocument(command, state, actor);
  }
}

function evolve(state: ProjectState, e: ProjectEvent): ProjectState {
  switch (e.type) {
    case 'ProjectCreated':
      return {
        ...initialProjectState(),
        exists: true,
        projectId: e.data.projectId,
        codeInsee: e.data.codeInsee,
        title: e.data.title,
        description: e.data.description,
        theme: e.data.theme,
        estimatedCostHt: e.data.estimatedCostHt,
      };
    case 'ProjectDetailsChanged': {
      const { projectId: _id, ...changes } = e.data;
      return { ...state, ...changes };
    }
    case 'StepAdvanced':
    case 'StepReverted':
      return { ...state, step: e.data.to, progress: e.data.progress };
    case 'ProgressUpdated':
      return { ...state, progress: e.data.progress };
    case 'QuestionAsked':
      return { ...state, questions: { ...state.questions, [e.data.questionId]: 0 } };
    case 'QuestionAnswered':
      return { ...state, questions: { ...state.questions, [e.data.questionId]: (state.questions[e.data.questionId] ?? 0) + 1 } };
    case 'PublicationRequested':
      return { ...state, publication: 'requested' };
    case 'ProjectPublished':
      return { ...state, publication: 'published' };
    case 'PartnerInvolved':
      return { ...state, partners: [...state.partners, e.data.organisationId] };
    case 'DocumentAdded':
    case 'DocumentVersionAdded':
    case 'DocumentVisibilityChanged':
    case 'DocumentRemoved':
      return { ...state, documents: evolveDocuments(state.documents, e) };
  }
}

/** The Project aggregate as a pure decider. */
export const projectDecider: Decider<ProjectCommand, ProjectEvent, ProjectState> = {
  decide,
  evolve,
  initialState: initialProjectState,
};
