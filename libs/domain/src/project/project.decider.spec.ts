import { describe, expect, it } from '@jest/globals';
import { assertMatchesSchema, schemaNames } from '../testing/event-schemas.js';
import { DomainError, type Actor, type DecisionContext } from '../shared/decider.js';
import type { ProjectCommand } from './project.commands.js';
import { projectDecider } from './project.decider.js';
import { PROJECT_EVENT_VERSIONS, type ProjectEvent } from './project.events.js';

const PROJECT = '0b6f4d3e-2f7a-4c1e-9d2a-5b8c7e6f1a20';
const QUESTION = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const ANSWER = '7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910';
const MESSAGE = '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d';
const NOTE = '9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b';
const DOC = '5d41402a-bc4b-4a76-b971-9d911017c592';
const CONTACT = 'c0ffee00-1234-4abc-9def-0123456789ab';

const maire: Actor = { id: 'u-maire', displayName: 'Maire', role: 'commune_mayor', communeInsee: '95002' };
const adjoint: Actor = { id: 'u-adjoint', displayName: 'Adjoint', role: 'commune_member', communeInsee: '95002' };
const autreMaire: Actor = { id: 'u-autre', displayName: 'Autre maire', role: 'commune_mayor', communeInsee: '95446' };
const agent: Actor = { id: 'u-agent', displayName: 'Agent', role: 'departement_agent', communeInsee: null };
const partenaire: Actor = { id: 'u-caue', displayName: 'CAUE', role: 'partner_member', communeInsee: null, organisationId: 'org-caue-95' };
const auditeur: Actor = { id: 'u-audit', displayName: 'Auditeur', role: 'auditor', communeInsee: null };

/** A stand-in for SHA-256 in these pure tests (the API gives the real one): 64 hex digits that change with the value. */
export function fakeFingerprint(value: unknown): string {
  let h = 0x811c9dc5;
  for (const c of JSON.stringify(value)) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0').repeat(8);
}

const ctx = (actor: Actor): DecisionContext => ({
  actor,
  now: new Date('2026-03-01T10:00:00Z'),
  newId: (purpose) => ({ question: QUESTION, answer: ANSWER, message: MESSAGE, note: NOTE })[purpose] ?? ANSWER,
  fingerprint: fakeFingerprint,
  // A square commune around (2, 49): inside is 0 m away, outside is measured like the API does (roughly).
  placeInCommune: (codeInsee, { longitude, latitude }) => {
    if (codeInsee !== '95002') return { known: false };
    const dx = Math.max(0, Math.abs(longitude - 2) - 0.01) * 73_000;
    const dy = Math.max(0, Math.abs(latitude - 49) - 0.01) * 111_000;
    return { known: true, distanceMeters: Math.hypot(dx, dy) };
  },
});

/** given events, when a command by an actor, then events (each checked against its JSON Schema) or an error. */
function given(...history: ProjectEvent[]) {
  const state = history.reduce(projectDecider.evolve, projectDecider.initialState());
  return {
    when(command: ProjectCommand, actor: Actor = maire) {
      const run = () => projectDecider.decide(command, state, ctx(actor));
      return {
        then(expected: ProjectEvent[]) {
          const events = run();
          events.forEach(assertMatchesSchema);
          expect(events).toEqual(expected);
        },
        thenFails(code: string, kind?: DomainError['kind']) {
          try {
            run();
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            expect((error as DomainError).code).toBe(code);
            if (kind) expect((error as DomainError).kind).toBe(kind);
            expect((error as DomainError).message).toMatch(/[a-zé]/); // a French sentence for a person
            return;
          }
          throw new Error(`expected ${code}, but the command was accepted`);
        },
      };
    },
  };
}

const created: ProjectEvent = {
  type: 'ProjectCreated',
  schemaVersion: 1,
  data: { projectId: PROJECT, codeInsee: '95002', title: 'Toiture de l’école', description: 'Infiltrations', theme: 'ecole', estimatedCostHt: 185000 },
};
const toStep = (from: string, to: string, progress: number): ProjectEvent =>
  ({ type: 'StepAdvanced', schemaVersion: 1, data: { projectId: PROJECT, from, to, progress, comment: null } }) as ProjectEvent;
/** A question stored before issue #4 (v1): the decider reads it as v2 through the upcaster. */
const askedV1 = { type: 'QuestionAsked', schemaVersion: 1, data: { projectId: PROJECT, questionId: QUESTION, category: 'financement', text: 'Quelles aides ?' } } as unknown as ProjectEvent;
const asked: ProjectEvent = {
  type: 'QuestionAsked',
  schemaVersion: 2,
  data: { projectId: PROJECT, questionId: QUESTION, category: 'financement', text: 'Quelles aides ?', team: 'aides', documentIds: [] },
};
const answered: ProjectEvent = {
  type: 'QuestionAnswered',
  schemaVersion: 2,
  data: { projectId: PROJECT, questionId: QUESTION, answerId: ANSWER, text: 'La DETR.', documentIds: [], contactId: null },
};
const agentAssignee = { accountId: 'u-agent', kind: 'agent', organisationId: null } as const;
const taken: ProjectEvent = { type: 'QuestionTakenInCharge', schemaVersion: 1, data: { projectId: PROJECT, questionId: QUESTION, assignee: agentAssignee } };
const closed: ProjectEvent = { type: 'QuestionClosed', schemaVersion: 1, data: { projectId: PROJECT, questionId: QUESTION } };
const involved: ProjectEvent = { type: 'PartnerInvolved', schemaVersion: 1, data: { projectId: PROJECT, organisationId: 'org-caue-95' } };
const finished = [created, toStep('idee', 'travaux', 80), toStep('travaux', 'termine', 100)];
const requestedV1 = { type: 'PublicationRequested', schemaVersion: 1, data: { projectId: PROJECT, summary: 'Ce qui a marché' } } as ProjectEvent;
const contentInput = {
  title: 'Toiture de l’école refaite',
  summary: 'Ce qui a marché',
  finalCostHt: 182_000,
  funding: [{ source: 'DETR', amountHt: 54_600 }],
  lessonsLearned: 'Commander l’étude amiante tôt.',
  documentIds: [],
};
const { documentIds: _ids, ...contentFields } = contentInput;
const content = { ...contentFields, documents: [], location: null as { longitude: number; latitude: number } | null };
const requested: ProjectEvent = { type: 'PublicationRequested', schemaVersion: 3, data: { projectId: PROJECT, version: 1, content } };
const fingerprintOf = (version: number, c: typeof content) => fakeFingerprint({ projectId: PROJECT, version, content: c });

describe('Project decider', () => {
  describe('when creating a project', () => {
    const create: ProjectCommand = { type: 'CreateProject', projectId: PROJECT, codeInsee: '95002', title: '  Toiture de l’école ', description: 'Infiltrations', theme: 'ecole', estimatedCostHt: 185000 };

    it('records ProjectCreated with the trimmed title', () => given().when(create).then([created]));
    it('is refused for another commune’s member', () => given().when(create, autreMaire).thenFails('forbidden', 'forbidden'));
    it('is allowed to Département staff for any commune', () => given().when(create, agent).then([created]));
    it('is refused twice', () => given(created).when(create).thenFails('project_exists', 'conflict'));
    it('needs a title', () => given().when({ ...create, title: '   ' }).thenFails('required'));
    it('refuses a negative cost', () => given().when({ ...create, estimatedCostHt: -1 }).thenFails('invalid_cost'));
    it('refuses an auditor', () => given().when(create, auditeur).thenFails('forbidden', 'forbidden'));
  });

  describe('when changing the step', () => {
    it('advances with StepAdvanced', () =>
      given(created).when({ type: 'ChangeStep', step: 'etudes', progress: 20 }).then([toStep('idee', 'etudes', 20)]));
    it('updates progress within a step with ProgressUpdated', () =>
      given(created, toStep('idee', 'etudes', 20))
        .when({ type: 'ChangeStep', step: 'etudes', progress: 50, comment: 'Étude rendue' }, adjoint)
        .then([{ type: 'ProgressUpdated', schemaVersion: 1, data: { projectId: PROJECT, step: 'etudes', progress: 50, comment: 'Étude rendue' } }]));
    it('goes back only with a reason', () =>
      given(created, toStep('idee', 'travaux', 50)).when({ type: 'ChangeStep', step: 'financement', progress: 40 }).thenFails('reason_required'));
    it('goes back with StepReverted when a reason is given', () =>
      given(created, toStep('idee', 'travaux', 50))
        .when({ type: 'ChangeStep', step: 'financement', progress: 40, comment: 'Subvention refusée' })
        .then([{ type: 'StepReverted', schemaVersion: 1, data: { projectId: PROJECT, from: 'travaux', to: 'financement', progress: 40, reason: 'Subvention refusée' } }]));
    it('requires 100 % to finish', () => given(created).when({ type: 'ChangeStep', step: 'termine', progress: 90 }).thenFails('finished_means_100'));
    it('refuses a progress outside 0–100', () => given(created).when({ type: 'ChangeStep', step: 'etudes', progress: 120 }).thenFails('invalid_progress'));
    it('refuses a change that changes nothing', () => given(created).when({ type: 'ChangeStep', step: 'idee', progress: 0 }).thenFails('no_change'));
    it('refuses another commune', () => given(created).when({ type: 'ChangeStep', step: 'etudes', progress: 10 }, autreMaire).thenFails('forbidden'));
    it('refuses an unknown project', () => given().when({ type: 'ChangeStep', step: 'etudes', progress: 10 }).thenFails('project_not_found', 'not_found'));
  });

  describe('when changing details', () => {
    it('records only what changed', () =>
      given(created)
        .when({ type: 'ChangeProjectDetails', title: 'Toiture de l’école', estimatedCostHt: 200000 })
        .then([{ type: 'ProjectDetailsChanged', schemaVersion: 1, data: { projectId: PROJECT, estimatedCostHt: 200000 } }]));
    it('refuses a change that changes nothing', () =>
      given(created).when({ type: 'ChangeProjectDetails', title: 'Toiture de l’école' }).thenFails('no_change'));
    it('refuses a theme that is not one of the list, null included', () => {
      given(created).when({ type: 'ChangeProjectDetails', theme: null as never }).thenFails('invalid_theme');
      given(created).when({ type: 'ChangeProjectDetails', theme: 'piscine' as never }).thenFails('invalid_theme');
    });
  });

  describe('when asking and answering', () => {
    it('lets the commune ask, routed to the team of the category', () =>
      given(created).when({ type: 'AskQuestion', category: 'financement', text: ' Quelles aides ? ' }, adjoint).then([asked]));
    it('routes each category as QUESTION_ROUTING says', () =>
      given(created).when({ type: 'AskQuestion', category: 'juridique', text: 'Marché public ?', documentIds: [DOC] }, maire).then([
        { type: 'QuestionAsked', schemaVersion: 2, data: { projectId: PROJECT, questionId: QUESTION, category: 'juridique', text: 'Marché public ?', team: 'juridique', documentIds: [DOC] } },
      ]));
    it('refuses a document id that is not a UUID', () =>
      given(created).when({ type: 'AskQuestion', category: 'autre', text: 'Q', documentIds: ['pas-un-id'] }, maire).thenFails('invalid_document', 'invalid'));
    it('does not let the Département ask in the commune’s name', () =>
      given(created).when({ type: 'AskQuestion', category: 'autre', text: 'Question' }, agent).thenFails('forbidden'));
    it('lets an agent answer', () => given(created, asked).when({ type: 'AnswerQuestion', questionId: QUESTION, text: 'La DETR.' }, agent).then([answered]));
    it('answers a question stored as v1 (upcast on read)', () =>
      given(created, askedV1).when({ type: 'AnswerQuestion', questionId: QUESTION, text: 'La DETR.' }, agent).then([answered]));
    it('keeps documents and a recommended contact with the answer', () =>
      given(created, asked)
        .when({ type: 'AnswerQuestion', questionId: QUESTION, text: 'Voyez Mme Durand.', documentIds: [DOC], contactId: CONTACT }, agent)
        .then([{ type: 'QuestionAnswered', schemaVersion: 2, data: { projectId: PROJECT, questionId: QUESTION, answerId: ANSWER, text: 'Voyez Mme Durand.', documentIds: [DOC], contactId: CONTACT } }]));
    it('refuses a contact id that is not a UUID', () =>
      given(created, asked).when({ type: 'AnswerQuestion', questionId: QUESTION, text: 'R', contactId: 'durand' }, agent).thenFails('invalid_contact', 'invalid'));
    it('does not let a partner that is not involved answer', () =>
      given(created, asked).when({ type: 'AnswerQuestion', questionId: QUESTION, text: 'Avis' }, partenaire).thenFails('forbidden'));
    it('lets an involved partner answer', () =>
      given(created, asked, involved).when({ type: 'AnswerQuestion', questionId: QUESTION, text: 'Avis du CAUE.' }, partenaire).then([
        { type: 'QuestionAnswered', schemaVersion: 2, data: { projectId: PROJECT, questionId: QUESTION, answerId: ANSWER, text: 'Avis du CAUE.', documentIds: [], contactId: null } },
      ]));
    it('does not let the commune answer its own question', () =>
      given(created, asked).when({ type: 'AnswerQuestion', questionId: QUESTION, text: 'Moi' }, maire).thenFails('forbidden'));
    it('refuses an unknown question', () =>
      given(created).when({ type: 'AnswerQuestion', questionId: QUESTION, text: 'Réponse' }, agent).thenFails('question_not_found', 'not_found'));
    it('refuses to answer a closed question', () =>
      given(created, asked, closed).when({ type: 'AnswerQuestion', questionId: QUESTION, text: 'Tard' }, agent).thenFails('question_closed', 'conflict'));
  });

  describe('when assigning a question', () => {
    const toPartner = { accountId: 'u-caue', kind: 'partner', organisationId: 'org-caue-95' } as const;
    it('records QuestionAssigned for Département staff', () =>
      given(created, asked)
        .when({ type: 'AssignQuestion', questionId: QUESTION, assignee: agentAssignee }, agent)
        .then([{ type: 'QuestionAssigned', schemaVersion: 1, data: { projectId: PROJECT, questionId: QUESTION, assignee: agentAssignee } }]));
    it('assigns to a member of an involved partner organisation', () =>
      given(created, asked, involved)
        .when({ type: 'AssignQuestion', questionId: QUESTION, assignee: toPartner }, agent)
        .then([{ type: 'QuestionAssigned', schemaVersion: 1, data: { projectId: PROJECT, questionId: QUESTION, assignee: toPartner } }]));
    it('refuses a partner whose organisation is not involved', () =>
      given(created, asked).when({ type: 'AssignQuestion', questionId: QUESTION, assignee: toPartner }, agent).thenFails('partner_not_involved', 'invalid'));
    it('refuses the commune', () => given(created, asked).when({ type: 'AssignQuestion', questionId: QUESTION, assignee: agentAssignee }, maire).thenFails('forbidden'));
    it('refuses a partner, even involved', () =>
      given(created, asked, involved).when({ type: 'AssignQuestion', questionId: QUESTION, assignee: toPartner }, partenaire).thenFails('forbidden'));
    it('refuses the same assignee twice', () =>
      given(created, asked, taken).when({ type: 'AssignQuestion', questionId: QUESTION, assignee: agentAssignee }, agent).thenFails('already_assigned', 'conflict'));
    it('refuses a closed question', () =>
      given(created, asked, closed).when({ type: 'AssignQuestion', questionId: QUESTION, assignee: agentAssignee }, agent).thenFails('question_closed', 'conflict'));
  });

  describe('when taking a question in charge', () => {
    it('makes the acting agent its assignee', () => given(created, asked).when({ type: 'TakeQuestionInCharge', questionId: QUESTION }, agent).then([taken]));
    it('makes an involved partner member its assignee', () =>
      given(created, asked, involved).when({ type: 'TakeQuestionInCharge', questionId: QUESTION }, partenaire).then([
        { type: 'QuestionTakenInCharge', schemaVersion: 1, data: { projectId: PROJECT, questionId: QUESTION, assignee: { accountId: 'u-caue', kind: 'partner', organisationId: 'org-caue-95' } } },
      ]));
    it('does not let a partner take over a question given to someone else', () =>
      given(created, asked, involved, taken).when({ type: 'TakeQuestionInCharge', questionId: QUESTION }, partenaire).thenFails('forbidden'));
    it('refuses twice by the same person', () => given(created, asked, taken).when({ type: 'TakeQuestionInCharge', questionId: QUESTION }, agent).thenFails('already_taken', 'conflict'));
    it('refuses the commune', () => given(created, asked).when({ type: 'TakeQuestionInCharge', questionId: QUESTION }, maire).thenFails('forbidden'));
  });

  describe('when closing and reopening', () => {
    const reopened: ProjectEvent = { type: 'QuestionReopened', schemaVersion: 1, data: { projectId: PROJECT, questionId: QUESTION, reason: 'Le montant a changé' } };
    it('lets the commune close its question', () => given(created, asked, answered).when({ type: 'CloseQuestion', questionId: QUESTION }, adjoint).then([closed]));
    it('lets the Département close a question', () => given(created, asked).when({ type: 'CloseQuestion', questionId: QUESTION }, agent).then([closed]));
    it('refuses another commune', () => given(created, asked).when({ type: 'CloseQuestion', questionId: QUESTION }, autreMaire).thenFails('forbidden'));
    it('refuses to close twice', () => given(created, asked, closed).when({ type: 'CloseQuestion', questionId: QUESTION }, agent).thenFails('already_closed', 'conflict'));
    it('lets the commune reopen an answered question with a reason', () =>
      given(created, asked, answered).when({ type: 'ReopenQuestion', questionId: QUESTION, reason: ' Le montant a changé ' }, maire).then([reopened]));
    it('lets the commune reopen a closed question', () =>
      given(created, asked, answered, closed).when({ type: 'ReopenQuestion', questionId: QUESTION, reason: 'Le montant a changé' }, adjoint).then([reopened]));
    it('needs a reason', () =>
      given(created, asked, answered).when({ type: 'ReopenQuestion', questionId: QUESTION, reason: '  ' }, maire).thenFails('required', 'invalid'));
    it('refuses to reopen a question still waiting for its answer', () =>
      given(created, asked, taken).when({ type: 'ReopenQuestion', questionId: QUESTION, reason: 'Relance' }, maire).thenFails('not_answered', 'conflict'));
    it('does not let the Département reopen', () =>
      given(created, asked, answered).when({ type: 'ReopenQuestion', questionId: QUESTION, reason: 'Relance' }, agent).thenFails('forbidden'));
    it('puts a reopened question back in charge: it can be answered again', () =>
      given(created, asked, answered, closed, reopened).when({ type: 'AnswerQuestion', questionId: QUESTION, text: 'La DETR.' }, agent).then([answered]));
  });

  describe('when talking about the project', () => {
    const posted = (text: string): ProjectEvent => ({ type: 'MessagePosted', schemaVersion: 1, data: { projectId: PROJECT, messageId: MESSAGE, text, documentIds: [] } });
    it('lets the commune post a message', () => given(created).when({ type: 'PostMessage', text: 'Bonjour' }, adjoint).then([posted('Bonjour')]));
    it('lets an agent post a message', () => given(created).when({ type: 'PostMessage', text: 'Bonjour' }, agent).then([posted('Bonjour')]));
    it('refuses another commune', () => given(created).when({ type: 'PostMessage', text: 'Bonjour' }, autreMaire).thenFails('forbidden'));
    it('refuses a partner that is not involved', () => given(created).when({ type: 'PostMessage', text: 'Bonjour' }, partenaire).thenFails('forbidden'));
    it('refuses an empty message', () => given(created).when({ type: 'PostMessage', text: ' ' }, agent).thenFails('required'));
  });

  describe('when adding an internal note', () => {
    const note: ProjectEvent = { type: 'InternalNoteAdded', schemaVersion: 1, data: { projectId: PROJECT, noteId: NOTE, text: 'Dossier DETR incomplet', questionId: QUESTION } };
    it('records it for an agent, about a question', () =>
      given(created, asked).when({ type: 'AddInternalNote', text: 'Dossier DETR incomplet', questionId: QUESTION }, agent).then([note]));
    it('records it for an involved partner, about the project', () =>
      given(created, involved).when({ type: 'AddInternalNote', text: 'Visite faite' }, partenaire).then([
        { type: 'InternalNoteAdded', schemaVersion: 1, data: { projectId: PROJECT, noteId: NOTE, text: 'Visite faite', questionId: null } },
      ]));
    it('refuses the mayor', () => given(created).when({ type: 'AddInternalNote', text: 'Note' }, maire).thenFails('forbidden', 'forbidden'));
    it('refuses a commune member', () => given(created).when({ type: 'AddInternalNote', text: 'Note' }, adjoint).thenFails('forbidden', 'forbidden'));
    it('refuses an auditor', () => given(created).when({ type: 'AddInternalNote', text: 'Note' }, auditeur).thenFails('forbidden', 'forbidden'));
    it('refuses a partner that is not involved', () => given(created).when({ type: 'AddInternalNote', text: 'Note' }, partenaire).thenFails('forbidden'));
    it('refuses an unknown question', () =>
      given(created).when({ type: 'AddInternalNote', text: 'Note', questionId: QUESTION }, agent).thenFails('question_not_found', 'not_found'));
  });

  describe('when events of another context are on the stream', () => {
    it('ignores them when deciding', () =>
      given(created, { type: 'DocumentAdded', schemaVersion: 1, data: {} } as unknown as ProjectEvent, asked)
        .when({ type: 'TakeQuestionInCharge', questionId: QUESTION }, agent)
        .then([taken]));
  });

  describe('when publishing', () => {
    const revisedContent = { ...content, summary: 'Ce qui a marché, montant corrigé', finalCostHt: 181_500 };
    const revised: ProjectEvent = { type: 'PublicationRevised', schemaVersion: 2, data: { projectId: PROJECT, version: 2, content: revisedContent, reason: 'Montant corrigé' } };
    const published = (version: number, c: typeof content): ProjectEvent => ({
      type: 'ProjectPublished',
      schemaVersion: 2,
      data: { projectId: PROJECT, version, fingerprint: fingerprintOf(version, c) },
    });
    const withdrawn: ProjectEvent = { type: 'PublicationWithdrawn', schemaVersion: 1, data: { projectId: PROJECT, reason: 'Demande du conseil municipal' } };

    it('refuses a request before the project is finished', () =>
      given(created).when({ type: 'RequestPublication', content: contentInput }).thenFails('not_finished', 'conflict'));
    it('records version 1 of the public content for a finished project', () =>
      given(...finished).when({ type: 'RequestPublication', content: contentInput }, adjoint).then([requested]));
    it('refuses a request by the Département (the commune asks) and a second request', () => {
      given(...finished).when({ type: 'RequestPublication', content: contentInput }, agent).thenFails('forbidden');
      given(...finished, requested).when({ type: 'RequestPublication', content: contentInput }, adjoint).thenFails('already_requested', 'conflict');
    });
    it('refuses an empty summary and a negative amount, naming the field', () => {
      given(...finished).when({ type: 'RequestPublication', content: { ...contentInput, summary: ' ' } }).thenFails('required', 'invalid');
      given(...finished).when({ type: 'RequestPublication', content: { ...contentInput, funding: [{ source: 'DETR', amountHt: -1 }] } }).thenFails('invalid_amount');
    });
    it('lets the Département revise (edit, redact) into version 2, with a reason', () =>
      given(...finished, requested)
        .when({ type: 'RevisePublication', content: { ...contentInput, summary: revisedContent.summary, finalCostHt: 181_500 }, reason: 'Montant corrigé' }, agent)
        .then([revised]));
    it('refuses a revision that changes nothing, or without a reason, or by a partner', () => {
      given(...finished, requested).when({ type: 'RevisePublication', content: contentInput, reason: 'Rien' }, agent).thenFails('no_change');
      given(...finished, requested).when({ type: 'RevisePublication', content: { ...contentInput, summary: 'Autre' }, reason: ' ' }, agent).thenFails('required');
      given(...finished, requested).when({ type: 'RevisePublication', content: { ...contentInput, summary: 'Autre' }, reason: 'x' }, partenaire).thenFails('forbidden');
    });
    it('publishes the exact version the mayor approves, with its fingerprint', () =>
      given(...finished, requested).when({ type: 'PublishProject', version: 1, fingerprint: fingerprintOf(1, content) }).then([published(1, content)]));
    it('refuses an approval of a version that is no longer the latest, or with another fingerprint', () => {
      given(...finished, requested, revised).when({ type: 'PublishProject', version: 1, fingerprint: fingerprintOf(1, content) }).thenFails('version_changed', 'conflict');
      given(...finished, requested, revised).when({ type: 'PublishProject', version: 2, fingerprint: fingerprintOf(2, content) }).thenFails('fingerprint_mismatch', 'conflict');
    });
    it('refuses approval by a collaborator, by the Département, and without a request', () => {
      given(...finished, requested).when({ type: 'PublishProject', version: 1, fingerprint: fingerprintOf(1, content) }, adjoint).thenFails('forbidden');
      given(...finished, requested).when({ type: 'PublishProject', version: 1, fingerprint: fingerprintOf(1, content) }, agent).thenFails('forbidden');
      given(...finished).when({ type: 'PublishProject', version: 1, fingerprint: fingerprintOf(1, content) }).thenFails('not_requested');
    });
    it('keeps the approved version public after a later revision, until the mayor approves the new one', () => {
      const state = [...finished, requested, published(1, content), revised].reduce(projectDecider.evolve, projectDecider.initialState());
      expect(state).toMatchObject({ publication: 'published', approvedVersion: 1, publicationDraft: { version: 2 } });
      given(...finished, requested, published(1, content), revised)
        .when({ type: 'PublishProject', version: 2, fingerprint: fingerprintOf(2, revisedContent) })
        .then([published(2, revisedContent)]);
      given(...finished, requested, published(1, content)).when({ type: 'PublishProject', version: 1, fingerprint: fingerprintOf(1, content) }).thenFails('already_published');
    });
    it('lets the mayor or a Département administrator withdraw it, with a reason; then it may be requested again as a new version', () => {
      given(...finished, requested, published(1, content)).when({ type: 'WithdrawPublication', reason: 'Demande du conseil municipal' }).then([withdrawn]);
      given(...finished, requested, published(1, content)).when({ type: 'WithdrawPublication', reason: 'x' }, agent).thenFails('forbidden');
      given(...finished, requested).when({ type: 'WithdrawPublication', reason: 'x' }).thenFails('not_published');
      given(...finished, requested, published(1, content), withdrawn)
        .when({ type: 'RequestPublication', content: contentInput }, adjoint)
        .then([{ type: 'PublicationRequested', schemaVersion: 3, data: { projectId: PROJECT, version: 2, content } }]);
    });
    it('reads v1 events: a summary alone is version 1, a bare approval approves it', () => {
      const v1Published = { type: 'ProjectPublished', schemaVersion: 1, data: { projectId: PROJECT } } as ProjectEvent;
      const state = [...finished, requestedV1, v1Published].reduce(projectDecider.evolve, projectDecider.initialState());
      expect(state).toMatchObject({ publication: 'published', approvedVersion: 1, publicationDraft: { version: 1, content: { summary: 'Ce qui a marché', title: created.data && (created.data as { title: string }).title } } });
    });
    it('refuses going back once publication is requested', () =>
      given(...finished, requested).when({ type: 'ChangeStep', step: 'travaux', progress: 90, comment: 'Reprise' }).thenFails('published_locked'));
  });

  describe('when placing the project on the map', () => {
    const located = (location: { longitude: number; latitude: number } | null): ProjectEvent => ({ type: 'ProjectLocated', schemaVersion: 1, data: { projectId: PROJECT, location } });
    const point = { longitude: 2.00123, latitude: 49.00456 };

    it('records ProjectLocated for a point inside the commune, rounded to 5 decimals', () =>
      given(created).when({ type: 'LocateProject', location: { longitude: 2.001234, latitude: 49.004561 } }).then([located(point)]));
    it('accepts a point just outside the outline, within the tolerance', () =>
      given(created).when({ type: 'LocateProject', location: { longitude: 2.0105, latitude: 49 } }).then([located({ longitude: 2.0105, latitude: 49 })]));
    it('refuses a point outside the commune, saying how far in French', () =>
      given(created).when({ type: 'LocateProject', location: { longitude: 2.1, latitude: 49 } }).thenFails('outside_commune', 'invalid'));
    it('refuses coordinates that are not on Earth', () => {
      given(created).when({ type: 'LocateProject', location: { longitude: 200, latitude: 49 } }).thenFails('invalid_longitude');
      given(created).when({ type: 'LocateProject', location: { longitude: 2, latitude: Number.NaN } }).thenFails('invalid_latitude');
    });
    it('lets the Département place it, but not another commune, a partner or an auditor', () => {
      given(created).when({ type: 'LocateProject', location: point }, agent).then([located(point)]);
      given(created).when({ type: 'LocateProject', location: point }, autreMaire).thenFails('forbidden', 'forbidden');
      given(created, involved).when({ type: 'LocateProject', location: point }, partenaire).thenFails('forbidden', 'forbidden');
      given(created).when({ type: 'LocateProject', location: point }, auditeur).thenFails('forbidden', 'forbidden');
    });
    it('moves the point with a new event, goes back to the whole commune, and refuses a move to the same place', () => {
      const moved = { longitude: 2.005, latitude: 49.005 };
      given(created, located(point)).when({ type: 'LocateProject', location: moved }, adjoint).then([located(moved)]);
      given(created, located(point)).when({ type: 'LocateProject', location: null }).then([located(null)]);
      given(created, located(point)).when({ type: 'LocateProject', location: point }).thenFails('no_change');
      given(created).when({ type: 'LocateProject', location: null }).thenFails('no_change');
    });
    it('freezes the point into the version the mayor approves; a later move waits for a new version', () => {
      const withPoint = { ...content, location: point };
      given(...finished, located(point))
        .when({ type: 'RequestPublication', content: contentInput }, adjoint)
        .then([{ type: 'PublicationRequested', schemaVersion: 3, data: { projectId: PROJECT, version: 1, content: withPoint } }]);
      const requestedWithPoint: ProjectEvent = { type: 'PublicationRequested', schemaVersion: 3, data: { projectId: PROJECT, version: 1, content: withPoint } };
      const moved = { longitude: 2.005, latitude: 49.005 };
      given(...finished, located(point), requestedWithPoint, located(moved))
        .when({ type: 'RevisePublication', content: contentInput, reason: 'Point déplacé' }, adjoint)
        .then([{ type: 'PublicationRevised', schemaVersion: 2, data: { projectId: PROJECT, version: 2, content: { ...content, location: moved }, reason: 'Point déplacé' } }]);
    });
  });

  describe('when involving a partner organisation', () => {
    it('records PartnerInvolved for Département staff', () =>
      given(created).when({ type: 'InvolvePartner', organisationId: 'org-caue-95' }, agent).then([involved]));
    it('refuses the commune', () => given(created).when({ type: 'InvolvePartner', organisationId: 'org-caue-95' }).thenFails('forbidden'));
    it('refuses twice', () => given(created, involved).when({ type: 'InvolvePartner', organisationId: 'org-caue-95' }, agent).thenFails('already_involved'));
  });

  describe('the event catalogue', () => {
    it('has a JSON Schema for every event type and version', () => {
      const expected = Object.entries(PROJECT_EVENT_VERSIONS).map(([type, v]) => `${type}.v${v}`);
      expect(schemaNames()).toEqual(expect.arrayContaining(expected));
    });
    it('rejects an event that does not match its schema', () => {
      expect(() => assertMatchesSchema({ type: 'ProjectPublished', schemaVersion: 1, data: { projectId: 'pas-un-uuid' } })).toThrow(/schema/);
    });
  });
});
