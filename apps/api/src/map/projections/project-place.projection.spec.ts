import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@carnet/event-store';
import { applyEvent, keysOf, type StoredDoc } from '@carnet/read-store';
import { projectPlaceProjection, type ProjectPlaceDoc } from './project-place.projection.js';

const P = '0b6f4d3e-2f7a-4c1e-9d2a-5b8c7e6f1a20';
const Q1 = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const Q2 = '4d2e3f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60';
let position = 0;
const recorded = (revision: number, type: string, data: Record<string, unknown>, schemaVersion = 1): RecordedEvent => ({
  id: `e-${revision}`,
  streamId: `project-${P}`,
  revision,
  position: ++position,
  type,
  schemaVersion,
  data: { projectId: P, ...data },
  metadata: { actorId: 'u', actorRole: 'commune_mayor', actorCommune: '95002', correlationId: 'c', causationId: 'c', commandId: `cmd-${revision}`, recordedAt: `2026-01-${String(revision + 1).padStart(2, '0')}T09:00:00.000Z` },
});

const stream: RecordedEvent[] = [
  recorded(0, 'ProjectCreated', { codeInsee: '95002', title: 'Toiture', description: 'Fuites', theme: 'ecole', estimatedCostHt: 1000 }),
  recorded(1, 'ProjectLocated', { location: { longitude: 1.98, latitude: 49.08 } }),
  recorded(2, 'QuestionAsked', { questionId: Q1, category: 'financement', text: 'Quelles aides ?' }),
  recorded(3, 'QuestionAsked', { questionId: Q2, category: 'juridique', text: 'Marché ?', team: 'juridique', documentIds: [] }, 2),
  recorded(4, 'MessagePosted', { messageId: 'm1', text: 'Bonjour', documentIds: [] }),
  recorded(5, 'QuestionAnswered', { questionId: Q1, answerId: 'a1', text: 'La DETR' }),
  recorded(6, 'StepAdvanced', { from: 'idee', to: 'etudes', progress: 20, comment: null }),
  recorded(7, 'PartnerInvolved', { organisationId: 'org-caue-95' }),
  recorded(8, 'ProjectLocated', { location: { longitude: 1.99, latitude: 49.09 } }),
];

function replay(events: RecordedEvent[], docs = new Map<string, ProjectPlaceDoc & StoredDoc>()) {
  for (const e of events) {
    for (const key of keysOf(projectPlaceProjection, e)) {
      const next = applyEvent(projectPlaceProjection, docs.get(key) ?? null, e, key);
      if (next === undefined) continue;
      if (next === null) docs.delete(key);
      else docs.set(key, next);
    }
  }
  return docs;
}

describe('project_places', () => {
  describe('when a project is placed, questioned and moved', () => {
    it('keeps the latest point, the step, the partners and the oldest waiting question', () => {
      const doc = replay(stream).get(P)!;
      expect(doc).toMatchObject({
        codeInsee: '95002',
        step: 'etudes',
        location: { longitude: 1.99, latitude: 49.09 },
        partners: ['org-caue-95'],
        openQuestions: 1,
        waitingSince: '2026-01-04T09:00:00.000Z',
      });
    });
    it('ignores the events a map does not need (messages, notes, documents)', () => {
      expect(projectPlaceProjection.keyOf(stream[4])).toBeNull();
    });
  });

  describe('when its events are replayed twice', () => {
    it('gives the same documents', () => {
      const once = replay(stream);
      const twice = replay(stream, new Map([...replay(stream)].map(([k, v]) => [k, { ...v }])));
      expect([...twice]).toEqual([...once]);
    });
  });

  describe('when the point goes back to the whole commune', () => {
    it('has no point', () => {
      const doc = replay([...stream, recorded(9, 'ProjectLocated', { location: null })]).get(P)!;
      expect(doc.location).toBeNull();
    });
  });
});
