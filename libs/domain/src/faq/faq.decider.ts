import { DomainError, isCommuneRole, isDepartementRole, type Actor, type DecisionContext, type Decider } from '../shared/decider.js';
import { DEPARTEMENT_TEAMS, QUESTION_ROUTING } from '../project/follow-up.events.js';
import { QUESTION_CATEGORIES } from '../project/project.events.js';
import { departementOfCommune } from '../commune/departement.js';
import {
  FAQ_AUDIENCES,
  FAQ_EVENT_VERSIONS,
  FAQ_LIMITS,
  type FaqAskingEvent,
  type FaqContent,
  type FaqEntryEvent,
  type FaqSourceQuestion,
  type FaqStatus,
  type FaqUsageEvent,
} from './faq.events.js';

/*
 * THE RULES OF THE FAQ (issue #11, ADR 0018), as three pure deciders:
 * - `faqEntryDecider`: the editorial life of one entry (Département staff write and publish;
 *   a commune member may propose; an auditor changes nothing);
 * - `faqUsageDecider`: votes (one per person, the last one counts) and openings from the FAQ page;
 * - `faqAskingDecider`: an asking session, to count the questions the FAQ avoided.
 */

export interface DraftFaqEntry extends FaqContent {
  type: 'DraftFaqEntry';
  entryId: string;
  sourceQuestions: FaqSourceQuestion[];
}
export interface ProposeFaqEntry extends Omit<FaqContent, 'team' | 'audience'> {
  type: 'ProposeFaqEntry';
  entryId: string;
}
export interface ReviseFaqEntry extends FaqContent {
  type: 'ReviseFaqEntry';
  reason: string | null;
}
export interface PublishFaqEntry {
  type: 'PublishFaqEntry';
}
export interface UnpublishFaqEntry {
  type: 'UnpublishFaqEntry';
  reason: string;
}
export interface ArchiveFaqEntry {
  type: 'ArchiveFaqEntry';
  reason: string | null;
}
export interface DeclineFaqEntry {
  type: 'DeclineFaqEntry';
  reason: string;
}
export interface VerifyFaqEntry {
  type: 'VerifyFaqEntry';
}
export type FaqEntryCommand = DraftFaqEntry | ProposeFaqEntry | ReviseFaqEntry | PublishFaqEntry | UnpublishFaqEntry | ArchiveFaqEntry | DeclineFaqEntry | VerifyFaqEntry;

export interface FaqEntryState {
  entryId: string | null;
  status: FaqStatus | null;
  content: FaqContent | null;
  /** The commune that proposed the entry, if a commune did. */
  proposedBy: string | null;
  /** The Département whose FAQ it is; null for an entry drafted before entries named one (the home Département's). */
  departement: string | null;
}

export const initialFaqEntryState = (): FaqEntryState => ({ entryId: null, status: null, content: null, proposedBy: null, departement: null });

function event<E extends FaqEntryEvent | FaqUsageEvent | FaqAskingEvent>(type: E['type'], data: E['data']): E {
  return { type, schemaVersion: FAQ_EVENT_VERSIONS[type], data } as E;
}

const invalid = (field: string, message: string) => new DomainError('invalid_faq_entry', message, 'invalid', field);

/** Trims and checks an entry's content; throws a French message naming the field. */
export function checkFaqContent(content: FaqContent): FaqContent {
  const question = content.question.trim();
  const answer = content.answer.trim();
  if (question.length < 5) throw invalid('question', 'Écrivez la question (5 caractères au moins).');
  if (question.length > FAQ_LIMITS.question) throw invalid('question', `La question dépasse ${FAQ_LIMITS.question} caractères.`);
  if (!answer) throw invalid('answer', 'Écrivez la réponse.');
  if (answer.length > FAQ_LIMITS.answer) throw invalid('answer', `La réponse dépasse ${FAQ_LIMITS.answer} caractères.`);
  if (!(QUESTION_CATEGORIES as readonly string[]).includes(content.category)) throw invalid('category', 'Choisissez une catégorie.');
  if (!(DEPARTEMENT_TEAMS as readonly string[]).includes(content.team)) throw invalid('team', 'Choisissez l’équipe du Département responsable.');
  if (!(FAQ_AUDIENCES as readonly string[]).includes(content.audience)) throw invalid('audience', 'Choisissez à qui s’adresse la réponse.');
  const keywords = [...new Set(content.keywords.map((k) => k.trim()).filter(Boolean))];
  if (keywords.length > FAQ_LIMITS.keywords) throw invalid('keywords', `${FAQ_LIMITS.keywords} mots-clés au plus.`);
  if (keywords.some((k) => k.length > FAQ_LIMITS.keyword)) throw invalid('keywords', `Un mot-clé fait ${FAQ_LIMITS.keyword} caractères au plus.`);
  return { question, answer, category: content.category, keywords, team: content.team, audience: content.audience };
}

const sameContent = (a: FaqContent, b: FaqContent): boolean =>
  a.question === b.question && a.answer === b.answer && a.category === b.category && a.team === b.team && a.audience === b.audience && a.keywords.join('\n') === b.keywords.join('\n');

function requireReason(reason: string, message: string): string {
  const r = reason.trim();
  if (!r) throw new DomainError('reason_required', message, 'invalid', 'reason');
  if (r.length > FAQ_LIMITS.reason) throw new DomainError('reason_too_long', `Le motif dépasse ${FAQ_LIMITS.reason} caractères.`, 'invalid', 'reason');
  return r;
}

const optionalReason = (reason: string | null): string | null => {
  const r = reason?.trim() ?? '';
  if (r.length > FAQ_LIMITS.reason) throw new DomainError('reason_too_long', `Le motif dépasse ${FAQ_LIMITS.reason} caractères.`, 'invalid', 'reason');
  return r || null;
};

function wrongStatus(message: string): DomainError {
  return new DomainError('faq_wrong_status', message, 'conflict');
}

function decideEntry(command: FaqEntryCommand, state: FaqEntryState, { actor }: DecisionContext): FaqEntryEvent[] {
  if (actor.role === 'auditor') throw new DomainError('forbidden', 'Un auditeur consulte mais ne peut rien modifier.', 'forbidden');
  if (command.type === 'ProposeFaqEntry') {
    if (!isCommuneRole(actor.role) || !actor.communeInsee) {
      throw new DomainError('forbidden', 'Seuls les élus et collaborateurs d’une commune proposent une entrée ; le Département la rédige directement.', 'forbidden');
    }
    if (state.status) throw new DomainError('faq_exists', 'Cette entrée existe déjà.', 'conflict');
    // A commune's proposal goes to the team its category routes to; it is for the communes until an agent decides otherwise.
    const content = checkFaqContent({ ...command, team: QUESTION_ROUTING[command.category], audience: 'communes' });
    return [event('FaqEntryProposed', { entryId: command.entryId, ...content, communeInsee: actor.communeInsee })];
  }
  if (!isDepartementRole(actor.role)) {
    throw new DomainError('forbidden', 'Seul le Département rédige, publie et retire les entrées de la foire aux questions.', 'forbidden');
  }
  if (command.type === 'DraftFaqEntry') {
    if (state.status) throw new DomainError('faq_exists', 'Cette entrée existe déjà.', 'conflict');
    if (command.sourceQuestions.length > FAQ_LIMITS.sources) throw invalid('sourceQuestions', `${FAQ_LIMITS.sources} questions d’origine au plus.`);
    const content = checkFaqContent(command);
    // The entry belongs to its author's Département (issue #17).
    return [event('FaqEntryDrafted', { entryId: command.entryId, ...content, sourceQuestions: command.sourceQuestions, ...(actor.departement ? { departement: actor.departement } : {}) })];
  }
  if (!state.status || !state.entryId || !state.content) throw new DomainError('faq_not_found', 'Cette entrée de la foire aux questions n’existe pas.', 'not_found');
  const entryId = state.entryId;
  switch (command.type) {
    case 'ReviseFaqEntry': {
      if (state.status === 'archived') throw wrongStatus('Une entrée archivée ne se modifie plus.');
      if (state.status === 'declined') throw wrongStatus('Une proposition refusée ne se modifie plus.');
      const content = checkFaqContent(command);
      if (sameContent(content, state.content)) throw new DomainError('nothing_changed', 'Rien n’a changé : modifiez la question, la réponse ou ses informations.', 'invalid');
      return [event('FaqEntryRevised', { entryId, ...content, reason: optionalReason(command.reason) })];
    }
    case 'PublishFaqEntry':
      if (state.status === 'published') throw wrongStatus('Cette entrée est déjà publiée.');
      if (state.status === 'archived' || state.status === 'declined') throw wrongStatus('Une entrée archivée ou refusée ne se publie plus.');
      return [event('FaqEntryPublished', { entryId })];
    case 'UnpublishFaqEntry':
      if (state.status !== 'published') throw wrongStatus('Seule une entrée publiée peut être retirée de la publication.');
      return [event('FaqEntryUnpublished', { entryId, reason: requireReason(command.reason, 'Dites pourquoi l’entrée est retirée.') })];
    case 'ArchiveFaqEntry':
      if (state.status === 'archived') throw wrongStatus('Cette entrée est déjà archivée.');
      return [event('FaqEntryArchived', { entryId, reason: optionalReason(command.reason) })];
    case 'DeclineFaqEntry':
      if (state.status !== 'proposed') throw wrongStatus('Seule une proposition d’une commune peut être refusée.');
      return [event('FaqEntryDeclined', { entryId, reason: requireReason(command.reason, 'Dites à la commune pourquoi sa proposition est refusée.') })];
    case 'VerifyFaqEntry':
      if (state.status !== 'published') throw wrongStatus('Seule une entrée publiée se vérifie.');
      return [event('FaqEntryVerified', { entryId })];
  }
}

function evolveEntry(state: FaqEntryState, e: FaqEntryEvent): FaqEntryState {
  switch (e.type) {
    case 'FaqEntryDrafted': {
      const { entryId, sourceQuestions: _s, departement, ...content } = e.data;
      return { entryId, status: 'draft', content, proposedBy: null, departement: departement ?? null };
    }
    case 'FaqEntryProposed': {
      const { entryId, communeInsee, ...content } = e.data;
      return { entryId, status: 'proposed', content, proposedBy: communeInsee, departement: departementOfCommune(communeInsee) };
    }
    case 'FaqEntryRevised': {
      const { entryId: _e, reason: _r, ...content } = e.data;
      return { ...state, content };
    }
    case 'FaqEntryPublished':
      return { ...state, status: 'published' };
    case 'FaqEntryUnpublished':
      return { ...state, status: 'unpublished' };
    case 'FaqEntryArchived':
      return { ...state, status: 'archived' };
    case 'FaqEntryDeclined':
      return { ...state, status: 'declined' };
    default:
      return state;
  }
}

/** The editorial life of one FAQ entry. */
export const faqEntryDecider: Decider<FaqEntryCommand, FaqEntryEvent, FaqEntryState> = { decide: decideEntry, evolve: evolveEntry, initialState: initialFaqEntryState };

/**
 * Whether a person may read an entry in the app (published ones; the rest for staff and auditors), of
 * their own Département's FAQ (`state.departement`, the home one resolved by the caller for older
 * entries; null: no Département to check). A visitor reads the public entries of every Département.
 */
export function maySeeFaqEntry(actor: Actor | null, state: { status: FaqStatus | null; audience: string | null; proposedBy: string | null; departement?: string | null }): boolean {
  if (!state.status) return false;
  if (actor && state.departement) {
    const own = actor.departement ?? (actor.communeInsee ? departementOfCommune(actor.communeInsee) : null);
    if (own !== state.departement) return false;
  }
  if (actor && (isDepartementRole(actor.role) || actor.role === 'auditor')) return true;
  if (state.status === 'published') return actor !== null || state.audience === 'public';
  // A commune follows its own proposals (and reads why one was declined).
  return !!actor && isCommuneRole(actor.role) && actor.communeInsee !== null && actor.communeInsee === state.proposedBy && (state.status === 'proposed' || state.status === 'declined');
}

// ——— Votes and openings from the FAQ page ———

export interface VoteOnFaqEntry {
  type: 'VoteOnFaqEntry';
  entryId: string;
  useful: boolean;
  /** Whether the entry is published and readable by the voter (the handler reads the entry's stream). */
  entryVisible: boolean;
}
export interface OpenFaqEntry {
  type: 'OpenFaqEntry';
  entryId: string;
  entryVisible: boolean;
}
export type FaqUsageCommand = VoteOnFaqEntry | OpenFaqEntry;

export interface FaqUsageState {
  /** The last vote of each person. */
  votes: Record<string, boolean>;
}

/** Voters are the actors of the events: the usage fold needs them, so it reads the metadata the runner passes along. */
type WithActor<E> = E & { metadata?: { actorId?: string } };

function decideUsage(command: FaqUsageCommand, state: FaqUsageState, { actor }: DecisionContext): FaqUsageEvent[] {
  if (actor.role === 'auditor') throw new DomainError('forbidden', 'Un auditeur consulte mais ne peut rien modifier.', 'forbidden');
  if (!command.entryVisible) throw new DomainError('faq_not_found', 'Cette entrée de la foire aux questions n’existe pas ou n’est plus publiée.', 'not_found');
  if (command.type === 'OpenFaqEntry') return [event('FaqEntryOpened', { entryId: command.entryId, from: 'faq', askingId: null, projectId: null })];
  // One vote per person, changeable: the same vote again changes nothing.
  if (state.votes[actor.id] === command.useful) return [];
  return [event('FaqEntryVoted', { entryId: command.entryId, useful: command.useful })];
}

function evolveUsage(state: FaqUsageState, e: WithActor<FaqUsageEvent>): FaqUsageState {
  if (e.type !== 'FaqEntryVoted' || !e.metadata?.actorId) return state;
  return { votes: { ...state.votes, [e.metadata.actorId]: e.data.useful } };
}

/** Votes (one per person, changeable) and openings of one entry from the FAQ page. */
export const faqUsageDecider: Decider<FaqUsageCommand, FaqUsageEvent, FaqUsageState> = {
  decide: decideUsage,
  evolve: evolveUsage,
  initialState: () => ({ votes: {} }),
};

// ——— Asking sessions: suggestions opened, questions avoided ———

export interface OpenSuggestion {
  type: 'OpenSuggestion';
  askingId: string;
  projectId: string;
  entryId: string;
  entryVisible: boolean;
}
/**
 * The person closed or left the question form without sending it. `questionSentSince` says whether
 * they asked a question on that project after the session's first opening (the handler reads the
 * project's stream): then nothing was avoided.
 */
export interface AbandonQuestion {
  type: 'AbandonQuestion';
  askingId: string;
  questionSentSince: boolean;
}
export type FaqAskingCommand = OpenSuggestion | AbandonQuestion;

export interface FaqAskingState {
  projectId: string | null;
  /** Who writes the question: a session belongs to one person. */
  personId: string | null;
  opened: string[];
  avoided: boolean;
}

function decideAsking(command: FaqAskingCommand, state: FaqAskingState, { actor }: DecisionContext): FaqAskingEvent[] {
  if (!isCommuneRole(actor.role)) throw new DomainError('forbidden', 'Les suggestions s’adressent aux communes qui écrivent une question.', 'forbidden');
  if (state.personId && state.personId !== actor.id) throw new DomainError('faq_asking_not_found', 'Cette session de question n’existe pas.', 'not_found');
  switch (command.type) {
    case 'OpenSuggestion':
      if (!command.entryVisible) throw new DomainError('faq_not_found', 'Cette entrée de la foire aux questions n’existe pas ou n’est plus publiée.', 'not_found');
      if (state.projectId && state.projectId !== command.projectId) throw invalid('projectId', 'Cette session concerne un autre projet.');
      if (state.avoided) throw wrongStatus('Cette session de question est terminée.');
      return [event('FaqEntryOpened', { entryId: command.entryId, from: 'suggestion', askingId: command.askingId, projectId: command.projectId })];
    case 'AbandonQuestion':
      // Nothing to count when no suggestion was opened, when it was already counted, or when the question was sent after all.
      if (!state.projectId || state.opened.length === 0 || state.avoided || command.questionSentSince) return [];
      return [event('FaqQuestionAvoided', { askingId: command.askingId, projectId: state.projectId, entryIds: [...new Set(state.opened)] })];
  }
}

function evolveAsking(state: FaqAskingState, e: WithActor<FaqAskingEvent>): FaqAskingState {
  switch (e.type) {
    case 'FaqEntryOpened':
      return { ...state, projectId: e.data.projectId, personId: state.personId ?? e.metadata?.actorId ?? null, opened: [...state.opened, e.data.entryId] };
    case 'FaqQuestionAvoided':
      return { ...state, avoided: true };
  }
}

/** One person writing a question on a project: the suggestions they opened, and whether the question was avoided. */
export const faqAskingDecider: Decider<FaqAskingCommand, FaqAskingEvent, FaqAskingState> = {
  decide: decideAsking,
  evolve: evolveAsking,
  initialState: () => ({ projectId: null, personId: null, opened: [], avoided: false }),
};
