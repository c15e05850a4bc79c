import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@carnet/event-store';
import { applyEvent, keysOf, type StoredDoc } from '@carnet/read-store';
import { receives, type Recipient } from '../notification-rules.js';
import { FEED_LIMIT, notificationFeedProjection, type NotificationFeedDoc } from './notification-feed.projection.js';

const P = '0b6f4d3e-2f7a-4c1e-9d2a-5b8c7e6f1a20';
const Q = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const MAIRE = { id: 'maire', role: 'commune_mayor' };
const ADJOINT = { id: 'adjoint', role: 'commune_member' };
const AGENT = { id: 'agent', role: 'departement_agent' };
const AGENT2 = { id: 'agent2', role: 'departement_agent' };
const CAUE = { id: 'caue', role: 'partner_member' };

let position = 0;
const recorded = (type: string, data: Record<string, unknown>, by: { id: string; role: string } = MAIRE): RecordedEvent => {
  position += 1;
  return {
    id: `e-${position}`,
    streamId: `project-${P}`,
    revision: position - 1,
    position,
    type,
    schemaVersion: 1,
    data: { projectId: P, ...data },
    metadata: { actorId: by.id, actorRole: by.role, actorCommune: null, correlationId: 'c', causationId: 'c', commandId: `cmd-${position}`, recordedAt: '2026-01-05T09:00:00.000Z' },
  };
};

function replay(stream: RecordedEvent[], start: NotificationFeedDoc & StoredDoc | null = null) {
  let doc = start;
  for (const e of stream) {
    for (const key of keysOf(notificationFeedProjection, e)) {
      const next = applyEvent(notificationFeedProjection, doc, e, key);
      if (next !== undefined) doc = next;
    }
  }
  return doc!;
}

const recipient = (who: { id: string; role: string }, over: Partial<Recipient> = {}): Recipient => ({
  accountId: who.id,
  role: who.role as Recipient['role'],
  communeInsee: who.role.startsWith('commune') ? '95002' : null,
  organisationId: who.role === 'partner_member' ? 'org-caue-95' : null,
  departement: who.role.startsWith('departement') || who.role === 'partner_member' ? '95' : null,
  follows: undefined,
  ...over,
});

const events = [
  recorded('ProjectCreated', { codeInsee: '95002', title: 'Toiture', description: 'Fuites', theme: 'ecole', estimatedCostHt: null }),
  recorded('QuestionAsked', { questionId: Q, category: 'financement', text: 'Quelles aides ?' }, ADJOINT),
  recorded('PartnerInvolved', { organisationId: 'org-caue-95' }, AGENT),
  recorded('QuestionAssigned', { questionId: Q, assignee: { accountId: 'caue', kind: 'partner', organisationId: 'org-caue-95' } }, AGENT),
  recorded('InternalNoteAdded', { noteId: 'n1', text: 'Dossier incomplet, à relancer', questionId: Q }, AGENT),
  recorded('QuestionAnswered', { questionId: Q, answerId: 'a1', text: 'La DETR', documentIds: [], contactId: null }, CAUE),
  recorded('StepAdvanced', { from: 'idee', to: 'etudes', progress: 20, comment: null }, AGENT),
  recorded('StepAdvanced', { from: 'etudes', to: 'financement', progress: 40, comment: null }, MAIRE),
  recorded('MessagePosted', { messageId: 'm1', text: 'Merci', documentIds: [] }, MAIRE),
  recorded('QuestionReopened', { questionId: Q, reason: 'Et la Région ?' }, ADJOINT),
];

const who = (doc: NotificationFeedDoc, type: string, people: Recipient[]) => {
  const entry = doc.entries.find((e) => e.type === type)!;
  return people.filter((r) => receives(r, doc, entry)).map((r) => r.accountId);
};
const everybody = () => [recipient(MAIRE), recipient(ADJOINT), recipient(AGENT), recipient(AGENT2), recipient(CAUE)];

describe('notification feed', () => {
  describe('when its events are replayed twice', () => {
    it('gives the same document', () => {
      const once = replay(events);
      expect(replay(events, structuredClone(once))).toEqual(once);
    });
  });

  describe('when a project has follow-up events', () => {
    const doc = replay(events);

    it('tells every Département agent and the project’s followers of a new question, not the one who asked', () => {
      // The CAUE member handles a question of the project now, so follows it by default.
      expect(who(doc, 'QuestionAsked', everybody())).toEqual(['maire', 'agent', 'agent2', 'caue']);
    });

    it('tells no agent of another Département, nor one of none (issue #17)', () => {
      const yvelines = recipient(AGENT, { departement: '78' });
      const nowhere = recipient(AGENT2, { departement: null });
      expect(who(doc, 'QuestionAsked', [yvelines, nowhere])).toEqual([]);
      expect(who(doc, 'QuestionAsked', [yvelines, nowhere, recipient(AGENT)])).toEqual(['agent']);
    });

    it('tells no member of the same partner organisation working with another Département (issue #17)', () => {
      expect(who(doc, 'QuestionAssigned', [recipient(CAUE, { departement: '78' })])).toEqual([]);
      expect(who(doc, 'InternalNoteAdded', [recipient(CAUE, { departement: '78' }), recipient(CAUE)])).toEqual(['caue']);
    });

    it('tells the agents of the team the question is routed to (aides for financing), and the agents in no team', () => {
      const aides = recipient(AGENT, { teams: ['aides'] });
      const juridique = recipient(AGENT2, { teams: ['juridique', 'ingenierie'] });
      expect(who(doc, 'QuestionAsked', [aides, juridique])).toEqual(['agent']);
      expect(who(doc, 'QuestionAsked', [recipient(AGENT, { teams: [] }), juridique])).toEqual(['agent']);
    });

    it('never tells a commune member of an internal note, even one who follows the project', () => {
      expect(who(doc, 'InternalNoteAdded', [recipient(MAIRE, { follows: true }), recipient(ADJOINT, { follows: true }), recipient(CAUE)])).toEqual(['caue']);
    });

    it('tells the rest of the commune of a new project — not its author, not the Département (found in a browser tour: the collaborator never heard of it)', () => {
      expect(who(doc, 'ProjectCreated', everybody())).toEqual(['adjoint']);
      const byAgent = replay([recorded('ProjectCreated', { codeInsee: '95002', title: 'Voirie', description: '', theme: 'voirie', estimatedCostHt: null }, AGENT)]);
      expect(who(byAgent, 'ProjectCreated', everybody())).toEqual(['maire', 'adjoint']);
    });

    it('tells the commune members of an answer, but not the one who answered', () => {
      expect(who(doc, 'QuestionAnswered', everybody())).toEqual(['maire', 'adjoint']);
    });

    it('tells the partner member a question was assigned to them', () => {
      expect(who(doc, 'QuestionAssigned', everybody())).toEqual(['caue']);
    });

    it('tells the commune of a step changed by the Département, not of one it changed itself', () => {
      const [byAgent, byMayor] = doc.entries.filter((e) => e.type === 'StepAdvanced');
      expect(everybody().filter((r) => receives(r, doc, byAgent)).map((r) => r.accountId)).toEqual(['maire', 'adjoint', 'caue']);
      expect(everybody().filter((r) => receives(r, doc, byMayor)).map((r) => r.accountId)).toEqual(['adjoint', 'caue']);
    });

    it('sends a reopened question or a commune’s message to the question’s handler rather than every agent', () => {
      expect(who(doc, 'QuestionReopened', everybody())).toEqual(['maire', 'caue']);
      expect(who(doc, 'MessagePosted', everybody())).toEqual(['adjoint', 'caue']);
    });

    it('tells nothing but what is addressed to them to a person who unfollowed the project', () => {
      expect(who(doc, 'QuestionAnswered', [recipient(ADJOINT, { follows: false })])).toEqual([]);
      expect(who(doc, 'QuestionAssigned', [recipient(CAUE, { follows: false })])).toEqual(['caue']);
    });

    it('tells another commune’s members nothing', () => {
      expect(who(doc, 'QuestionAnswered', [recipient(MAIRE, { accountId: 'autre', communeInsee: '95446', follows: true })])).toEqual([]);
    });

    it('keeps no text typed by a person and no name', () => {
      expect(JSON.stringify(doc)).not.toMatch(/Dossier incomplet|La DETR|Quelles aides|Merci/);
    });
  });

  describe('when a project has more events than the feed keeps', () => {
    it('keeps the newest ones', () => {
      const many = Array.from({ length: FEED_LIMIT + 5 }, (_, i) => recorded('MessagePosted', { messageId: `m${i}`, text: `Message ${i}`, documentIds: [] }, AGENT));
      const doc = replay([events[0], ...many]);
      expect(doc.entries).toHaveLength(FEED_LIMIT);
      expect(doc.entries.at(-1)!.position).toBe(many.at(-1)!.position);
    });
  });
});
