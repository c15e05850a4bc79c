import { Inject, Injectable } from '@nestjs/common';
import type { CommandAccepted, FaqDraftAccepted, FaqEntryRequest, ProposeFaqEntryRequest } from '@carnet/contracts';
import type { AccountStore } from '@carnet/account-store';
import {
  DomainError,
  QUESTION_ROUTING,
  anonymise,
  faqAskingDecider,
  faqAskingStreamId,
  faqEntryDecider,
  faqStreamId,
  faqUsageDecider,
  faqUsageStreamId,
  isCommuneRole,
  isDepartementRole,
  maySeeFaqEntry,
  projectStreamId,
  upcastProjectEvent,
  type Actor,
  type FaqEntryCommand,
  type QuestionAnsweredV2Data,
  type QuestionAskedV2Data,
} from '@carnet/domain';
import type { EventStore, RecordedEvent } from '@carnet/event-store';
import { CommuneCatalog } from '../../communes/commune-catalog.js';
import { ACCOUNT_STORE, EVENT_STORE } from '../../infrastructure/tokens.js';
import type { CommandOptions } from '../../shared/command-options.js';
import { DeciderRunner } from '../../shared/decider-runner.js';
import { deterministicUuid } from '../../shared/deterministic-id.js';
import { ProblemException } from '../../shared/problem.js';
import { inDepartementOf, projectNotFound } from '../../projects/project-access.js';

const ENTRY_SUBJECT = { title: 'Cette entrée a été modifiée entre-temps', name: 'l’entrée' };

export const faqEntryNotFound = () =>
  new ProblemException(404, 'faq_not_found', 'Entrée introuvable', 'Cette entrée de la foire aux questions n’existe pas, ou vous ne pouvez pas la lire.');

/**
 * The FAQ's commands (ADR 0018): each reads the streams it needs, runs a pure decider from
 * libs/domain and appends. The entry's stream decides; votes, openings and asking sessions have
 * streams of their own so that people using the FAQ never conflict with its editors.
 */
@Injectable()
export class FaqCommands {
  constructor(
    private readonly runner: DeciderRunner,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
    private readonly communes: CommuneCatalog,
  ) {}

  private entry(entryId: string, command: FaqEntryCommand, actor: Actor, options: CommandOptions, hideUnseen = true): Promise<CommandAccepted> {
    return this.runner.run(faqEntryDecider, {
      id: entryId,
      streamId: faqStreamId(entryId),
      command,
      actor,
      options,
      subject: ENTRY_SUBJECT,
      // Whoever may not read the entry learns nothing about it: 404 before any rule.
      guard: (state) => {
        if (hideUnseen && !maySeeFaqEntry(actor, { status: state.status, audience: state.content?.audience ?? null, proposedBy: state.proposedBy, departement: state.departement ?? this.communes.departement })) throw faqEntryNotFound();
      },
    });
  }

  draft(request: FaqEntryRequest, actor: Actor, options: CommandOptions): Promise<CommandAccepted> {
    const entryId = this.newEntryId(actor, options);
    const { reason: _r, ...content } = request;
    return this.entry(entryId, { type: 'DraftFaqEntry', entryId, ...content, sourceQuestions: [] }, actor, options, false);
  }

  propose(request: ProposeFaqEntryRequest, actor: Actor, options: CommandOptions): Promise<CommandAccepted> {
    const entryId = this.newEntryId(actor, options);
    return this.entry(entryId, { type: 'ProposeFaqEntry', entryId, ...request }, actor, options, false);
  }

  /**
   * « Proposer pour la FAQ »: a draft made from an answered question and its latest answer, with
   * the names of people and communes the system knows, e-mail addresses and phone numbers removed.
   */
  async draftFromQuestion(projectId: string, questionId: string, actor: Actor, options: CommandOptions): Promise<FaqDraftAccepted> {
    if (!isDepartementRole(actor.role)) {
      throw new DomainError('forbidden', 'Seul le Département transforme une question en entrée de la foire aux questions.', 'forbidden');
    }
    const stream = (await this.events.readStream(projectStreamId(projectId))).map((e) => upcastProjectEvent(e));
    // Another Département's project is not this agent's to know of (issue #17), nor one that does not exist.
    const codeInsee = (stream.find((e) => e.type === 'ProjectCreated')?.data as { codeInsee?: string } | undefined)?.codeInsee;
    if (!codeInsee || !inDepartementOf(actor, codeInsee)) throw projectNotFound(projectId);
    const asked = stream.find((e) => e.type === 'QuestionAsked' && (e.data as QuestionAskedV2Data).questionId === questionId);
    if (!asked) throw new ProblemException(404, 'question_not_found', 'Question introuvable', 'Cette question n’existe pas dans ce projet.');
    const answers = stream.filter((e) => e.type === 'QuestionAnswered' && (e.data as QuestionAnsweredV2Data).questionId === questionId);
    if (answers.length === 0) throw new DomainError('not_answered', 'Cette question n’a pas encore de réponse : répondez-y avant de la proposer pour la FAQ.', 'conflict');
    const question = asked.data as QuestionAskedV2Data;
    const answer = (answers[answers.length - 1].data as QuestionAnsweredV2Data).text;
    const names = await this.knownNames();
    const q = anonymise(question.text, names);
    const a = anonymise(answer, names);
    const entryId = this.newEntryId(actor, options);
    const result = await this.entry(
      entryId,
      {
        type: 'DraftFaqEntry',
        entryId,
        question: q.text.slice(0, 300),
        answer: a.text.slice(0, 6000),
        category: question.category,
        keywords: [],
        team: question.team ?? QUESTION_ROUTING[question.category],
        // For the communes until the agent decides it may be public.
        audience: 'communes',
        sourceQuestions: [{ projectId, questionId }],
      },
      actor,
      options,
      false,
    );
    const sum = (k: keyof typeof q.removed) => q.removed[k] + a.removed[k];
    return { ...result, removed: { names: sum('names'), emails: sum('emails'), phones: sum('phones'), communes: sum('communes') } };
  }

  revise(entryId: string, request: FaqEntryRequest, actor: Actor, options: CommandOptions): Promise<CommandAccepted> {
    const { reason, ...content } = request;
    return this.entry(entryId, { type: 'ReviseFaqEntry', ...content, reason: reason ?? null }, actor, options);
  }

  changeStatus(entryId: string, command: Exclude<FaqEntryCommand, { type: 'DraftFaqEntry' | 'ProposeFaqEntry' | 'ReviseFaqEntry' }>, actor: Actor, options: CommandOptions): Promise<CommandAccepted> {
    return this.entry(entryId, command, actor, options);
  }

  async vote(entryId: string, useful: boolean, actor: Actor, options: CommandOptions): Promise<CommandAccepted> {
    const entryVisible = await this.publishedFor(entryId, actor);
    return this.runner.run(faqUsageDecider, {
      id: entryId,
      streamId: faqUsageStreamId(entryId),
      command: { type: 'VoteOnFaqEntry', entryId, useful, entryVisible },
      actor,
      options: { ...options, expectedVersion: undefined },
      redecideOnConflict: true,
    });
  }

  async open(entryId: string, actor: Actor, options: CommandOptions): Promise<CommandAccepted> {
    const entryVisible = await this.publishedFor(entryId, actor);
    return this.runner.run(faqUsageDecider, {
      id: entryId,
      streamId: faqUsageStreamId(entryId),
      command: { type: 'OpenFaqEntry', entryId, entryVisible },
      actor,
      options: { ...options, expectedVersion: undefined },
      redecideOnConflict: true,
    });
  }

  /** A commune member opened a suggestion while writing a question on one of their projects. */
  async openSuggestion(askingId: string, projectId: string, entryId: string, actor: Actor, options: CommandOptions): Promise<CommandAccepted> {
    if (!isCommuneRole(actor.role)) throw new DomainError('forbidden', 'Les suggestions s’adressent aux communes qui écrivent une question.', 'forbidden');
    await this.requireOwnProject(projectId, actor);
    const entryVisible = await this.publishedFor(entryId, actor);
    return this.runner.run(faqAskingDecider, {
      id: askingId,
      streamId: faqAskingStreamId(askingId),
      command: { type: 'OpenSuggestion', askingId, projectId, entryId, entryVisible },
      actor,
      options: { ...options, expectedVersion: undefined },
      redecideOnConflict: true,
      subject: { title: 'Cette session a changé entre-temps', name: 'la session' },
    });
  }

  /**
   * The person closed or left the question form without sending it. Whether they asked a question
   * on the project since the session's first opening is read from the project's stream.
   */
  async abandon(askingId: string, actor: Actor, options: CommandOptions): Promise<CommandAccepted> {
    const session = await this.events.readStream(faqAskingStreamId(askingId));
    const first = session[0];
    let questionSentSince = false;
    if (first && first.metadata.actorId === actor.id) {
      const projectId = (first.data as { projectId: string }).projectId;
      const project = await this.events.readStream(projectStreamId(projectId));
      questionSentSince = project.some((e) => e.type === 'QuestionAsked' && e.metadata.actorId === actor.id && e.metadata.recordedAt >= first.metadata.recordedAt);
    }
    return this.runner.run(faqAskingDecider, {
      id: askingId,
      streamId: faqAskingStreamId(askingId),
      command: { type: 'AbandonQuestion', askingId, questionSentSince },
      actor,
      options: { ...options, expectedVersion: undefined },
      redecideOnConflict: true,
      subject: { title: 'Cette session a changé entre-temps', name: 'la session' },
    });
  }

  private newEntryId(actor: Actor, options: CommandOptions): string {
    return deterministicUuid(`faq-entry:${this.runner.commandId(actor, options)}`);
  }

  /** Whether the entry is published and the person may read it (decided on the entry's stream). */
  private async publishedFor(entryId: string, actor: Actor): Promise<boolean> {
    const { state } = await this.runner.state(faqEntryDecider, faqStreamId(entryId));
    return state.status === 'published' && maySeeFaqEntry(actor, { status: state.status, audience: state.content?.audience ?? null, proposedBy: state.proposedBy, departement: state.departement ?? this.communes.departement });
  }

  private async requireOwnProject(projectId: string, actor: Actor): Promise<void> {
    const created = (await this.events.readStream(projectStreamId(projectId)))[0] as RecordedEvent | undefined;
    const codeInsee = (created?.data as { codeInsee?: string } | undefined)?.codeInsee;
    if (!codeInsee || actor.communeInsee !== codeInsee) {
      throw new ProblemException(404, 'project_not_found', 'Projet introuvable', 'Ce projet n’existe pas, ou vous ne pouvez pas le voir.');
    }
  }

  /** The names the anonymiser removes: accounts, contacts of the directory, the communes of the département. */
  private async knownNames(): Promise<{ personNames: string[]; communeNames: string[] }> {
    const [accounts, contacts] = await Promise.all([this.accounts.listAccounts(), this.accounts.listContacts()]);
    return {
      personNames: [...accounts.filter((a) => a.status !== 'erased').map((a) => a.displayName), ...contacts.map((c) => c.name)],
      communeNames: this.communes.all().map((c) => c.name),
    };
  }
}
