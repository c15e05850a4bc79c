import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@carnet/event-store';
import { applyEvent, keysOf, type Projection, type StoredDoc } from '@carnet/read-store';
import { faqEntryProjection, type FaqEntryDoc } from './faq-entry.projection.js';
import { faqSourceProjection, type FaqSourceDoc } from './faq-source.projection.js';
import { faqUsageProjection, type FaqUsageMonthDoc } from './faq-usage.projection.js';

const E = '6f1c2a10-5b3e-4c6d-9a1e-0000000000e1';
const P = '6f1c2a10-5b3e-4c6d-9a1e-0000000000a1';
const Q = '6f1c2a10-5b3e-4c6d-9a1e-0000000000b1';
const S = '6f1c2a10-5b3e-4c6d-9a1e-0000000000c1';

let position = 0;
const revisions = new Map<string, number>();
function event(streamId: string, type: string, data: Record<string, unknown>, actorId = 'agent', recordedAt = '2026-11-03T09:00:00.000Z'): RecordedEvent {
  const revision = revisions.get(streamId) ?? 0;
  revisions.set(streamId, revision + 1);
  return {
    id: `e-${++position}`,
    streamId,
    revision,
    position,
    type,
    schemaVersion: 1,
    data,
    metadata: { actorId, actorRole: 'departement_agent', actorCommune: null, correlationId: 'c', causationId: 'c', commandId: `c-${position}`, recordedAt },
    hash: '',
    previousHash: '',
  };
}

const content = { question: 'Quand déposer un dossier de DETR ?', answer: 'Avant fin janvier.', category: 'financement', keywords: ['DETR'], team: 'aides', audience: 'public' };
const log: RecordedEvent[] = [
  event(`project-${P}`, 'QuestionAnswered', { projectId: P, questionId: Q, answerId: 'a1', text: 'Avant fin janvier.', documentIds: [], contactId: null }),
  event(`faq-${E}`, 'FaqEntryDrafted', { entryId: E, ...content, sourceQuestions: [{ projectId: P, questionId: Q }] }),
  event(`faq-${E}`, 'FaqEntryPublished', { entryId: E }),
  event(`faqusage-${E}`, 'FaqEntryVoted', { entryId: E, useful: true }, 'maire'),
  event(`faqusage-${E}`, 'FaqEntryVoted', { entryId: E, useful: true }, 'autre'),
  event(`faqusage-${E}`, 'FaqEntryVoted', { entryId: E, useful: false }, 'maire'),
  event(`faqasking-${S}`, 'FaqEntryOpened', { entryId: E, from: 'suggestion', askingId: S, projectId: P }, 'maire', '2026-12-01T08:00:00.000Z'),
  event(`faqasking-${S}`, 'FaqQuestionAvoided', { askingId: S, projectId: P, entryIds: [E] }, 'maire', '2026-12-01T08:05:00.000Z'),
  event(`faq-${E}`, 'FaqEntryRevised', { entryId: E, ...content, answer: 'Avant le 31 janvier.', reason: null }, 'agent', '2026-12-02T08:00:00.000Z'),
  event(`project-${P}`, 'QuestionAnswered', { projectId: P, questionId: Q, answerId: 'a2', text: 'Correction', documentIds: [], contactId: null }, 'agent', '2026-12-03T08:00:00.000Z'),
];

function replay<D extends object>(projection: Projection<D>, events: RecordedEvent[], docs = new Map<string, D & StoredDoc>()) {
  for (const e of events) {
    for (const key of keysOf(projection, e)) {
      const next = applyEvent(projection, docs.get(key) ?? null, e, key);
      if (next === null) docs.delete(key);
      else if (next) docs.set(key, next);
    }
  }
  return docs;
}

describe('FAQ projections', () => {
  for (const projection of [faqEntryProjection, faqSourceProjection, faqUsageProjection] as Projection<any>[]) {
    it(`${projection.collection} gives the same documents when its events are replayed twice`, () => {
      const once = replay(projection, log);
      expect(replay(projection, log, structuredClone(once))).toEqual(once);
    });
  }

  describe('when an entry is drafted, published, voted on and revised', () => {
    it('keeps the last vote of each person, the version of its stream and « vérifiée le » at the revision', () => {
      const doc = replay(faqEntryProjection, log).get(E) as FaqEntryDoc & StoredDoc;
      expect(doc).toMatchObject({ status: 'published', answer: 'Avant le 31 janvier.', votes: { maire: false, autre: true }, usefulCount: 1, openedCount: 1, version: 3, verifiedAt: '2026-12-02T08:00:00.000Z' });
      expect(doc.terms).toEqual(expect.arrayContaining(['detr', 'deposer'.replace(/er$/, ''), 'janvi']));
    });
  });

  it('counts openings, votes and questions avoided per month', () => {
    const months = replay(faqUsageProjection, log) as Map<string, FaqUsageMonthDoc & StoredDoc>;
    expect(months.get('2026-11')).toMatchObject({ votes: 3, opened: 0, avoided: 0 });
    expect(months.get('2026-12')).toMatchObject({ votes: 0, opened: 1, openedFromSuggestions: 1, avoided: 1 });
  });

  it('remembers when a source question was last answered, and which entries came from it', () => {
    const source = replay(faqSourceProjection, log).get(Q) as FaqSourceDoc & StoredDoc;
    expect(source).toMatchObject({ projectId: P, entryIds: [E], lastAnsweredAt: '2026-12-03T08:00:00.000Z' });
  });
});
