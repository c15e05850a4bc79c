import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { AccountStore } from '@carnet/account-store';
import type { EventStore } from '@carnet/event-store';
import request from 'supertest';
import { ACCOUNT_STORE, EVENT_STORE } from '../src/infrastructure/tokens.js';
import { PasswordHasher } from '../src/identity/password-hasher.js';
import { ACCOUNT_LIMITS } from '../src/identity/login-throttle.js';
import { ADJOINT_ABLEIGES, AGENT, MAIRE_ABLEIGES, newProject, startApp, type Client } from './harness.js';

type App = Awaited<ReturnType<typeof startApp>>;

/** Issue #13: inputs an attacker or a fuzzer sends, and commands that race. */
describe('input hardening and command retries', () => {
  let app: App;
  let maire: Client;
  let adjoint: Client;
  let agent: Client;
  let projectId: string;
  const head = () => app.app.get<EventStore>(EVENT_STORE).headPosition();

  beforeAll(async () => {
    app = await startApp();
    [maire, adjoint, agent] = await Promise.all([app.login(MAIRE_ABLEIGES), app.login(ADJOINT_ABLEIGES), app.login(AGENT)]);
    projectId = (await maire.post('/api/projects').send(newProject()).expect(201)).body.id;
  });
  afterAll(() => app.close());

  const expectProblem = (res: request.Response, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
  };

  describe('when money is sent in exponent form or with too many decimals', () => {
    it.each([1e-7, 5e-324, 0.001, 12.345, -0.01, 1e21])('refuses estimatedCostHt %p with a 400 naming the field', async (cost) => {
      const before = await head();
      const res = await maire.post('/api/projects').send(newProject({ estimatedCostHt: cost }));
      expectProblem(res, 400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('estimatedCostHt');
      expect(await head()).toBe(before);
    });

    it('accepts euros with two decimals', async () => {
      await maire.post('/api/projects').send(newProject({ estimatedCostHt: 1234.56 })).expect(201);
    });

    it('refuses the final cost and the funding amounts the same way, and a funding that is not an object', async () => {
      const content = { title: 'Préau', summary: 'Fait.', finalCostHt: 1e-7, funding: [{ source: 'DETR', amountHt: 5e-324 }] };
      const res = await maire.post(`/api/projects/${projectId}/publication-request`).send(content);
      expectProblem(res, 400);
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['finalCostHt', 'funding.0.amountHt']));
      const nested = await maire.post(`/api/projects/${projectId}/publication-request`).send({ title: 'Préau', summary: 'Fait.', funding: [[]] });
      expectProblem(nested, 400);
      expect(nested.body.errors).toContainEqual({ field: 'funding', message: 'Chaque élément doit être un objet.' });
    });
  });

  describe('when the JSON is nested very deeply', () => {
    const deep = '['.repeat(2000) + ']'.repeat(2000);
    it.each([
      ['an anonymous endpoint', '/api/auth/login', false],
      ['a command', '/api/projects', true],
    ])('answers 400 on %s and logs no error', async (_label, path, logged) => {
      const errors = jest.spyOn(Logger.prototype, 'error');
      const body = `{"email":"a@b.fr","password":"x","title":${deep}}`;
      const res = logged
        ? await maire.post(path as string).set('Content-Type', 'application/json').send(body)
        : await request(app.http).post(path as string).set('Content-Type', 'application/json').send(body);
      expectProblem(res, 400);
      expect(res.body.type).toBe('urn:carnet-de-projets:probleme:too_deep');
      expect(errors).not.toHaveBeenCalled();
      errors.mockRestore();
    });
  });

  describe('when text is malformed', () => {
    it('refuses control characters in a title, naming the field in French', async () => {
      const res = await maire.post('/api/projects').send(newProject({ title: '\u0000\u0000' }));
      expectProblem(res, 400);
      expect(res.body.errors).toEqual([{ field: 'title', message: expect.stringMatching(/caractère de contrôle/) }]);
    });

    it('refuses a new line in a title but keeps it in a message', async () => {
      expectProblem(await maire.post('/api/projects').send(newProject({ title: 'Deux\nlignes' })), 400);
      await maire.post(`/api/projects/${projectId}/messages`).send({ text: 'Bonjour,\n\tvoici le devis.' }).expect(201);
    });

    it('refuses a lone surrogate', async () => {
      const res = await maire.post('/api/projects').set('Content-Type', 'application/json').send('{"codeInsee":"95002","title":"A\\ud800B","theme":"ecole"}');
      expectProblem(res, 400);
      expect(res.body.errors).toEqual([{ field: 'title', message: expect.stringMatching(/caractère invalide/) }]);
    });

    it('refuses a body that is not valid UTF-8', async () => {
      const bytes = Buffer.concat([Buffer.from('{"codeInsee":"95002","theme":"ecole","title":"Pr'), Buffer.from([0xc3, 0x28]), Buffer.from('au"}')]);
      // serialize: superagent would otherwise send the Buffer as JSON ({"type":"Buffer",…}).
      const res = await maire.post('/api/projects').set('Content-Type', 'application/json').serialize(() => bytes as unknown as string).send({});
      expectProblem(res, 400);
      expect(res.body.type).toBe('urn:carnet-de-projets:probleme:invalid_utf8');
    });

    it.each(['__proto__', 'constructor', 'prototype'])('refuses a %s key like any unknown field', async (key) => {
      const res = await maire.post('/api/projects').set('Content-Type', 'application/json').send(`{"codeInsee":"95002","title":"Préau","theme":"ecole","${key}":{"admin":true}}`);
      expectProblem(res, 400);
      expect(res.body.errors).toEqual([{ field: key, message: `Le champ « ${key} » n’est pas accepté.` }]);
    });

    it('stores text in NFC', async () => {
      const decomposed = 'Re\u0301fection du pre\u0301au';
      const { id, position } = (await maire.post('/api/projects').send(newProject({ title: decomposed })).expect(201)).body;
      const project = await maire.get(`/api/projects/${id}?minPosition=${position}`).expect(200);
      expect(project.body.title).toBe('Réfection du préau');
    });
  });

  describe('when paging parameters are out of range', () => {
    it.each(['/api/projects?offset=1e20', '/api/projects?offset=99999999999', '/api/search?q=ecole&offset=1e20', '/api/projects?minPosition=1e20'])('answers 400 to %s', async (path) => {
      expectProblem(await maire.get(path), 400);
    });

    // class-transformer used to read an empty number as 0: the document declares an integer, and '' is none.
    it.each(['/api/projects?offset=', '/api/projects?limit=', '/api/search?q=ecole&offset=', '/api/faq/entries?limit='])('answers 400 to the empty number of %s', async (path) => {
      const res = await maire.get(path);
      expectProblem(res, 400);
      expect(res.body.errors[0].message).toMatch(/entier/);
    });

    it('reads an empty minPosition as none, as on every read', async () => {
      await maire.get('/api/projects?minPosition=').expect(200);
      await maire.get(`/api/projects/${projectId}?minPosition=`).expect(200);
      await maire.get('/api/faq/entries?minPosition=').expect(200);
    });
  });

  describe('when minPosition is beyond the head of the log', () => {
    it('answers 400 at once instead of waiting', async () => {
      const far = (await head()) + 1_000_000;
      for (const path of [`/api/projects?minPosition=${far}`, `/api/projects/${projectId}?minPosition=${far}`, `/api/projects/${projectId}/history?minPosition=${far}`]) {
        const res = await maire.get(path);
        expectProblem(res, 400);
        expect(res.body.errors).toEqual([{ field: 'minPosition', message: expect.stringMatching(/journal/) }]);
      }
    });

    it('documents the 503 on every read that accepts minPosition', async () => {
      const doc = (await request(app.http).get('/api/openapi.json').expect(200)).body;
      const reads = Object.entries(doc.paths as Record<string, Record<string, { parameters?: Array<{ name: string }>; responses: Record<string, unknown> }>>)
        .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ at: `${method} ${path}`, op })))
        .filter(({ op }) => op.parameters?.some((p) => p.name === 'minPosition'));
      expect(reads.length).toBeGreaterThan(5);
      expect(reads.filter(({ op }) => !op.responses['503']).map(({ at }) => at)).toEqual([]);
    });
  });

  describe('when commands race without If-Match', () => {
    it('accepts 20 parallel messages on one project', async () => {
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => maire.post(`/api/projects/${projectId}/messages`).send({ text: `Message ${i}` })));
      expect(answers.map((r) => r.status)).toEqual(Array(20).fill(201));
      const versions = new Set(answers.map((r) => r.body.version));
      expect(versions.size).toBe(20);
    });

    it('accepts parallel edits without If-Match; the last one wins', async () => {
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => adjoint.patch(`/api/projects/${projectId}`).send({ description: `Version ${i}` })));
      expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    });

    it('still answers 409 with a stale If-Match', async () => {
      const res = await maire.post(`/api/projects/${projectId}/messages`).set('If-Match', '"1"').send({ text: 'Trop tard' });
      expectProblem(res, 409);
    });
  });

  describe('when an Idempotency-Key is reused', () => {
    it('replays the same request and refuses a different one with 422', async () => {
      const key = 'cle-reutilisee-0001';
      const step = await agent.post(`/api/projects/${projectId}/step`).set('Idempotency-Key', key).send({ step: 'etudes', progress: 10 });
      expect(step.status).toBeLessThan(300);
      const again = await agent.post(`/api/projects/${projectId}/step`).set('Idempotency-Key', key).send({ step: 'etudes', progress: 10 });
      expect(again.status).toBe(step.status);
      expect(again.body).toEqual(step.body);
      const before = await head();
      const other = await agent.post(`/api/projects/${projectId}/messages`).set('Idempotency-Key', key).send({ text: 'Autre chose' });
      expectProblem(other, 422);
      expect(other.body.type).toBe('urn:carnet-de-projets:probleme:idempotency_key_reused');
      const changedBody = await agent.post(`/api/projects/${projectId}/step`).set('Idempotency-Key', key).send({ step: 'etudes', progress: 20 });
      expectProblem(changedBody, 422);
      expect(await head()).toBe(before);
    });

    it('refuses the key on another project too, and keeps it per person', async () => {
      const other = (await maire.post('/api/projects').send(newProject({ title: 'Autre projet' })).expect(201)).body.id;
      const key = 'cle-autre-projet-01';
      await maire.post(`/api/projects/${projectId}/messages`).set('Idempotency-Key', key).send({ text: 'Bonjour' }).expect(201);
      const before = await head();
      const elsewhere = await maire.post(`/api/projects/${other}/messages`).set('Idempotency-Key', key).send({ text: 'Bonjour' });
      expectProblem(elsewhere, 422);
      expect(await head()).toBe(before);
      // The same key from someone else is their own key.
      await adjoint.post(`/api/projects/${other}/messages`).set('Idempotency-Key', key).send({ text: 'Bonjour' }).expect(201);
    });
  });

  describe('when many wrong passwords arrive at once', () => {
    it('checks at most the configured number, answers 429 to the rest and refuses the right password while locked', async () => {
      const store = app.app.get<AccountStore>(ACCOUNT_STORE);
      const passwordHash = await app.app.get(PasswordHasher).hash('le bon mot de passe');
      const now = new Date().toISOString();
      await store.createAccount({ id: 'parallel', email: 'rafale@valdoise.example', displayName: 'Rafale', passwordHash, kind: 'departement_agent', organisationId: null, status: 'active', demo: false, createdAt: now, updatedAt: now });
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) => request(app.http).post('/api/auth/login').send({ email: 'rafale@valdoise.example', password: `mauvais ${i} !!!` })),
      );
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(ACCOUNT_LIMITS.maxAttempts);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(50 - ACCOUNT_LIMITS.maxAttempts);
      expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
      const right = await request(app.http).post('/api/auth/login').send({ email: 'rafale@valdoise.example', password: 'le bon mot de passe' });
      expectProblem(right, 429);
    });
  });
});
