import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@carnet/event-store';
import type { PublicContent } from '@carnet/domain';
import { applyEvent, keysOf, type Projection, type StoredDoc } from '@carnet/read-store';
import { publicChangeProjection, type PublicChangeEntry } from './public-change.projection.js';
import { publicationFingerprint } from '../../shared/fingerprint.js';
import { publicProjectProjection, type PublicProjectDoc } from './public-project.projection.js';

const P = '0b6f4d3e-2f7a-4c1e-9d2a-5b8c7e6f1a20';
const D = '7d2b0c1e-1111-4c1e-9d2a-5b8c7e6f1a20';

function log() {
  let position = 0;
  let revision = 0;
  return (type: string, data: Record<string, unknown>, schemaVersion = 1, day = revision + 1): RecordedEvent => ({
    id: `e-${revision}`,
    streamId: `project-${P}`,
    revision: revision++,
    position: ++position,
    type,
    schemaVersion,
    data: { projectId: P, ...data },
    metadata: { actorId: 'a', actorRole: 'commune_mayor', actorCommune: '95002', correlationId: 'c', causationId: 'c', commandId: `c-${position}`, recordedAt: `2026-03-${String(day).padStart(2, '0')}T09:00:00.000Z` },
    hash: '',
    previousHash: '',
  });
}

const content = (over: Partial<PublicContent> = {}): PublicContent => ({
  title: 'Toiture de l’école',
  summary: 'La toiture a été refaite.',
  finalCostHt: 180000,
  funding: [{ source: 'DETR', amountHt: 60000 }],
  lessonsLearned: 'Commencer tôt.',
  documents: [{ documentId: D, version: 1 }],
  ...over,
});

function history() {
  const e = log();
  const v1 = content();
  const v2 = content({ summary: 'Version revue', finalCostHt: 190000 });
  return {
    v1,
    v2,
    base: [
      e('ProjectCreated', { codeInsee: '95002', title: 'Toiture', description: 'x', theme: 'ecole', estimatedCostHt: 1 }),
      e('StepAdvanced', { from: 'idee', to: 'etudes', progress: 20, comment: null }),
      e('StepAdvanced', { from: 'etudes', to: 'termine', progress: 100, comment: null }),
      e('DocumentAdded', { documentId: D, version: 1, title: 'Photo du toit', public: true, fileName: 'toit.jpg', mediaType: 'image/jpeg', size: 10, sha256: 'ab', blobKey: 'k1' }),
      e('PublicationRequested', { version: 1, content: v1 }, 2),
    ],
    approve1: e('ProjectPublished', { version: 1, fingerprint: publicationFingerprint(P, 1, v1) }, 2),
    revise2: e('PublicationRevised', { version: 2, content: v2, reason: 'Coût final' }),
    approve2: e('ProjectPublished', { version: 2, fingerprint: publicationFingerprint(P, 2, v2) }, 2),
    hide: e('DocumentVisibilityChanged', { documentId: D, public: false }),
    withdraw: e('PublicationWithdrawn', { reason: 'Demande du maire' }),
  };
}

function replay<D extends object>(projection: Projection<D>, stream: RecordedEvent[], docs = new Map<string, D & StoredDoc>()) {
  for (const e of stream) {
    for (const key of keysOf(projection, e)) {
      const next = applyEvent(projection, docs.get(key) ?? null, e, key, (k) => docs.get(k) ?? null);
      if (next === undefined) continue;
      if (next === null) docs.delete(key);
      else docs.set(key, next);
    }
  }
  return docs;
}

const publicOf = (events: RecordedEvent[]) => replay(publicProjectProjection, events).get(P) as PublicProjectDoc & StoredDoc;
const feedOf = (events: RecordedEvent[]) =>
  [...replay(publicChangeProjection, events).values()].filter((d): d is PublicChangeEntry & StoredDoc => d.entry).map((d) => d.kind);

describe('public read models', () => {
  const h = history();
  const all = [...h.base, h.approve1, h.revise2, h.approve2, h.hide, h.withdraw];

  for (const projection of [publicProjectProjection, publicChangeProjection] as Projection<any>[]) {
    describe(`${projection.collection} when its events are replayed twice`, () => {
      it('gives the same documents', () => {
        const once = replay(projection, all.slice(0, -1));
        expect(replay(projection, all.slice(0, -1), structuredClone(once))).toEqual(once);
      });
    });
  }

  describe('when publication is requested but not approved', () => {
    it('is not listed and the feed is empty', () => {
      expect(publicOf(h.base)).toMatchObject({ listed: false, public: null });
      expect(feedOf(h.base)).toEqual([]);
    });
  });

  describe('when the mayor approves version 1', () => {
    it('shows exactly that version with the facts of the approval', () => {
      const doc = publicOf([...h.base, h.approve1]);
      expect(doc).toMatchObject({ listed: true, codeInsee: '95002', theme: 'ecole', year: 2026, costBand: '50000-200000' });
      expect(doc.public).toMatchObject({ title: 'Toiture de l’école', summary: 'La toiture a été refaite.', version: 1, finalCostHt: 180000 });
      expect(doc.public!.timeline.map((s) => s.step)).toEqual(['idee', 'etudes', 'termine']);
      expect(doc.public!.documents.map((d) => d.title)).toEqual(['Photo du toit']);
      expect(feedOf([...h.base, h.approve1])).toEqual(['published']);
    });
  });

  describe('when the content is revised after approval', () => {
    it('still shows the approved version until the next approval', () => {
      expect(publicOf([...h.base, h.approve1, h.revise2]).public!.summary).toBe('La toiture a été refaite.');
      expect(feedOf([...h.base, h.approve1, h.revise2])).toEqual(['published']);
      expect(publicOf([...h.base, h.approve1, h.revise2, h.approve2]).public).toMatchObject({ summary: 'Version revue', version: 2 });
      expect(feedOf([...h.base, h.approve1, h.revise2, h.approve2])).toEqual(['published', 'updated']);
    });
  });

  describe('when an approval does not match the content’s fingerprint', () => {
    it('publishes nothing', () => {
      const forged = { ...h.approve1, data: { ...h.approve1.data as object, fingerprint: 'f'.repeat(64) } };
      expect(publicOf([...h.base, forged]).listed).toBe(false);
      expect(feedOf([...h.base, forged])).toEqual([]);
    });
  });

  describe('when a listed document is made private after approval', () => {
    it('disappears from the public fiche and the feed says updated', () => {
      const doc = publicOf([...h.base, h.approve1, h.hide]);
      expect(doc.public!.documents).toEqual([]);
      expect(feedOf([...h.base, h.approve1, h.hide])).toEqual(['published', 'updated']);
    });
  });

  describe('when the publication is withdrawn', () => {
    it('is gone and the feed says withdrawn', () => {
      expect(publicOf(all)).toMatchObject({ listed: false, public: null });
      expect(feedOf(all)).toEqual(['published', 'updated', 'updated', 'withdrawn']);
    });

    it('announces nothing when it had never been approved', () => {
      expect(feedOf([...h.base, h.withdraw])).toEqual([]);
    });
  });

  describe('when versions carry the project’s point (PublicationRequested v3, PublicationRevised v2)', () => {
    it('shows the approved version’s point only: a revised point waits for the next approval', () => {
      const e = log();
      const A = { longitude: 1.97467, latitude: 49.08531 };
      const B = { longitude: 1.98, latitude: 49.08 };
      const v1 = content({ documents: [], location: A });
      const v2 = content({ documents: [], location: B });
      const stream = [
        e('ProjectCreated', { codeInsee: '95002', title: 'Toiture', description: 'x', theme: 'ecole', estimatedCostHt: 1 }),
        e('ProjectLocated', { location: A }),
        e('StepAdvanced', { from: 'idee', to: 'termine', progress: 100, comment: null }),
        e('PublicationRequested', { version: 1, content: v1 }, 3),
      ];
      expect(publicOf(stream).public).toBeNull();
      stream.push(e('ProjectPublished', { version: 1, fingerprint: publicationFingerprint(P, 1, v1) }, 2));
      expect(publicOf(stream).public!.location).toEqual(A);
      stream.push(e('ProjectLocated', { location: B }), e('PublicationRevised', { version: 2, content: v2, reason: 'Point déplacé' }, 2));
      expect(publicOf(stream).public!.location).toEqual(A);
      stream.push(e('ProjectPublished', { version: 2, fingerprint: publicationFingerprint(P, 2, v2) }, 2));
      expect(publicOf(stream).public!.location).toEqual(B);
    });
    it('reads an older version without a point as the commune as a whole', () => {
      expect(publicOf([...h.base, h.approve1]).public!.location).toBeNull();
    });
  });

  describe('when the events are version 1', () => {
    it('reads the request as version 1 with the project’s title and the approval without fingerprint', () => {
      const e = log();
      const doc = publicOf([
        e('ProjectCreated', { codeInsee: '95446', title: 'Lavoir', description: 'x', theme: 'patrimoine', estimatedCostHt: null }),
        e('StepAdvanced', { from: 'idee', to: 'termine', progress: 100, comment: null }),
        e('PublicationRequested', { summary: 'Le lavoir restauré' }),
        e('ProjectPublished', {}),
      ]);
      expect(doc.public).toMatchObject({ title: 'Lavoir', summary: 'Le lavoir restauré', version: 1, fingerprint: null, finalCostHt: null, funding: [], documents: [] });
      expect(doc.costBand).toBe('non-communique');
    });
  });
});
