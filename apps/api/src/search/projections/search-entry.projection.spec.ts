import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@carnet/event-store';
import { applyEvent, keysOf, type Projection, type StoredDoc } from '@carnet/read-store';
import { searchEntryProjection, type SearchEntryDoc } from './search-entry.projection.js';
import { dashboardProjectProjection } from '../../dashboards/projections/dashboard-project.projection.js';
import { dashboardQuestionProjection, type DashboardQuestionDoc } from '../../dashboards/projections/dashboard-question.projection.js';

const P = '0b6f4d3e-2f7a-4c1e-9d2a-5b8c7e6f1a20';
let position = 0;
const recorded = (revision: number, type: string, data: Record<string, unknown>, schemaVersion = 1): RecordedEvent => ({
  id: `e-${revision}`,
  streamId: `project-${P}`,
  revision,
  position: ++position,
  type,
  schemaVersion,
  data: { projectId: P, ...data },
  hash: '',
  previousHash: '',
  metadata: { actorId: 'a', actorRole: 'commune_mayor', correlationId: 'c', causationId: 'c', commandId: `cmd-${revision}`, recordedAt: `2026-01-${String(revision + 1).padStart(2, '0')}T09:00:00.000Z` },
});

const events: RecordedEvent[] = [
  recorded(0, 'ProjectCreated', { codeInsee: '95002', title: 'Toiture de l’école', description: 'Fuites', theme: 'ecole', estimatedCostHt: 1000 }),
  recorded(1, 'StepAdvanced', { from: 'idee', to: 'etudes', progress: 20, comment: null }),
  recorded(2, 'QuestionAsked', { questionId: 'q1', category: 'financement', text: 'Quelles subventions ?' }),
  recorded(3, 'QuestionTakenInCharge', { questionId: 'q1', assignee: { accountId: 'x', kind: 'agent', organisationId: null } }),
  recorded(4, 'QuestionAnswered', { questionId: 'q1', answerId: 'a1', text: 'La DETR finance les écoles' }),
  recorded(5, 'MessagePosted', { messageId: 'm1', text: 'Merci pour les financements', documentIds: [] }),
  recorded(6, 'InternalNoteAdded', { noteId: 'n1', text: 'Dossier à prioriser', questionId: 'q1' }),
  recorded(7, 'ProjectDetailsChanged', { title: 'Toiture des écoles' }),
  recorded(8, 'PublicationRequested', { summary: 'Chantier livré en été' }),
  recorded(9, 'QuestionReopened', { questionId: 'q1', reason: 'Et la Région ?' }),
  recorded(10, 'QuestionAnswered', { questionId: 'q1', answerId: 'a2', text: 'Oui', documentIds: [], contactId: null }, 2),
  recorded(11, 'QuestionClosed', { questionId: 'q1' }),
];

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

describe('search and dashboard projections', () => {
  for (const projection of [searchEntryProjection, dashboardProjectProjection, dashboardQuestionProjection] as Projection<any>[]) {
    describe(`${projection.collection} when its events are replayed twice`, () => {
      it('gives the same documents', () => {
        const once = replay(projection, events);
        expect(replay(projection, events, structuredClone(once))).toEqual(once);
        expect(once.size).toBeGreaterThan(0);
      });
    });
  }

  describe('search_entries', () => {
    const docs = replay(searchEntryProjection, events) as Map<string, SearchEntryDoc & StoredDoc>;

    it('holds one entry per project, question, answer, message and note, with analysed terms', () => {
      expect([...docs.keys()].sort()).toEqual(['answer:a1', 'answer:a2', 'message:m1', 'note:n1', 'project:' + P, 'question:q1']);
      expect(docs.get('answer:a1')).toMatchObject({ kind: 'answer', projectId: P, questionId: 'q1', internal: false, terms: ['detr', 'financ', 'ecol'] });
    });

    it('marks internal notes as internal, and nothing else', () => {
      expect([...docs.values()].filter((d) => d.internal).map((d) => d.id)).toEqual(['note:n1']);
    });

    it('keeps the project entry in step with its title and public summary', () => {
      const project = docs.get(`project:${P}`)!;
      expect(project.text).toBe('Toiture des écoles\nFuites\nChantier livré en été');
      expect(project.terms).toEqual(expect.arrayContaining(['toitur', 'ecol', 'chanti', 'livr']));
    });
  });

  describe('dashboard_questions', () => {
    it('follows the status and keeps the first answer’s date, reading v1 without a team', () => {
      const q = replay(dashboardQuestionProjection, events).get('q1') as DashboardQuestionDoc;
      expect(q).toMatchObject({ team: 'aides', status: 'close', askedAt: '2026-01-03T09:00:00.000Z', firstAnsweredAt: '2026-01-05T09:00:00.000Z' });
      expect(q.transitions.map((t) => t.status)).toEqual(['nouvelle', 'prise_en_charge', 'repondue', 'prise_en_charge', 'repondue', 'close']);
    });
  });
});
