import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@carnet/event-store';
import { applyEvent, keysOf, type Projection, type StoredDoc } from '@carnet/read-store';
import { communeStatsProjection } from './commune-stats.projection.js';
import { projectProjection, type ProjectDoc } from './project.projection.js';
import { internalNoteProjection } from './internal-note.projection.js';
import { projectConversationProjection } from './project-conversation.projection.js';
import { questionQueueProjection, type QueueDoc } from './question-queue.projection.js';

const P = '0b6f4d3e-2f7a-4c1e-9d2a-5b8c7e6f1a20';
const Q = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
let position = 0;
const recorded = (revision: number, type: string, data: Record<string, unknown>, actorId = 'persona-maire-95002', actorRole = 'commune_mayor'): RecordedEvent => ({
  id: `e-${revision}`,
  streamId: `project-${P}`,
  revision,
  position: ++position,
  type,
  schemaVersion: 1,
  data: { projectId: P, ...data },
  metadata: { actorId, actorRole, actorCommune: '95002', correlationId: 'c', causationId: 'c', commandId: `cmd-${revision}`, recordedAt: `2026-01-0${revision + 1}T09:00:00.000Z` },
});

const events: RecordedEvent[] = [
  recorded(0, 'ProjectCreated', { codeInsee: '95002', title: 'Toiture', description: 'Fuites', theme: 'ecole', estimatedCostHt: 1000 }),
  recorded(1, 'StepAdvanced', { from: 'idee', to: 'etudes', progress: 20, comment: null }),
  recorded(2, 'QuestionAsked', { questionId: Q, category: 'financement', text: 'Quelles aides ?' }),
  recorded(3, 'QuestionAnswered', { questionId: Q, answerId: 'a1', text: 'La DETR' }, 'persona-agent-amenagement', 'departement_agent'),
  recorded(4, 'ProjectDetailsChanged', { title: 'Toiture de l’école' }),
];
const Q2 = '4d2e3f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60';
const assignee = { accountId: 'persona-agent-finances', kind: 'agent', organisationId: null };
/** Issue #4: a v2 question taken in charge, a note, a message, a reopening. */
const followUp: RecordedEvent[] = [
  ...events,
  { ...recorded(5, 'QuestionAsked', { questionId: Q2, category: 'juridique', text: 'Marché ?', team: 'juridique', documentIds: [] }), schemaVersion: 2 },
  recorded(6, 'QuestionTakenInCharge', { questionId: Q2, assignee }, 'persona-agent-finances', 'departement_agent'),
  recorded(7, 'InternalNoteAdded', { noteId: 'n1', text: 'Secret', questionId: Q2 }, 'persona-agent-finances', 'departement_agent'),
  recorded(8, 'MessagePosted', { messageId: 'm1', text: 'Bonjour', documentIds: [] }),
  recorded(9, 'QuestionReopened', { questionId: Q, reason: 'Montant changé' }),
];

/** Folds events into documents the way the runner does, one map per projection. */
function replay<D extends object>(projection: Projection<D>, stream: RecordedEvent[], docs = new Map<string, D & StoredDoc>()) {
  for (const e of stream) {
    for (const key of keysOf(projection, e)) {
      const next = applyEvent(projection, docs.get(key) ?? null, e, key);
      if (next === undefined) continue;
      if (next === null) docs.delete(key);
      else docs.set(key, next);
    }
  }
  return docs;
}

describe('projections', () => {
  for (const projection of [projectProjection, communeStatsProjection, projectConversationProjection, internalNoteProjection, questionQueueProjection] as Projection<any>[]) {
    describe(`${projection.collection} when its events are replayed twice`, () => {
      it('gives the same documents', () => {
        const once = replay(projection, followUp);
        const twice = replay(projection, followUp, structuredClone(once));
        expect(twice).toEqual(once);
        expect(once.size).toBeGreaterThan(0);
      });
    });
  }

  describe('projects', () => {
    it('shows the state a person expects after the events', () => {
      const doc = replay(projectProjection, events).get(P) as ProjectDoc & StoredDoc;
      expect(doc).toMatchObject({
        id: P,
        title: 'Toiture de l’école',
        step: 'etudes',
        progress: 20,
        openQuestions: 0,
        version: 5,
        createdAt: '2026-01-01T09:00:00.000Z',
        updatedAt: '2026-01-05T09:00:00.000Z',
      });
      expect(doc.questions[0].answers[0]).toMatchObject({ text: 'La DETR', answeredById: 'persona-agent-amenagement' });
    });

    it('counts an unanswered question as open', () => {
      const doc = replay(projectProjection, events.slice(0, 3)).get(P) as ProjectDoc & StoredDoc;
      expect(doc.openQuestions).toBe(1);
    });
  });

  describe('projects, with the follow-up of issue #4', () => {
    it('upcasts a v1 question, tracks statuses, the assignee, the first answer and reopenings, and never holds a note', () => {
      const doc = replay(projectProjection, followUp).get(P) as ProjectDoc & StoredDoc;
      expect(doc.questions[0]).toMatchObject({
        team: 'aides',
        // Reopened with nobody responsible for it: new again, never « prise en charge » without a responsible.
        status: 'nouvelle',
        assignee: null,
        firstAnsweredAt: '2026-01-04T09:00:00.000Z',
        waitingSince: '2026-01-010T09:00:00.000Z',
        reopenings: [{ reason: 'Montant changé', byId: 'persona-maire-95002' }],
      });
      expect(doc.questions[1]).toMatchObject({ team: 'juridique', status: 'prise_en_charge', assignee });
      expect(doc.openQuestions).toBe(2);
      expect(JSON.stringify(doc)).not.toContain('Secret');
    });

    it('keeps one flat queue document per question', () => {
      const docs = replay(questionQueueProjection, followUp);
      expect(docs.get(Q2)).toMatchObject({ team: 'juridique', waiting: true, assigneeId: 'persona-agent-finances', status: 'prise_en_charge' } satisfies Partial<QueueDoc>);
      expect(docs.get(Q)).toMatchObject({ team: 'aides', waiting: true, assigneeId: null, status: 'nouvelle' });
    });
  });

  describe('commune_stats', () => {
    it('counts the projects of a commune once each', () => {
      const again = { ...events[0], id: 'other', streamId: 'project-other', position: 99 };
      const docs = replay(communeStatsProjection, [...events, again, again]);
      expect(docs.get('95002')?.projectCount).toBe(2);
    });
  });
});

describe('projects with documents', () => {
  const D = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
  const file = { fileName: 'devis.pdf', mediaType: 'application/pdf', size: 48213, sha256: 'a'.repeat(64), blobKey: 'k1' };
  const withDocuments = [
    ...events,
    recorded(5, 'DocumentAdded', { documentId: D, version: 1, ...file, title: 'Devis', public: false }),
    recorded(6, 'DocumentVersionAdded', { documentId: D, version: 2, ...file, blobKey: 'k2' }, 'persona-agent-amenagement', 'departement_agent'),
    recorded(7, 'DocumentVisibilityChanged', { documentId: D, public: true }),
  ];

  it('gives the same document when replayed twice', () => {
    const once = replay(projectProjection, withDocuments);
    expect(replay(projectProjection, withDocuments, structuredClone(once))).toEqual(once);
  });

  it('lists the document with its versions and visibility, and drops it once removed', () => {
    const doc = replay(projectProjection, withDocuments).get(P) as ProjectDoc & StoredDoc;
    expect(doc.documents).toEqual([
      {
        id: D,
        title: 'Devis',
        public: true,
        versions: [
          expect.objectContaining({ version: 1, blobKey: 'k1', addedById: 'persona-maire-95002' }),
          expect.objectContaining({ version: 2, blobKey: 'k2', addedByRole: 'departement_agent' }),
        ],
      },
    ]);
    const removed = replay(projectProjection, [...withDocuments, recorded(8, 'DocumentRemoved', { documentId: D, reason: 'Doublon' })]).get(P) as ProjectDoc & StoredDoc;
    expect(removed.documents).toEqual([]);
  });
});
