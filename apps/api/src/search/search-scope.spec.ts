import { describe, expect, it } from '@jest/globals';
import type { Actor } from '@carnet/domain';
import { SqliteReadStore } from '@carnet/read-store';
import { searchScopes } from './search-scope.js';

const agent: Actor = { id: 'a1', role: 'departement_agent', communeInsee: null, displayName: 'Sophie Bernard', departement: '95' };
/** The communes the instance serves, by Département: the Val-d'Oise's two here. */
const communesOf = (departement: string) => (departement === '95' ? ['95002', '95489'] : []);
const mayor: Actor = { id: 'm1', role: 'commune_mayor', communeInsee: '95002', displayName: 'Maire' };

/** Projects of two départements in one read model, as a national log holds them (issue #15). */
async function projects() {
  const store = new SqliteReadStore(':memory:');
  const set = store.at(1);
  await set.ensureCollection('projects', ['codeInsee'], { compoundIndexes: [['codeInsee', 'step', 'updatedAt']] });
  const docs = [
    ['p-ableiges', '95002'],
    ['p-piscop', '95489'],
    ['p-versailles', '78646'],
  ].map(([id, codeInsee], i) => ({ collection: 'projects', id, doc: { id, _position: i + 1, codeInsee, step: 'idee', updatedAt: '2026-01-01' } }));
  await set.commit(docs, 3);
  return { store, set };
}

describe('searchScopes', () => {
  describe('when a Département agent searches', () => {
    it('covers the projects of the département’s communes only, not the others of the read model', async () => {
      const { store, set } = await projects();
      try {
        expect(await searchScopes(agent, undefined, set, communesOf)).toEqual([{ projectId: ['p-ableiges', 'p-piscop'] }]);
        expect(await searchScopes(agent, '95489', set, communesOf)).toEqual([{ projectId: ['p-piscop'] }]);
        // A commune of another Département, asked for by name: nothing, although the read model holds its project.
        expect(await searchScopes(agent, '78646', set, communesOf)).toEqual([]);
        // An agent of no Département: nothing.
        expect(await searchScopes({ ...agent, departement: null }, undefined, set, communesOf)).toEqual([]);
      } finally {
        await store.close();
      }
    });
  });

  describe('when a mayor searches', () => {
    it('covers their commune’s projects without internal notes, and nothing of another commune', async () => {
      const { store, set } = await projects();
      try {
        expect(await searchScopes(mayor, undefined, set, communesOf)).toEqual([{ projectId: ['p-ableiges'], internal: false }]);
        expect(await searchScopes(mayor, '95489', set, communesOf)).toEqual([]);
      } finally {
        await store.close();
      }
    });
  });
});
