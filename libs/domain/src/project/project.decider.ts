import { DomainError, isCommuneRole, isDepartementRole, type Actor, type DecisionContext, type Decider } from '../shared/decider.js';
import { MONEY_MAX_EUROS, moneyFault, moneyMessage } from '../shared/money.js';
import { decideFinancing, evolveFinancing, initialFinancingState, type FinancingState } from '../financing/project-financing.js';
import { decideDocument, evolveDocuments, type DocumentState } from './project-documents.js';
import { QUESTION_ROUTING, reopenedStatus, type DepartementTeam, type QuestionAssignee, type QuestionStatus } from './follow-up.events.js';
import type { ProjectCommand } from './project.commands.js';
import { upcastProjectEvent } from './project.upcasters.js';
import { decideLocation, type ProjectLocation } from './project-location.js';
import { decidePublication, evolvePublication, type PublicationDraft, type PublicationStatus } from './project-publication.js';
import {
  PROJECT_EVENT_VERSIONS,
  PROJECT_STEPS,
  PROJECT_THEMES,
  type ProjectDetailsChangedData,
  type ProjectEvent,
  type ProjectStep,
  type ProjectTheme,
} from './project.events.js';


/** What the decider needs to know of one question. */
export interface QuestionState {
  status: QuestionStatus;
  team: DepartementTeam;
  assignee: QuestionAssignee | null;
  answers: number;
}

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
  questions: Record<string, QuestionState>;
  publication: PublicationStatus;
  /** The latest version of the public content (requested or revised); null before any request (rules in project-publication.ts). */
  publicationDraft: PublicationDraft | null;
  /** The version the public sees; null when nothing is public. */
  approvedVersion: number | null;
  /** Partner organisations involved in the project. */
  partners: string[];
  /** Document id → version, visibility, removal (rules in project-documents.ts). */
  documents: Record<string, DocumentState>;
  /** The precise point; null: the commune as a whole (rules in project-location.ts). */
  location: ProjectLocation | null;
  /** The financing plan (rules in financing/project-financing.ts). */
  financing: FinancingState;
}

export const TITLE_MAX = 160;
export const DESCRIPTION_MAX = 5000;
export const TEXT_MAX = 4000;
export const COST_MAX = MONEY_MAX_EUROS;
/** At most this many documents attached to a question, an answer or a message. */
export const DOCUMENTS_MAX = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

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
  publicationDraft: null,
  approvedVersion: null,
  partners: [],
  documents: {},
  location: null,
  financing: initialFinancingState(),
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
  const fault = moneyFault(cost);
  if (fault) throw new DomainError('invalid_cost', moneyMessage('Le coût estimé', fault), 'invalid', 'estimatedCostHt');
}

/** Commune members act on their own commune's projects; Département staff on all. */
function canManage(actor: Actor, codeInsee: string): boolean {
  if (isDepartementRole(actor.role)) return true;
  return isCommuneRole(actor.role) && actor.communeInsee === codeInsee;
}

/** Ids of project documents: UUIDs, each once, at most DOCUMENTS_MAX (their existence is the documents context's business). */
function documentIdsOf(ids: string[] | undefined): string[] {
  const list = ids ?? [];
  if (list.length > DOCUMENTS_MAX) {
    throw new DomainError('too_many_documents', `Joignez au plus ${DOCUMENTS_MAX} documents.`, 'invalid', 'documentIds');
  }
  if (list.some((id) => typeof id !== 'string' || !UUID.test(id))) {
    throw new DomainError('invalid_document', 'Un document joint n’est pas reconnu (identifiant invalide).', 'invalid', 'documentIds');
  }
  return [...new Set(list.map((id) => id.toLowerCase()))];
}

const isInvolvedPartner = (actor: Actor, state: ProjectState): boolean =>
  actor.role === 'partner_member' && !!actor.organisationId && state.partners.includes(actor.organisationId);

/** Département staff and members of an involved partner organisation: who works on questions and reads notes. */
const isAdviser = (actor: Actor, state: ProjectState): boolean => isDepartementRole(actor.role) || isInvolvedPartner(actor, state);

const isOwnCommune = (actor: Actor, state: ProjectState): boolean => isCommuneRole(actor.role) && actor.communeInsee === state.codeInsee;

function requireQuestion(state: ProjectState, questionId: string): QuestionState {
  const question = state.questions[questionId];
  if (!question) throw new DomainError('question_not_found', 'Cette question n’existe pas sur ce projet.', 'not_found', 'questionId');
  return question;
}

function requireNotClosed(question: QuestionState): void {
  if (question.status === 'close') {
    throw new DomainError('question_closed', 'Cette question est close : la commune peut la rouvrir si besoin.', 'conflict');
  }
}

const assigneeOf = (actor: Actor): QuestionAssignee =>
  actor.role === 'partner_member' ? { accountId: actor.id, kind: 'partner', organisationId: actor.organisationId ?? null } : { accountId: actor.id, kind: 'agent', organisationId: null };

function forbid(message: string): never {
  throw new DomainError('forbidden', message, 'forbidden');
}

function requireExisting(state: ProjectState): void {
  if (!state.exists) throw new DomainError('project_not_found', 'Ce projet n’existe pas.', 'not_found');
}

function decide(command: ProjectCommand, state: ProjectState, context: DecisionContext): ProjectEvent[] {
  const { actor, newId } = context;
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
      if (command.theme !== undefined) {
        if (!(PROJECT_THEMES as readonly unknown[]).includes(command.theme)) {
          throw new DomainError('invalid_theme', 'Choisissez un thème dans la liste.', 'invalid', 'theme');
        }
        if (command.theme !== state.theme) changes.theme = command.theme;
      }
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
        if (state.publication === 'requested' || state.publication === 'published') {
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
          // Routing is decided once, when asked: a later change of QUESTION_ROUTING does not move old questions.
          team: QUESTION_ROUTING[command.category],
          documentIds: documentIdsOf(command.documentIds),
        }),
      ];
    }
    case 'AnswerQuestion': {
      if (!isAdviser(actor, state)) {
        forbid('Seuls les agents du Département et les partenaires associés au projet répondent aux questions.');
      }
      requireNotClosed(requireQuestion(state, command.questionId));
      const contactId = command.contactId ?? null;
      if (contactId !== null && !UUID.test(contactId)) {
        throw new DomainError('invalid_contact', 'Le contact recommandé n’est pas reconnu.', 'invalid', 'contactId');
      }
      return [
        event('QuestionAnswered', {
          projectId,
          questionId: command.questionId,
          answerId: newId('answer'),
          text: requireText(command.text, 'text', 'La réponse', TEXT_MAX),
          documentIds: documentIdsOf(command.documentIds),
          contactId,
        }),
      ];
    }
    case 'AssignQuestion': {
      if (!isDepartementRole(actor.role)) forbid('Seul le Département attribue une question à un agent ou à un partenaire.');
      const question = requireQuestion(state, command.questionId);
      requireNotClosed(question);
      const { assignee } = command;
      if (assignee.kind === 'partner' && (!assignee.organisationId || !state.partners.includes(assignee.organisationId))) {
        throw new DomainError(
          'partner_not_involved',
          'Cette personne appartient à une organisation qui n’est pas associée au projet : associez d’abord son organisation.',
          'invalid',
          'assigneeId',
        );
      }
      if (question.assignee?.accountId === assignee.accountId) {
        throw new DomainError('already_assigned', 'Cette question est déjà attribuée à cette personne.', 'conflict', 'assigneeId');
      }
      return [event('QuestionAssigned', { projectId, questionId: command.questionId, assignee })];
    }
    case 'TakeQuestionInCharge': {
      if (!isAdviser(actor, state)) {
        forbid('Seuls les agents du Département et les partenaires associés au projet prennent en charge les questions.');
      }
      const question = requireQuestion(state, command.questionId);
      requireNotClosed(question);
      if (question.status === 'prise_en_charge' && question.assignee?.accountId === actor.id) {
        throw new DomainError('already_taken', 'Vous avez déjà pris en charge cette question.', 'conflict');
      }
      // A partner does not take over a question the Département gave to someone else.
      if (actor.role === 'partner_member' && question.assignee && question.assignee.accountId !== actor.id) {
        forbid('Cette question est attribuée à une autre personne.');
      }
      return [event('QuestionTakenInCharge', { projectId, questionId: command.questionId, assignee: assigneeOf(actor) })];
    }
    case 'CloseQuestion': {
      if (!isOwnCommune(actor, state) && !isDepartementRole(actor.role)) {
        forbid('Seuls la commune et le Département peuvent clore une question.');
      }
      const question = requireQuestion(state, command.questionId);
      if (question.status === 'close') throw new DomainError('already_closed', 'Cette question est déjà close.', 'conflict');
      return [event('QuestionClosed', { projectId, questionId: command.questionId })];
    }
    case 'ReopenQuestion': {
      if (!isOwnCommune(actor, state)) forbid('Seule la commune qui a posé la question peut la rouvrir.');
      const question = requireQuestion(state, command.questionId);
      if (question.status !== 'repondue' && question.status !== 'close') {
        throw new DomainError('not_answered', 'Seule une question répondue ou close peut être rouverte.', 'conflict');
      }
      const reason = requireText(command.reason, 'reason', 'Le motif de réouverture', TEXT_MAX);
      return [event('QuestionReopened', { projectId, questionId: command.questionId, reason })];
    }
    case 'PostMessage': {
      if (!isOwnCommune(actor, state) && !isAdviser(actor, state)) {
        forbid('Seuls la commune, le Département et les partenaires associés échangent sur ce projet.');
      }
      return [
        event('MessagePosted', {
          projectId,
          messageId: newId('message'),
          text: requireText(command.text, 'text', 'Le message', TEXT_MAX),
          documentIds: documentIdsOf(command.documentIds),
        }),
      ];
    }
    case 'AddInternalNote': {
      if (!isAdviser(actor, state)) forbid('Les notes internes sont réservées au Département et aux partenaires associés.');
      const questionId = command.questionId ?? null;
      if (questionId !== null) requireQuestion(state, questionId);
      return [event('InternalNoteAdded', { projectId, noteId: newId('note'), text: requireText(command.text, 'text', 'La note', TEXT_MAX), questionId })];
    }
    case 'RequestPublication':
    case 'RevisePublication':
    case 'PublishProject':
    case 'WithdrawPublication':
      return decidePublication(
        command,
        {
          projectId,
          codeInsee: state.codeInsee,
          title: state.title,
          finished: state.step === 'termine',
          publication: state.publication,
          draft: state.publicationDraft,
          approvedVersion: state.approvedVersion,
          documents: state.documents,
          location: state.location,
        },
        context,
      );
    case 'LocateProject':
      return decideLocation(command, state, context);
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
    case 'SetFinancingCost':
    case 'RequestFunding':
    case 'GrantFunding':
    case 'PayFunding':
    case 'RefuseFunding':
    case 'ReviseFunding':
    case 'ChooseOwnShareRule':
    case 'SaveSimulation':
    case 'RequestFundingFromSimulation':
      return decideFinancing(command, { projectId, codeInsee: state.codeInsee, financing: state.financing }, context);
  }
}

const withQuestion = (state: ProjectState, questionId: string, change: (q: QuestionState) => Partial<QuestionState>): ProjectState => {
  const question = state.questions[questionId];
  return question ? { ...state, questions: { ...state.questions, [questionId]: { ...question, ...change(question) } } } : state;
};

function evolve(state: ProjectState, stored: ProjectEvent): ProjectState {
  const e = upcastProjectEvent(stored);
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
      return { ...state, questions: { ...state.questions, [e.data.questionId]: { status: 'nouvelle', team: e.data.team, assignee: null, answers: 0 } } };
    case 'QuestionAnswered':
      return withQuestion(state, e.data.questionId, (q) => ({ status: 'repondue', answers: q.answers + 1 }));
    case 'QuestionAssigned':
      return withQuestion(state, e.data.questionId, () => ({ assignee: e.data.assignee }));
    case 'QuestionTakenInCharge':
      return withQuestion(state, e.data.questionId, () => ({ status: 'prise_en_charge', assignee: e.data.assignee }));
    case 'QuestionClosed':
      return withQuestion(state, e.data.questionId, () => ({ status: 'close' }));
    case 'QuestionReopened':
      return withQuestion(state, e.data.questionId, (q) => ({ status: reopenedStatus(q.assignee) }));
    case 'MessagePosted':
    case 'InternalNoteAdded':
      return state;
    case 'PublicationRequested':
    case 'PublicationRevised':
    case 'ProjectPublished':
    case 'PublicationWithdrawn': {
      const next = evolvePublication({ title: state.title, publication: state.publication, draft: state.publicationDraft, approvedVersion: state.approvedVersion }, e);
      return { ...state, publication: next.publication, publicationDraft: next.draft, approvedVersion: next.approvedVersion };
    }
    case 'PartnerInvolved':
      return { ...state, partners: [...state.partners, e.data.organisationId] };
    case 'DocumentAdded':
    case 'DocumentVersionAdded':
    case 'DocumentVisibilityChanged':
    case 'DocumentRemoved':
      return { ...state, documents: evolveDocuments(state.documents, e) };
    case 'ProjectLocated':
      return { ...state, location: e.data.location };
    case 'FinancingCostSet':
    case 'FundingLineRequested':
    case 'FundingLineGranted':
    case 'FundingInstalmentPaid':
    case 'FundingLineRefused':
    case 'FundingLineRevised':
    case 'OwnShareRuleChosen':
    case 'SimulationRun':
      return { ...state, financing: evolveFinancing(state.financing, e) };
    default:
      // Events of other contexts on the project stream (documents…) do not change what this decider decides.
      return state;
  }
}

/** The Project aggregate as a pure decider. */
export const projectDecider: Decider<ProjectCommand, ProjectEvent, ProjectState> = {
  decide,
  evolve,
  initialState: initialProjectState,
};
