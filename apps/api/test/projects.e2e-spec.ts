import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ADJOINT_ABLEIGES, AGENT, AUDITEUR, MAIRE_ABLEIGES, MAIRE_NESLES, newProject, startApp, type Client } from './harness.js';

type App = Awaited<ReturnType<typeof startApp>>;
const PROBLEM = /application\/problem\+json/;

describe('Projects API', () => {
  let t: App;
  const clients = new Map<string, Client>();
  const as = (persona: string): Client => clients.get(persona)!;
  beforeAll(async () => {
    t = await startApp();
    for (const persona of [MAIRE_ABLEIGES, ADJOINT_ABLEIGES, MAIRE_NESLES, AGENT, AUDITEUR]) clients.set(persona, await t.login(persona));
  });
  afterAll(async () => {
    await t.close();
  });

  const create = async (over: Record<string, unknown> = {}, persona = MAIRE_ABLEIGES) => {
    const res = await as(persona).post('/api/projects').send(newProject(over));
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number; position: number };
  };

  describe('when a mayor creates a project', () => {
    it('answers 201 with its id, version, position and Location, and the project reads back', async () => {
      const res = await as(MAIRE_ABLEIGES).post('/api/projects').send(newProject());
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`/api/projects/${res.body.id}`);
      expect(res.body.version).toBe(1);
      const read = await as(MAIRE_ABLEIGES).get(`/api/projects/${res.body.id}?minPosition=${res.body.position}`);
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.body).toMatchObject({ title: 'Réfection du préau de l’école', communeName: 'Ableiges', step: 'idee', progress: 0, version: 1 });
    });

    it('lists it among the commune’s projects and finds it without accents', async () => {
      const { position } = await create({ title: 'Rénovation de l’église Saint-Martin' });
      const list = await as(MAIRE_ABLEIGES).get(`/api/projects?commune=95002&q=eglise&minPosition=${position}`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((p: { title: string }) => p.title)).toContain('Rénovation de l’église Saint-Martin');
      const other = await as(MAIRE_ABLEIGES).get('/api/projects?commune=95446&q=eglise');
      expect(other.body.items).toEqual([]);
    });
  });

  describe('when a project moves along its steps with questions and answers', () => {
    it('shows step, progress, the answered question and a readable history', async () => {
      const { id } = await create();
      const step = await as(ADJOINT_ABLEIGES).post(`/api/projects/${id}/step`).send({ step: 'etudes', progress: 30, comment: 'Étude lancée' });
      expect(step.status).toBe(200);
      expect(step.body.version).toBe(2);
      const asked = await as(ADJOINT_ABLEIGES).post(`/api/projects/${id}/questions`).send({ category: 'financement', text: 'Quelles aides ?' });
      expect(asked.status).toBe(201);
      const detail = await as(MAIRE_ABLEIGES).get(`/api/projects/${id}?minPosition=${asked.body.position}`);
      const questionId = detail.body.questions[0].id;
      expect(detail.body.openQuestions).toBe(1);
      const answered = await as(AGENT).post(`/api/projects/${id}/questions/${questionId}/answers`).send({ text: 'La DETR.' });
      expect(answered.status).toBe(201);
      const after = await as(MAIRE_ABLEIGES).get(`/api/projects/${id}?minPosition=${answered.body.position}`);
      expect(after.body).toMatchObject({ step: 'etudes', progress: 30, openQuestions: 0 });
      expect(after.body.questions[0].answers[0]).toMatchObject({ text: 'La DETR.', answeredBy: { name: 'Sophie Bernard', role: 'departement_agent' } });
      const history = await as(MAIRE_ABLEIGES).get(`/api/projects/${id}/history?minPosition=${answered.body.position}`);
      expect(history.body.map((h: { summary: string }) => h.summary)).toEqual([
        expect.stringMatching(/^Projet créé/),
        'Étape passée d’Idée à Études (30 %) — Étude lancée',
        'Question posée (Financement) : « Quelles aides ? » — orientée vers : Service des aides aux communes',
        'Réponse apportée : « La DETR. »',
      ]);
      expect(history.body[1].actor).toEqual({ id: ADJOINT_ABLEIGES, name: 'Julien Petit', role: 'commune_member', roleForm: 'masculine' });
    });

    it('refuses to go back without a reason, naming the field', async () => {
      const { id } = await create();
      await as(MAIRE_ABLEIGES).post(`/api/projects/${id}/step`).send({ step: 'travaux', progress: 10 }).expect(200);
      const back = await as(MAIRE_ABLEIGES).post(`/api/projects/${id}/step`).send({ step: 'etudes', progress: 50 });
      expect(back.status).toBe(422);
      expect(back.headers['content-type']).toMatch(PROBLEM);
      expect(back.body.errors).toEqual([{ field: 'comment', message: 'Indiquez pourquoi le projet revient à une étape précédente.' }]);
    });
  });

  describe('when two people edit the same version at once', () => {
    it('accepts one and answers 409 problem+json to the other; nothing is overwritten', async () => {
      const { id } = await create();
      const edit = (title: string) =>
        as(MAIRE_ABLEIGES).patch(`/api/projects/${id}`).set('If-Match', '"1"').send({ title });
      const [a, b] = await Promise.all([edit('Titre A'), edit('Titre B')]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      const winner = a.status === 200 ? a : b;
      expect(loser.headers['content-type']).toMatch(PROBLEM);
      expect(loser.body.title).toBe('Ce projet a été modifié entre-temps');
      const read = await as(MAIRE_ABLEIGES).get(`/api/projects/${id}?minPosition=${winner.body.position}`);
      expect(read.body.title).toBe(a.status === 200 ? 'Titre A' : 'Titre B');
      expect(read.body.version).toBe(2);
    });

    it('answers 409 to a stale If-Match', async () => {
      const { id } = await create();
      await as(MAIRE_ABLEIGES).post(`/api/projects/${id}/step`).set('If-Match', '"1"').send({ step: 'etudes', progress: 10 }).expect(200);
      const stale = await as(MAIRE_ABLEIGES).post(`/api/projects/${id}/step`).set('If-Match', '"1"').send({ step: 'financement', progress: 10 });
      expect(stale.status).toBe(409);
      expect(stale.headers.etag).toBe('"2"');
    });
  });

  describe('when a command is retried with the same Idempotency-Key', () => {
    it('creates one project only and answers the same', async () => {
      const send = () => as(MAIRE_ABLEIGES).post('/api/projects').set('Idempotency-Key', 'creation-preau-0001').send(newProject({ title: 'Une seule fois' }));
      const first = await send();
      const second = await send();
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      const list = await as(MAIRE_ABLEIGES).get(`/api/projects?q=Une%20seule%20fois&minPosition=${first.body.position}`);
      expect(list.body.total).toBe(1);
    });

    it('appends a step change once', async () => {
      const { id } = await create();
      const send = () => as(MAIRE_ABLEIGES).post(`/api/projects/${id}/step`).set('If-Match', '"1"').set('Idempotency-Key', `etape-${id}`).send({ step: 'etudes', progress: 10 });
      const [a, b] = [await send(), await send()];
      expect(a.status).toBe(200);
      expect(b.status).toBe(200);
      expect(b.body).toEqual(a.body);
      const history = await as(MAIRE_ABLEIGES).get(`/api/projects/${id}/history?minPosition=${a.body.position}`);
      expect(history.body).toHaveLength(2);
    });
  });

  describe('when the input is malformed', () => {
    it('names an unknown field in a 400 problem', async () => {
      const res = await as(MAIRE_ABLEIGES).post('/api/projects').send({ ...newProject(), budget: 12 });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.errors).toEqual([{ field: 'budget', message: 'Le champ « budget » n’est pas accepté.' }]);
    });

    it('names each wrong field in French', async () => {
      const res = await as(MAIRE_ABLEIGES).post('/api/projects').send({ codeInsee: '2A', title: 42, theme: 'piscine', estimatedCostHt: 'cher' });
      expect(res.status).toBe(400);
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['codeInsee', 'title', 'theme', 'estimatedCostHt']));
      expect(res.body.errors.find((e: { field: string }) => e.field === 'theme').message).toMatch(/^Le thème doit être/);
    });

    it('answers 400 problem to a body that is not JSON', async () => {
      const res = await as(MAIRE_ABLEIGES).post('/api/projects').set('Content-Type', 'application/json').send('{"title": ');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.title).toBe('Le corps de la requête n’est pas du JSON valide');
    });

    it('answers 400 to a progress that is not an integer and 404 to an impossible id', async () => {
      const { id } = await create();
      const res = await as(MAIRE_ABLEIGES).post(`/api/projects/${id}/step`).send({ step: 'etudes', progress: '50' });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('progress');
      const missing = await request(t.http).get('/api/projects/not-a-uuid');
      expect(missing.status).toBe(404);
      expect(missing.headers['content-type']).toMatch(PROBLEM);
    });

    it('answers 400 to a malformed If-Match and 404 problem to an unknown route', async () => {
      const { id } = await create();
      const res = await as(MAIRE_ABLEIGES).patch(`/api/projects/${id}`).set('If-Match', 'hier').send({ title: 'x' });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('If-Match');
      const nope = await request(t.http).get('/api/nulle-part');
      expect(nope.status).toBe(404);
      expect(nope.headers['content-type']).toMatch(PROBLEM);
    });
  });

  describe('when someone may not act', () => {
    it('answers 401 when nobody is logged in', async () => {
      const res = await request(t.http).post('/api/projects').send(newProject());
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM);
    });

    it('answers 403 to an auditor and 404 to another commune’s mayor, who may not know the project exists', async () => {
      const { id } = await create();
      const audit = await as(AUDITEUR).post(`/api/projects/${id}/step`).send({ step: 'etudes', progress: 10 });
      expect(audit.status).toBe(403);
      const other = await as(MAIRE_NESLES).post(`/api/projects/${id}/step`).send({ step: 'etudes', progress: 10 });
      expect(other.status).toBe(404);
      expect(other.body.title).toBe('Projet introuvable');
    });

    it('publishes only with the mayor’s approval', async () => {
      const { id } = await create();
      await as(MAIRE_ABLEIGES).post(`/api/projects/${id}/step`).send({ step: 'termine', progress: 100 }).expect(200);
      const requested = await as(ADJOINT_ABLEIGES).post(`/api/projects/${id}/publication-request`).send({ title: 'Bilan', summary: 'Bilan' }).expect(200);
      const { latest } = (await as(ADJOINT_ABLEIGES).get(`/api/projects/${id}?minPosition=${requested.body.position}`).expect(200)).body.publicationWork;
      const approval = { version: latest.version, fingerprint: latest.fingerprint };
      const byAdjoint = await as(ADJOINT_ABLEIGES).post(`/api/projects/${id}/publication`).send(approval);
      expect(byAdjoint.status).toBe(403);
      const byMayor = await as(MAIRE_ABLEIGES).post(`/api/projects/${id}/publication`).send(approval);
      expect(byMayor.status).toBe(200);
      const read = await as(MAIRE_ABLEIGES).get(`/api/projects/${id}?minPosition=${byMayor.body.position}`);
      expect(read.body.publication).toBe('published');
    });
  });

  describe('the OpenAPI document', () => {
    it('is served at /api/openapi.json and documents the commands', async () => {
      const res = await request(t.http).get('/api/openapi.json');
      expect(res.status).toBe(200);
      expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/projects', '/api/projects/{id}', '/api/projects/{id}/step', '/api/health']));
      expect(res.body.components.schemas.CreateProjectRequestDto.properties.theme.enum).toContain('ecole');
    });
  });
});
