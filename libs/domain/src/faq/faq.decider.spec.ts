import { describe, expect, it } from '@jest/globals';
import { assertMatchesSchema } from '../testing/event-schemas.js';
import { DomainError, type Actor, type Decider, type DomainEvent } from '../shared/decider.js';
import { faqAskingDecider, faqEntryDecider, faqUsageDecider, maySeeFaqEntry } from './faq.decider.js';
import type { FaqContent } from './faq.events.js';

const E = '6f1c2a10-5b3e-4c6d-9a1e-0000000000e1';
const P = '6f1c2a10-5b3e-4c6d-9a1e-0000000000a1';
const Q = '6f1c2a10-5b3e-4c6d-9a1e-0000000000b1';
const S = '6f1c2a10-5b3e-4c6d-9a1e-0000000000c1';
const agent: Actor = { id: 'agent', displayName: 'Agent', role: 'departement_agent', communeInsee: null };
const maire: Actor = { id: 'maire', displayName: 'Maire', role: 'commune_mayor', communeInsee: '95002' };
const autreMaire: Actor = { id: 'autre', displayName: 'Autre', role: 'commune_mayor', communeInsee: '95446' };
const auditeur: Actor = { id: 'audit', displayName: 'Audit', role: 'auditor', communeInsee: null };
const partenaire: Actor = { id: 'caue', displayName: 'CAUE', role: 'partner_member', communeInsee: null, organisationId: 'org' };

const content: FaqContent = {
  question: 'Quand déposer un dossier de DETR ?',
  answer: 'Avant le 31 janvier, auprès de la préfecture.',
  category: 'financement',
  keywords: ['DETR', 'subvention'],
  team: 'aides',
  audience: 'public',
};

/** given events (with their actor) / when a command by someone / then events or a refusal. */
function scenario<C, Ev extends DomainEvent, S>(decider: Decider<C, Ev, S>) {
  return (...history: Array<Ev & { metadata?: { actorId: string } }>) => {
    const state = history.reduce(decider.evolve, decider.initialState());
    return {
      when(command: C, actor: Actor) {
        const run = () => decider.decide(command, state, { actor, now: new Date('2026-12-01T10:00:00Z'), newId: () => 'x' });
        return {
          then(expected: unknown[]) {
            const events = run();
            events.forEach(assertMatchesSchema);
            expect(events).toEqual(expected);
          },
          thenFails(code: string) {
            expect(run).toThrow(DomainError);
            try {
              run();
            } catch (e) {
              expect((e as DomainError).code).toBe(code);
            }
          },
        };
      },
    };
  };
}

const entry = scenario(faqEntryDecider);
const drafted = { type: 'FaqEntryDrafted' as const, schemaVersion: 1, data: { entryId: E, ...content, sourceQuestions: [{ projectId: P, questionId: Q }] } };
const proposed = { type: 'FaqEntryProposed' as const, schemaVersion: 1, data: { entryId: E, ...content, audience: 'communes' as const, communeInsee: '95002' } };
const published = { type: 'FaqEntryPublished' as const, schemaVersion: 1, data: { entryId: E } };

describe('FAQ entry decider', () => {
  describe('when an agent drafts an entry from an answered question', () => {
    it('records the draft with its source question, trimmed', () =>
      entry().when({ type: 'DraftFaqEntry', entryId: E, ...content, question: `  ${content.question} `, sourceQuestions: [{ projectId: P, questionId: Q }] }, agent).then([drafted]));
    it('refuses a commune member, a partner and an auditor', () => {
      entry().when({ type: 'DraftFaqEntry', entryId: E, ...content, sourceQuestions: [] }, maire).thenFails('forbidden');
      entry().when({ type: 'DraftFaqEntry', entryId: E, ...content, sourceQuestions: [] }, partenaire).thenFails('forbidden');
      entry().when({ type: 'DraftFaqEntry', entryId: E, ...content, sourceQuestions: [] }, auditeur).thenFails('forbidden');
    });
    it('refuses an empty answer', () => entry().when({ type: 'DraftFaqEntry', entryId: E, ...content, answer: '  ', sourceQuestions: [] }, agent).thenFails('invalid_faq_entry'));
  });

  describe('when a commune proposes an entry', () => {
    it('routes it to the team of its category, for the communes', () =>
      entry()
        .when({ type: 'ProposeFaqEntry', entryId: E, question: content.question, answer: content.answer, category: 'financement', keywords: ['DETR', 'subvention'] }, maire)
        .then([proposed]));
    it('lets an agent publish it or decline it with a reason, never without', () => {
      entry(proposed).when({ type: 'PublishFaqEntry' }, agent).then([published]);
      entry(proposed).when({ type: 'DeclineFaqEntry', reason: 'Déjà traité' }, agent).then([{ type: 'FaqEntryDeclined', schemaVersion: 1, data: { entryId: E, reason: 'Déjà traité' } }]);
      entry(proposed).when({ type: 'DeclineFaqEntry', reason: ' ' }, agent).thenFails('reason_required');
    });
    it('lets the proposing commune follow it, not another one', () => {
      expect(maySeeFaqEntry(maire, { status: 'proposed', audience: 'communes', proposedBy: '95002' })).toBe(true);
      expect(maySeeFaqEntry(autreMaire, { status: 'proposed', audience: 'communes', proposedBy: '95002' })).toBe(false);
    });
  });

  describe('when an entry is published', () => {
    it('is revised with its whole content, and unpublished only with a reason', () => {
      entry(drafted, published).when({ type: 'ReviseFaqEntry', ...content, answer: 'Avant le 15 janvier.', reason: 'Calendrier 2027' }, agent).then([
        { type: 'FaqEntryRevised', schemaVersion: 1, data: { entryId: E, ...content, answer: 'Avant le 15 janvier.', reason: 'Calendrier 2027' } },
      ]);
      entry(drafted, published).when({ type: 'ReviseFaqEntry', ...content, reason: null }, agent).thenFails('nothing_changed');
      entry(drafted, published).when({ type: 'UnpublishFaqEntry', reason: '' }, agent).thenFails('reason_required');
      entry(drafted, published).when({ type: 'PublishFaqEntry' }, agent).thenFails('faq_wrong_status');
      entry(drafted).when({ type: 'DeclineFaqEntry', reason: 'Non' }, agent).thenFails('faq_wrong_status');
    });
    it('is read by every logged-in person, and by the public only when it is public', () => {
      expect(maySeeFaqEntry(null, { status: 'published', audience: 'public', proposedBy: null })).toBe(true);
      expect(maySeeFaqEntry(null, { status: 'published', audience: 'communes', proposedBy: null })).toBe(false);
      expect(maySeeFaqEntry(autreMaire, { status: 'published', audience: 'communes', proposedBy: null })).toBe(true);
      expect(maySeeFaqEntry(maire, { status: 'draft', audience: 'public', proposedBy: null })).toBe(false);
    });
    it('belongs to its author’s Département, and is read there only (issue #17)', () => {
      const yvelines: Actor = { ...agent, departement: '78' };
      entry()
        .when({ type: 'DraftFaqEntry', entryId: E, ...content, sourceQuestions: [] }, yvelines)
        .then([{ type: 'FaqEntryDrafted', schemaVersion: 1, data: { entryId: E, ...content, sourceQuestions: [], departement: '78' } }]);
      const ofYvelines = { status: 'published' as const, audience: 'public', proposedBy: null, departement: '78' };
      expect(maySeeFaqEntry(yvelines, ofYvelines)).toBe(true);
      expect(maySeeFaqEntry({ ...agent, departement: '95' }, ofYvelines)).toBe(false);
      expect(maySeeFaqEntry({ ...auditeur, departement: '95' }, { ...ofYvelines, status: 'draft' })).toBe(false);
      expect(maySeeFaqEntry(maire, ofYvelines)).toBe(false);
      expect(maySeeFaqEntry({ ...maire, communeInsee: '78033' }, ofYvelines)).toBe(true);
      expect(maySeeFaqEntry(null, ofYvelines)).toBe(true);
    });
    it('can be archived and is then never revised', () =>
      entry(drafted, published, { type: 'FaqEntryArchived', schemaVersion: 1, data: { entryId: E, reason: null } })
        .when({ type: 'ReviseFaqEntry', ...content, answer: 'Autre', reason: null }, agent)
        .thenFails('faq_wrong_status'));
  });
});

describe('FAQ usage decider', () => {
  const usage = scenario(faqUsageDecider);
  const voted = (actorId: string, useful: boolean) => ({ type: 'FaqEntryVoted' as const, schemaVersion: 1, data: { entryId: E, useful }, metadata: { actorId } });
  it('keeps one vote per person: the same vote again adds nothing, another one changes it', () => {
    usage(voted('maire', true)).when({ type: 'VoteOnFaqEntry', entryId: E, useful: true, entryVisible: true }, maire).then([]);
    usage(voted('maire', true)).when({ type: 'VoteOnFaqEntry', entryId: E, useful: false, entryVisible: true }, maire).then([
      { type: 'FaqEntryVoted', schemaVersion: 1, data: { entryId: E, useful: false } },
    ]);
    usage(voted('maire', true)).when({ type: 'VoteOnFaqEntry', entryId: E, useful: true, entryVisible: true }, autreMaire).then([
      { type: 'FaqEntryVoted', schemaVersion: 1, data: { entryId: E, useful: true } },
    ]);
  });
  it('refuses a vote on an entry the person may not read, and any vote of an auditor', () => {
    usage().when({ type: 'VoteOnFaqEntry', entryId: E, useful: true, entryVisible: false }, maire).thenFails('faq_not_found');
    usage().when({ type: 'VoteOnFaqEntry', entryId: E, useful: true, entryVisible: true }, auditeur).thenFails('forbidden');
  });
});

describe('FAQ asking decider (questions avoided)', () => {
  const asking = scenario(faqAskingDecider);
  const opened = { type: 'FaqEntryOpened' as const, schemaVersion: 1, data: { entryId: E, from: 'suggestion' as const, askingId: S, projectId: P }, metadata: { actorId: 'maire' } };
  it('records a suggestion opened while writing a question', () =>
    asking().when({ type: 'OpenSuggestion', askingId: S, projectId: P, entryId: E, entryVisible: true }, maire).then([{ ...opened, metadata: undefined }].map(({ metadata: _m, ...e }) => e)));
  it('counts a question avoided when the form is left after opening a suggestion, once', () => {
    asking(opened).when({ type: 'AbandonQuestion', askingId: S, questionSentSince: false }, maire).then([
      { type: 'FaqQuestionAvoided', schemaVersion: 1, data: { askingId: S, projectId: P, entryIds: [E] } },
    ]);
    asking(opened, { type: 'FaqQuestionAvoided', schemaVersion: 1, data: { askingId: S, projectId: P, entryIds: [E] } } as never)
      .when({ type: 'AbandonQuestion', askingId: S, questionSentSince: false }, maire)
      .then([]);
  });
  it('counts nothing when no suggestion was opened or when the question was sent after all', () => {
    asking().when({ type: 'AbandonQuestion', askingId: S, questionSentSince: false }, maire).then([]);
    asking(opened).when({ type: 'AbandonQuestion', askingId: S, questionSentSince: true }, maire).then([]);
  });
  it('belongs to the person who writes: nobody else ends it, and the Département does not ask', () => {
    asking(opened).when({ type: 'AbandonQuestion', askingId: S, questionSentSince: false }, autreMaire).thenFails('faq_asking_not_found');
    asking().when({ type: 'OpenSuggestion', askingId: S, projectId: P, entryId: E, entryVisible: true }, agent).thenFails('forbidden');
  });
});
