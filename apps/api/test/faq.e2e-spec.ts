import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { AGENT, AUDITEUR, MAIRE_ABLEIGES, MAIRE_NESLES, newProject, startApp, type Client } from './harness.js';

const FINANCES = 'persona-agent-finances';

describe('Collaborative FAQ (issue #11)', () => {
  let t: Awaited<ReturnType<typeof startApp>>;
  let maire: Client;
  let maireNesles: Client;
  let agent: Client;
  let finances: Client;
  let auditeur: Client;
  let projectId: string;
  let questionId: string;
  let position = 0;

  const at = (res: request.Response) => {
    position = Math.max(position, res.body.position ?? 0);
    return res;
  };
  const anon = (path: string) => request(t.http).get(path);
  const withPos = (path: string) => `${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`;

  beforeAll(async () => {
    t = await startApp();
    [maire, maireNesles, agent, finances, auditeur] = await Promise.all([MAIRE_ABLEIGES, MAIRE_NESLES, AGENT, FINANCES, AUDITEUR].map((p) => t.login(p)));
    projectId = at(await maire.post('/api/projects').send(newProject({ title: 'Extension de l’école maternelle' })).expect(201)).body.id;
    at(
      await maire
        .post(`/api/projects/${projectId}/questions`)
        .send({
          category: 'financement',
          text: 'Bonjour, ici Claire Martin, maire d’Ableiges. Pour l’extension de l’école, peut-on cumuler la DETR et le contrat rural ? Joignable au 06 12 34 56 78 ou claire.martin@ableiges.fr.',
        })
        .expect(201),
    );
    questionId = (await maire.get(withPos(`/api/projects/${projectId}`)).expect(200)).body.questions[0].id;
    at(
      await finances
        .post(`/api/projects/${projectId}/questions/${questionId}/answers`)
        .send({ text: 'Madame Martin, oui : la DETR et le contrat rural se cumulent dans la limite de 80 % d’aides publiques. Écrivez à Élodie Marchand (elodie.marchand@departement95.example, 01 34 25 30 30) pour le plan de financement de la commune d’Ableiges.' })
        .expect(201),
    );
  });

  afterAll(async () => {
    await t.close();
  });

  describe('when an agent chooses « Proposer pour la FAQ » on an answered question', () => {
    let entryId: string;

    it('gets a draft with no name, e-mail, phone nor commune, that the commune cannot see', async () => {
      const res = at(await finances.post('/api/faq/entries/from-question').send({ projectId, questionId }).expect(201));
      entryId = res.body.id;
      expect(res.body.removed).toEqual({ names: 3, emails: 2, phones: 2, communes: 2 });
      const draft = (await finances.get(withPos(`/api/faq/entries/${entryId}`)).expect(200)).body;
      expect(draft.status).toBe('draft');
      expect(draft.audience).toBe('communes');
      const text = `${draft.question} ${draft.answer}`;
      for (const personal of ['Claire', 'Martin', 'Marchand', 'Élodie', 'Ableiges', '06 12', '01 34', '@']) expect(text).not.toContain(personal);
      expect(draft.question).toContain('peut-on cumuler la DETR et le contrat rural');
      expect(draft.sourceQuestions).toEqual([{ projectId, questionId }]);
      expect((await maire.get(`/api/faq/entries/${entryId}`)).status).toBe(404);
    });

    it('is edited, published for the public, found without accents, on the portal and in the public API, with nothing of the project', async () => {
      const draft = (await finances.get(withPos(`/api/faq/entries/${entryId}`)).expect(200)).body;
      const revised = at(
        await finances
          .put(`/api/faq/entries/${entryId}`)
          .set('If-Match', `"${draft.version}"`)
          .send({ question: 'Peut-on cumuler la DETR et le contrat rural pour une école ?', answer: draft.answer, category: 'financement', keywords: ['DETR', 'contrat rural', 'cumul'], team: 'aides', audience: 'public' })
          .expect(200),
      );
      at(await finances.post(`/api/faq/entries/${entryId}/publication`).set('If-Match', `"${revised.body.version}"`).expect(200));

      const found = (await maireNesles.get(withPos('/api/faq/entries?q=ecole%20detr%20cumul')).expect(200)).body;
      expect(found.items.map((e: { id: string }) => e.id)).toContain(entryId);
      expect(found.items[0].usefulCount).toBeNull(); // counts are for staff
      const publicApi = (await anon('/api/public/v1/faq?q=ecole%20cumul').expect(200)).body;
      expect(publicApi.items.map((e: { id: string }) => e.id)).toEqual([entryId]);
      // A search given twice used to become no search at all (every entry): refused instead.
      const twice = await anon('/api/public/v1/faq?q=ecole&q=cumul').expect(400);
      expect(twice.headers['content-type']).toContain('application/problem+json');
      expect(twice.body.errors).toEqual([{ field: 'q', message: 'Ce paramètre ne peut être donné qu’une fois.' }]);
      expect(JSON.stringify(publicApi)).not.toContain(projectId);
      expect(Object.keys(publicApi.items[0]).sort()).toEqual(['answer', 'apiUrl', 'category', 'categoryLabel', 'departement', 'id', 'keywords', 'pageUrl', 'question', 'verifiedAt']);
      expect(publicApi.items[0].departement).toBe('95');
      const page = await anon(`/projets-publics/faq/${entryId}`).expect(200);
      expect(page.text).toContain('Peut-on cumuler la DETR et le contrat rural pour une école ?');
      expect(page.text).not.toContain('Extension de l’école maternelle');
      expect((await anon('/projets-publics/faq?q=cumul').expect(200)).text).toContain(`/projets-publics/faq/${entryId}`);
      expect((await anon('/sitemap.xml').expect(200)).text).toContain(`/projets-publics/faq/${entryId}`);
    });

    it('keeps a 409 for the second of two concurrent edits, and every change in the history with its author', async () => {
      const current = (await finances.get(withPos(`/api/faq/entries/${entryId}`)).expect(200)).body;
      const body = (answer: string) => ({ question: current.question, answer, category: 'financement', keywords: current.keywords, team: 'aides', audience: 'public' });
      const first = at(await finances.put(`/api/faq/entries/${entryId}`).set('If-Match', `"${current.version}"`).send({ ...body('Oui, dans la limite de 80 % d’aides publiques.'), reason: 'Plus court' }));
      const second = await agent.put(`/api/faq/entries/${entryId}`).set('If-Match', `"${current.version}"`).send(body('Oui, avec l’accord des deux financeurs.'));
      expect(first.status).toBe(200);
      expect(second.status).toBe(409);
      expect(second.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(second.body.title).toBe('Cette entrée a été modifiée entre-temps');

      const history = (await auditeur.get(`/api/faq/entries/${entryId}/history`).expect(200)).body;
      expect(history.entries.map((e: { typeLabel: string; actor: { name: string } }) => `${e.typeLabel} — ${e.actor.name}`)).toEqual([
        'Entrée de FAQ rédigée — Karim Haddad',
        'Entrée de FAQ modifiée — Karim Haddad',
        'Entrée de FAQ publiée — Karim Haddad',
        'Entrée de FAQ modifiée — Karim Haddad',
      ]);
      const last = history.entries[3];
      expect(last.why).toBe('Plus court');
      expect(last.changes).toEqual([expect.objectContaining({ label: 'Réponse', after: 'Oui, dans la limite de 80 % d’aides publiques.' })]);
      expect((await maire.get(`/api/faq/entries/${entryId}/history`)).status).toBe(403);
    });

    it('tells the entry’s team when the source answer is corrected', async () => {
      const before = (await finances.get(withPos('/api/faq/review')).expect(200)).body;
      expect(before.sourceChanged.map((e: { id: string }) => e.id)).not.toContain(entryId);
      at(await agent.post(`/api/projects/${projectId}/questions/${questionId}/answers`).send({ text: 'Correction : le plafond est de 80 % du coût HT.' }).expect(201));
      const after = (await finances.get(withPos('/api/faq/review')).expect(200)).body;
      expect(after.sourceChanged.map((e: { id: string }) => e.id)).toContain(entryId);
      // The team owning the entry (aides) is notified through the ordinary notifications.
      const inbox = (await finances.get('/api/notifications').expect(200)).body.items as Array<{ text: string }>;
      expect(inbox.map((n) => n.text)).toContain('Sophie Bernard a complété la réponse d’une question dont une entrée de la FAQ est tirée : vérifiez l’entrée (FAQ › À revoir).');
      const communeInbox = (await maire.get('/api/notifications').expect(200)).body.items as Array<{ text: string }>;
      expect(communeInbox.map((n) => n.text)).toContain('Sophie Bernard a répondu à une question.');
    });
  });

  describe('when an entry is for the communes only', () => {
    it('is read by logged-in communes and never by the public', async () => {
      const created = at(await agent.post('/api/faq/entries').send({ question: 'Quel délai pour le solde d’une subvention départementale ?', answer: 'Six mois après la fin des travaux.', category: 'financement', keywords: ['solde'], team: 'aides', audience: 'communes' }).expect(201));
      at(await agent.post(`/api/faq/entries/${created.body.id}/publication`).expect(200));
      expect((await maireNesles.get(withPos('/api/faq/entries?q=solde%20delai')).expect(200)).body.items.map((e: { id: string }) => e.id)).toEqual([created.body.id]);
      expect((await anon(withPos('/api/faq/entries?q=solde')).expect(200)).body.items).toEqual([]);
      expect((await anon('/api/public/v1/faq?q=solde').expect(200)).body.items).toEqual([]);
      expect((await anon(`/api/public/v1/faq/${created.body.id}`)).status).toBe(404);
      expect((await anon(`/projets-publics/faq/${created.body.id}`)).status).toBe(404);
      expect((await anon('/sitemap.xml')).text).not.toContain(created.body.id);
    });
  });

  describe('when people vote', () => {
    it('keeps one vote per person, changeable, and shows the count to staff only', async () => {
      const detr = (await maire.get(withPos('/api/faq/entries?q=DETR%20prefecture')).expect(200)).body.items[0];
      at(await maire.put(`/api/faq/entries/${detr.id}/vote`).send({ useful: true }).expect(200));
      at(await maire.put(`/api/faq/entries/${detr.id}/vote`).send({ useful: true }).expect(200));
      at(await maireNesles.put(`/api/faq/entries/${detr.id}/vote`).send({ useful: true }).expect(200));
      expect((await agent.get(withPos(`/api/faq/entries/${detr.id}`))).body).toMatchObject({ usefulCount: 2, notUsefulCount: 0 });
      at(await maireNesles.put(`/api/faq/entries/${detr.id}/vote`).send({ useful: false }).expect(200));
      expect((await agent.get(withPos(`/api/faq/entries/${detr.id}`))).body).toMatchObject({ usefulCount: 1, notUsefulCount: 1 });
      const mine = (await maire.get(withPos(`/api/faq/entries/${detr.id}`))).body;
      expect(mine).toMatchObject({ myVote: true, usefulCount: null });
      expect((await auditeur.put(`/api/faq/entries/${detr.id}/vote`).send({ useful: true })).status).toBe(403);
    });

    it('ranks the entries people found useful first within a search', async () => {
      const list = async () => ((await maire.get(withPos('/api/faq/entries?q=subvention')).expect(200)).body.items as Array<{ id: string }>).map((e) => e.id);
      const before = await list();
      const last = before[before.length - 1];
      for (const who of [maire, maireNesles]) at(await who.put(`/api/faq/entries/${last}/vote`).send({ useful: true }).expect(200));
      expect((await list())[0]).toBe(last);
    });
  });

  describe('when a mayor types a question and opens a suggestion', () => {
    it('suggests close entries, and counts a question avoided when the form is left without sending', async () => {
      const suggestions = (await maire.get('/api/faq/suggestions?q=subvention%20ecole').expect(200)).body as Array<{ id: string; question: string }>;
      expect(suggestions.length).toBeGreaterThan(0);
      expect(suggestions.length).toBeLessThanOrEqual(5);
      expect(suggestions[0].question).toMatch(/école/);
      const statsBefore = (await agent.get(withPos('/api/faq/stats')).expect(200)).body;
      const askingId = '6f1c2a10-5b3e-4c6d-9a1e-0000000000f1';
      at(await maire.post(`/api/faq/asking/${askingId}/openings`).send({ projectId, entryId: suggestions[0].id }).expect(201));
      expect((await maireNesles.post(`/api/faq/asking/${askingId}/abandon`)).status).toBe(404);
      at(await maire.post(`/api/faq/asking/${askingId}/abandon`).expect(200));
      at(await maire.post(`/api/faq/asking/${askingId}/abandon`).expect(200)); // counted once
      const stats = (await agent.get(withPos('/api/faq/stats')).expect(200)).body;
      expect(stats.totals.avoided).toBe(statsBefore.totals.avoided + 1);
      expect(stats.totals.opened).toBe(statsBefore.totals.opened + 1);
      expect(stats.months[11].avoided).toBeGreaterThanOrEqual(1);
    });

    it('counts nothing when the question was sent after all', async () => {
      const statsBefore = (await agent.get(withPos('/api/faq/stats')).expect(200)).body;
      const entryId = ((await maire.get('/api/faq/suggestions?q=DETR').expect(200)).body as Array<{ id: string }>)[0].id;
      const askingId = '6f1c2a10-5b3e-4c6d-9a1e-0000000000f2';
      at(await maire.post(`/api/faq/asking/${askingId}/openings`).send({ projectId, entryId }).expect(201));
      at(await maire.post(`/api/projects/${projectId}/questions`).send({ category: 'financement', text: 'Et pour la DETR 2027 ?' }).expect(201));
      at(await maire.post(`/api/faq/asking/${askingId}/abandon`).expect(200));
      expect((await agent.get(withPos('/api/faq/stats')).expect(200)).body.totals.avoided).toBe(statsBefore.totals.avoided);
    });

    it('refuses a suggestion session on another commune’s project', async () => {
      const entryId = ((await maire.get('/api/faq/suggestions?q=DETR').expect(200)).body as Array<{ id: string }>)[0].id;
      expect((await maireNesles.post('/api/faq/asking/6f1c2a10-5b3e-4c6d-9a1e-0000000000f3/openings').send({ projectId, entryId })).status).toBe(404);
    });
  });

  describe('when a commune proposes an entry', () => {
    it('is published or declined by an agent, and the commune reads the reason', async () => {
      const proposed = at(await maire.post('/api/faq/proposals').send({ question: 'Faut-il une délibération pour demander une subvention ?', answer: 'Oui, le conseil municipal délibère sur le plan de financement.', category: 'prochaine_etape', keywords: [] }).expect(201));
      const review = (await agent.get(withPos('/api/faq/review')).expect(200)).body;
      expect(review.proposals.map((e: { id: string }) => e.id)).toContain(proposed.body.id);
      expect((await agent.post(`/api/faq/entries/${proposed.body.id}/decline`).send({ reason: ' ' })).status).toBe(400);
      at(await agent.post(`/api/faq/entries/${proposed.body.id}/decline`).send({ reason: 'Déjà traité dans l’entrée sur la DETR.' }).expect(200));
      const mine = (await maire.get(withPos('/api/faq/entries?status=declined')).expect(200)).body.items;
      expect(mine).toEqual([expect.objectContaining({ id: proposed.body.id, statusReason: 'Déjà traité dans l’entrée sur la DETR.' })]);
      expect((await maireNesles.get(withPos('/api/faq/entries?status=declined')).expect(200)).body.items).toEqual([]);
    });

    it('refuses unknown fields with a French problem', async () => {
      const res = await maire.post('/api/faq/proposals').send({ question: 'Une question ?', answer: 'Une réponse.', category: 'autre', keywords: [], audience: 'public' });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    });
  });

  describe('OpenAPI', () => {
    it('documents every FAQ endpoint with a success and its problems', async () => {
      const doc = (await anon('/api/openapi.json').expect(200)).body as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
      const paths = Object.keys(doc.paths).filter((p) => p.startsWith('/api/faq') || p.startsWith('/api/public/v1/faq'));
      expect(paths.sort()).toEqual([
        '/api/faq/asking/{askingId}/abandon',
        '/api/faq/asking/{askingId}/openings',
        '/api/faq/entries',
        '/api/faq/entries/from-question',
        '/api/faq/entries/{id}',
        '/api/faq/entries/{id}/archive',
        '/api/faq/entries/{id}/decline',
        '/api/faq/entries/{id}/history',
        '/api/faq/entries/{id}/openings',
        '/api/faq/entries/{id}/publication',
        '/api/faq/entries/{id}/unpublication',
        '/api/faq/entries/{id}/verification',
        '/api/faq/entries/{id}/vote',
        '/api/faq/proposals',
        '/api/faq/review',
        '/api/faq/stats',
        '/api/faq/suggestions',
        '/api/public/v1/faq',
        '/api/public/v1/faq/{id}',
      ]);
      for (const path of paths) {
        for (const [method, operation] of Object.entries(doc.paths[path])) {
          const codes = Object.keys(operation.responses);
          expect({ path, method, success: codes.some((c) => c.startsWith('2')), problems: codes.some((c) => c.startsWith('4')) }).toEqual({ path, method, success: true, problems: true });
        }
      }
    });
  });
});
