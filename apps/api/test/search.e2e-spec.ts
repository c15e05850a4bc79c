import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { AGENT, AUDITEUR, MAIRE_ABLEIGES, MAIRE_NESLES, startApp, type Client } from './harness.js';
import { appendToProject } from './follow-up-events.js';

interface Result {
  type: string;
  projectId: string;
  projectTitle: string;
  codeInsee: string;
  excerpt: Array<{ text: string; match: boolean }>;
  link: string;
}

const CAUE = 'persona-caue';

describe('Search (GET /api/search)', () => {
  let t: Awaited<ReturnType<typeof startApp>>;
  let maire: Client;
  let maireNesles: Client;
  let agent: Client;
  let auditeur: Client;
  let caue: Client;
  let ecoleAbleiges: string;
  let traverseeNesles: string;
  let position: number;

  const search = async (c: Client | null, query: string): Promise<{ status: number; body: any }> => {
    const path = `/api/search?${query}${query.includes('minPosition') ? '' : `&minPosition=${position}`}`;
    const res = await (c ? c.get(path) : request(t.http).get(path));
    return { status: res.status, body: res.body };
  };
  const projectsOf = (body: { items: Result[] }) => [...new Set(body.items.map((r) => r.projectId))];

  beforeAll(async () => {
    t = await startApp();
    [maire, maireNesles, agent, auditeur, caue] = await Promise.all([MAIRE_ABLEIGES, MAIRE_NESLES, AGENT, AUDITEUR, CAUE].map((p) => t.login(p)));
    const list = (await agent.get('/api/projects?limit=200')).body.items as Array<{ id: string; title: string }>;
    ecoleAbleiges = list.find((p) => p.title === 'Réfection de la toiture de l’école élémentaire')!.id;
    traverseeNesles = list.find((p) => p.title === 'Sécurisation de la traversée du bourg')!.id;
    // The conversation and internal notes arrive with other branches: their events are appended as those will append them.
    position = await appendToProject(t, ecoleAbleiges, [
      { type: 'MessagePosted', data: { messageId: 'msg-1', text: 'Nous avons reçu le devis du couvreur pour les écoles.', documentIds: [] } },
      { type: 'InternalNoteAdded', data: { noteId: 'note-1', text: 'Note interne : la commune pourrait obtenir une subvention exceptionnelle pour l’école.', questionId: null } },
    ]);
    position = Math.max(position, await appendToProject(t, traverseeNesles, [
      { type: 'InternalNoteAdded', data: { noteId: 'note-2', text: 'Avis du CAUE sur les plateaux devant l’école : favorable.', questionId: null } },
    ]));
  });

  afterAll(async () => {
    await t.close();
  });

  describe('when a mayor searches « ecoles » over the demo data', () => {
    it('finds their école project, its question and the conversation, highlighted, and nothing of another commune', async () => {
      const { status, body } = await search(maire, 'q=ecoles');
      expect(status).toBe(200);
      // Ableiges has two école projects in the demo (the roof and the schoolyard): only theirs come.
      expect(projectsOf(body)).toEqual(expect.arrayContaining([ecoleAbleiges]));
      expect(new Set(body.items.map((r: Result) => r.codeInsee))).toEqual(new Set(['95002']));
      expect(body.items.filter((r: Result) => r.projectId === ecoleAbleiges).map((r: Result) => r.type).sort()).toEqual(['message', 'project', 'question']);
      const project = body.items.find((r: Result) => r.type === 'project' && r.projectId === ecoleAbleiges);
      expect(project).toMatchObject({ projectTitle: 'Réfection de la toiture de l’école élémentaire', codeInsee: '95002', link: `/projets/${ecoleAbleiges}` });
      // A question opens the project's « Questions » section, a message its « Échanges ».
      expect(body.items.find((r: Result) => r.type === 'question' && r.projectId === ecoleAbleiges).link).toBe(`/projets/${ecoleAbleiges}/questions`);
      expect(body.items.find((r: Result) => r.type === 'message').link).toBe(`/projets/${ecoleAbleiges}/echanges`);
      expect(project.excerpt.filter((p: { match: boolean }) => p.match).map((p: { text: string }) => p.text)).toContain('école');
      const message = body.items.find((r: Result) => r.type === 'message');
      expect(message.excerpt.find((p: { match: boolean }) => p.match).text).toBe('écoles');
    });

    it('never gives them an internal note, not even when asking for notes only', async () => {
      const all = await search(maire, 'q=subvention%20exceptionnelle');
      expect(all.body).toEqual({ query: 'subvention exceptionnelle', total: 0, items: [] });
      const notes = await search(maire, 'q=ecole&type=note');
      expect(notes.body.items).toEqual([]);
      const nesles = await search(maireNesles, 'q=avis%20CAUE');
      expect(nesles.body.items).toEqual([]);
    });
  });

  describe('when a word comes in another form', () => {
    it('finds « École » from « écoles », « financement » from « financements », « subventions » from « subvention »', async () => {
      expect((await search(agent, 'q=%C3%A9coles')).body.items.length).toBeGreaterThanOrEqual(3);
      const financements = await search(maire, 'q=financements');
      expect(financements.status).toBe(200);
      // « financés » in the city-stade of Vigny, found by the Département's agent.
      expect((await search(agent, 'q=financements')).body.items.some((r: Result) => r.codeInsee === '95658' && r.type === 'project')).toBe(true);
      // …but not by another commune's mayor: the published version is read on the public portal.
      expect(financements.body.items.some((r: Result) => r.codeInsee === '95658')).toBe(false);
      const subvention = await search(agent, 'q=subvention&type=question');
      expect(subvention.body.items.map((r: Result) => r.excerpt.find((p) => p.match)!.text)).toContain('subvention');
    });
  });

  describe('visibility per role', () => {
    it('gives the Département and auditors everything, internal notes included', async () => {
      for (const c of [agent, auditeur]) {
        const { body } = await search(c, 'q=ecole');
        expect(projectsOf(body)).toEqual(expect.arrayContaining([ecoleAbleiges, traverseeNesles]));
        // The two notes appended above are found (the demo data holds other internal notes too).
        const notes = body.items.filter((r: Result) => r.type === 'note').map((r: Result) => r.excerpt.map((p) => p.text).join(''));
        expect(notes).toEqual(expect.arrayContaining([expect.stringContaining('Avis du CAUE sur les plateaux'), expect.stringContaining('subvention exceptionnelle')]));
      }
    });

    it('gives a partner the projects of its organisation, with their internal notes', async () => {
      const { body } = await search(caue, 'q=ecole');
      expect(projectsOf(body)).toEqual([traverseeNesles]);
      expect(body.items.map((r: Result) => r.type).sort()).toEqual(['note', 'project']);
    });

    it('gives an anonymous visitor nothing: published projects are searched on the public portal, in their approved version', async () => {
      expect((await search(null, 'q=city-stade')).body.items).toEqual([]);
      expect((await search(null, 'q=ecole')).body.items).toEqual([]);
    });

    it('narrows to one commune with commune=', async () => {
      const { body } = await search(agent, 'q=ecole&commune=95446');
      expect(projectsOf(body)).toEqual([traverseeNesles]);
      expect((await search(maire, 'q=ecole&commune=95446')).body.items).toEqual([]);
    });
  });

  describe('when the query is not acceptable', () => {
    it('answers a French problem for a missing, too short, stop-word-only query or an unknown type', async () => {
      for (const [query, field, message] of [
        ['', 'q', /Indiquez les mots à chercher/],
        ['q=%20a%20', 'q', /au moins 2 caractères/],
        ['q=de%20la', 'q', /ne suffisent pas/],
        ['q=ecole&type=dossier', 'type', /Le type doit être/],
        ['q=ecole&commune=123', 'commune', /code INSEE/],
      ] as const) {
        const res = await agent.get(`/api/search?${query}`);
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, message: expect.stringMatching(message) })]));
      }
    });
  });

  describe('when the read models are rebuilt', () => {
    it('answers the same after the rebuild (the index is a projection)', async () => {
      const before = await search(agent, 'q=ecole');
      const { rebuildReadModels } = await import('@carnet/read-store');
      const { ALL_PROJECTIONS } = await import('../src/infrastructure/projections.js');
      const { EVENT_STORE, READ_STORE } = await import('../src/infrastructure/tokens.js');
      const result = await rebuildReadModels(t.app.get(EVENT_STORE), t.app.get(READ_STORE), ALL_PROJECTIONS);
      const deadline = Date.now() + 10_000;
      let after = await search(agent, 'q=ecole');
      while (Date.now() < deadline) {
        const health = (await request(t.http).get('/api/health')).body;
        if (health.readModelGeneration === result.generation) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      after = await search(agent, 'q=ecole');
      expect(after.body).toEqual(before.body);
    });
  });
});
