import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { SqliteEventStore, type NewEvent } from '@carnet/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseFrench, analyseQuery } from '../french-analyser.js';
import type { Projection } from '../projection.js';
import type { DocumentChange, ReadModelSet, ReadStore } from '../read-store.port.js';
import { rebuildReadModels } from '../rebuild.js';
import type { SearchQuery } from '../search-index.port.js';
import type { ReadStoreFixture } from './read-store.contract.js';

interface Entry {
  kind: string;
  projectId: string;
  internal: boolean;
  text: string;
  terms: string[];
}

const entry = (id: string, position: number, fields: Omit<Entry, 'terms'>): DocumentChange => ({
  collection: 'entries',
  id,
  doc: { ...fields, terms: analyseFrench(fields.text), _position: position },
});

const ENTRIES = [
  entry('p1', 1, { kind: 'project', projectId: 'p1', internal: false, text: 'Rénovation de l’École Jules-Ferry' }),
  entry('q1', 2, { kind: 'question', projectId: 'p1', internal: false, text: 'Quels financements pour les écoles ?' }),
  entry('n1', 3, { kind: 'note', projectId: 'p1', internal: true, text: 'Note interne : subvention probable pour l’école' }),
  entry('p2', 4, { kind: 'project', projectId: 'p2', internal: false, text: 'Éclairage public du village' }),
  entry('m2', 5, { kind: 'message', projectId: 'p2', internal: false, text: 'Les subventions de la Région pour l’éclairage' }),
  entry('p3', 6, { kind: 'project', projectId: 'p3', internal: false, text: 'École, école, école : cour de l’école maternelle' }),
];

const ids = (page: { hits: Array<{ doc: { id: string } }> }) => page.hits.map((h) => h.doc.id);
const sorted = (list: string[]) => [...list].sort();
const q = (text: string, over: Partial<SearchQuery> = {}): SearchQuery => ({ field: 'terms', terms: analyseQuery(text), ...over });

/** What every read-store adapter must do as a search index (SearchIndex port). */
export function searchIndexContract(name: string, factory: () => Promise<ReadStoreFixture>): void {
  describe(`SearchIndex contract: ${name}`, () => {
    let fixture: ReadStoreFixture;
    let store: ReadStore;
    let set: ReadModelSet;

    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
      set = store.at(await store.activeGeneration());
      await set.ensureCollection('entries', ['kind', 'projectId'], { fullText: 'terms' });
      await set.commit(ENTRIES, 6);
    });

    afterEach(async () => {
      await fixture.cleanup();
    });

    describe('when searching a word in another form', () => {
      it('finds it without accents, in the singular or the plural', async () => {
        expect(sorted(ids(await set.search('entries', q('ecoles'))))).toEqual(['n1', 'p1', 'p3', 'q1']);
        expect(sorted(ids(await set.search('entries', q('Subvention'))))).toEqual(['m2', 'n1']);
        expect(ids(await set.search('entries', q('financement')))).toEqual(['q1']);
      });

      it('finds nothing for a word that is nowhere', async () => {
        expect(await set.search('entries', q('piscine'))).toEqual({ hits: [], total: 0 });
      });
    });

    describe('when the query has several words', () => {
      it('finds the documents holding all of them', async () => {
        expect(sorted(ids(await set.search('entries', q('école subvention'))))).toEqual(['n1']);
      });
    });

    describe('when ranking', () => {
      it('puts first the document where the word weighs most (BM25)', async () => {
        const page = await set.search('entries', q('école'));
        expect(page.hits[0].doc.id).toBe('p3');
        for (let i = 1; i < page.hits.length; i++) expect(page.hits[i - 1].score).toBeGreaterThanOrEqual(page.hits[i].score);
      });
    });

    describe('when filtering', () => {
      it('keeps the documents meeting where (values and lists)', async () => {
        expect(sorted(ids(await set.search('entries', q('école', { where: { internal: false } }))))).toEqual(['p1', 'p3', 'q1']);
        expect(sorted(ids(await set.search('entries', q('école', { where: { kind: ['project', 'note'] } }))))).toEqual(['n1', 'p1', 'p3']);
      });

      it('keeps the documents meeting at least one scope, and none for no scope', async () => {
        const scopes = [{ projectId: ['p2'] }, { projectId: 'p1', internal: false }];
        expect(sorted(ids(await set.search('entries', q('subventions écoles', { where: {}, scopes }))))).toEqual([]);
        expect(sorted(ids(await set.search('entries', q('subvention', { scopes }))))).toEqual(['m2']);
        expect(sorted(ids(await set.search('entries', q('école', { scopes }))))).toEqual(['p1', 'q1']);
        expect(await set.search('entries', q('école', { scopes: [] }))).toEqual({ hits: [], total: 0 });
      });
    });

    describe('when paging', () => {
      it('gives the total of all pages and the requested slice in rank order', async () => {
        const all = await set.search('entries', q('école'));
        const second = await set.search('entries', q('école', { limit: 2, offset: 2 }));
        expect(second.total).toBe(4);
        expect(ids(second)).toEqual(ids(all).slice(2, 4));
      });
    });

    describe('when documents change or go', () => {
      it('searches their new terms and forgets the removed ones', async () => {
        await set.commit(
          [entry('p2', 7, { kind: 'project', projectId: 'p2', internal: false, text: 'Éclairage de l’école' }), { collection: 'entries', id: 'p3', doc: null }],
          7,
        );
        expect(sorted(ids(await set.search('entries', q('école'))))).toEqual(['n1', 'p1', 'p2', 'q1']);
        expect(ids(await set.search('entries', q('village')))).toEqual([]);
      });

      it('returns the documents as stored, with id and position', async () => {
        const [hit] = (await set.search<Entry>('entries', q('financements'))).hits;
        expect(hit.doc).toMatchObject({ id: 'q1', _position: 2, kind: 'question', text: 'Quels financements pour les écoles ?' });
      });
    });

    describe('when the index is declared after the documents were loaded (a rebuild)', () => {
      it('indexes the documents already there, then the new ones', async () => {
        const next = store.at((await store.activeGeneration()) + 1);
        await next.ensureCollection('entries', []);
        await next.commit(ENTRIES, 6);
        await next.ensureCollection('entries', ['kind'], { fullText: 'terms' });
        await next.commit([entry('x', 7, { kind: 'project', projectId: 'x', internal: false, text: 'Nouvelle école' })], 7);
        expect(sorted(ids(await next.search('entries', q('écoles'))))).toEqual(['n1', 'p1', 'p3', 'q1', 'x']);
      });

      it('is rebuilt from the log and dropped with its generation', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'carnet-search-'));
        const events = new SqliteEventStore({ filename: join(dir, 'events.db') });
        try {
          const projection: Projection<Omit<Entry, 'kind' | 'projectId' | 'internal'>> = {
            collection: 'notes',
            indexedFields: [],
            fullText: 'terms',
            keyOf: (e) => (e.type === 'Noted' ? (e.data as { id: string }).id : null),
            evolve: (_doc, e) => ({ text: (e.data as { text: string }).text, terms: analyseFrench((e.data as { text: string }).text) }),
          };
          const noted = (id: string, text: string): NewEvent => ({
            id: randomUUID(),
            type: 'Noted',
            schemaVersion: 1,
            data: { id, text },
            metadata: { actorId: 'a', actorRole: 'r', correlationId: 'c', causationId: 'c', commandId: randomUUID(), recordedAt: '2026-03-01T10:00:00.000Z' },
          });
          await events.appendToStream('note-1', [noted('n-1', 'Les subventions obtenues'), noted('n-2', 'Rien à voir')], 'no_stream');
          const before = await store.activeGeneration();
          const result = await rebuildReadModels(events, store, [projection]);
          const rebuilt = store.at(result.generation);
          expect(ids(await rebuilt.search('notes', q('subvention')))).toEqual(['n-1']);
          await store.dropGeneration(before);
          const again = await rebuildReadModels(events, store, [projection]);
          await store.dropGeneration(result.generation);
          expect(ids(await store.at(again.generation).search('notes', q('obtenue')))).toEqual(['n-1']);
        } finally {
          await events.close();
          rmSync(dir, { recursive: true, force: true });
        }
      });
    });
  });
}
