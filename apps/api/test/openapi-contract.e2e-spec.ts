import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { execFileSync } from 'node:child_process';
import request from 'supertest';
import { AGENT, AUDITEUR, MAIRE_ABLEIGES, newProject, startApp, type Client } from './harness.js';

type App = Awaited<ReturnType<typeof startApp>>;
type Schema = Record<string, unknown>;
interface Operation {
  operationId?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Schema }>;
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface OpenApi {
  openapi: string;
  components: { schemas: Record<string, Schema> };
  paths: Record<string, Record<string, Operation>>;
}

const VERBS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const isProblem = (status: string) => /^[45]\d\d$/.test(status);

/** Every operation of the document with its path and verb. */
function operations(doc: OpenApi): Array<{ path: string; verb: string; op: Operation }> {
  return Object.entries(doc.paths).flatMap(([path, item]) => VERBS.filter((v) => item[v]).map((verb) => ({ path, verb, op: item[verb] })));
}

/**
 * The OpenAPI contract (issue #13, ADR 0021): the document declares every answer with its schema, and what the
 * server really answers matches it.
 */
describe('The OpenAPI contract', () => {
  let t: App;
  let doc: OpenApi;
  let ajv: Ajv;
  const validators = new Map<object, ValidateFunction>();

  beforeAll(async () => {
    t = await startApp();
    doc = (await request(t.http).get('/api/openapi.json').expect(200)).body;
    // OpenAPI 3.0's own keywords (example, nullable…) are not JSON Schema's; `nullable` is understood by Ajv.
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'openapi', components: doc.components });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('the document', () => {
    it('is a valid OpenAPI 3 document', async () => {
      const validator = new Validator();
      const result = await validator.validate(structuredClone(doc) as never);
      expect(result.errors ?? []).toEqual([]);
      expect(result.valid).toBe(true);
    });

    it('declares for every operation a success status, and a schema for every success with a body', () => {
      const missing: string[] = [];
      for (const { path, verb, op } of operations(doc)) {
        const successes = Object.keys(op.responses).filter((s) => /^2\d\d$/.test(s));
        if (!successes.length) missing.push(`${verb.toUpperCase()} ${path}: no 2xx`);
        // 204, and the 202 of a request that is only acknowledged, have no body.
        for (const status of successes.filter((s) => s !== '204' && s !== '202')) {
          const media = Object.entries(op.responses[status].content ?? {});
          if (!media.length) missing.push(`${verb.toUpperCase()} ${path}: ${status} without a body`);
          for (const [type, { schema }] of media) if (!schema || !Object.keys(schema).length) missing.push(`${verb.toUpperCase()} ${path}: ${status} ${type} without a schema`);
        }
      }
      expect(missing).toEqual([]);
    });

    it('declares the problems the shared machinery can answer, each as application/problem+json', () => {
      const missing: string[] = [];
      for (const { path, verb, op } of operations(doc)) {
        const has = (status: number) => op.responses[String(status)] !== undefined;
        const want = (status: number, why: string) => !has(status) && missing.push(`${verb.toUpperCase()} ${path}: ${status} (${why})`);
        const params = op.parameters ?? [];
        if (params.some((p) => p.in === 'path')) want(404, 'an id in the path');
        if (op.requestBody) want(400, 'a body'), want(413, 'a body');
        if (params.some((p) => p.in === 'query')) want(400, 'query parameters');
        if (verb !== 'get') want(403, 'the CSRF token');
        if (params.some((p) => p.name === 'minPosition')) want(503, 'minPosition');
        if (path.startsWith('/api/public/')) want(429, 'rate limit');
        for (const [status, response] of Object.entries(op.responses).filter(([s]) => isProblem(s))) {
          if (!response.content?.['application/problem+json']) missing.push(`${verb.toUpperCase()} ${path}: ${status} is not a problem+json`);
        }
      }
      expect(missing).toEqual([]);
    });

    it('declares the success status Nest really answers: 201 for a creation, 200 for a command answering its version', () => {
      expect(Object.keys(doc.paths['/api/projects'].post.responses)).toContain('201');
      expect(Object.keys(doc.paths['/api/projects'].post.responses)).not.toContain('200');
      expect(Object.keys(doc.paths['/api/projects/{id}/step'].post.responses)).toContain('200');
      expect(Object.keys(doc.paths['/api/auth/logout'].post.responses)).toContain('204');
    });

    it('declares the ids checked as UUIDs with the uuid format, and the If-Match header’s format', () => {
      const idOf = (path: string, verb: string, name: string) => doc.paths[path][verb].parameters!.find((p) => p.name === name && p.in === 'path')!.schema;
      expect(idOf('/api/projects/{id}', 'get', 'id')).toMatchObject({ type: 'string', format: 'uuid' });
      expect(idOf('/api/projects/{id}/documents/{documentId}', 'get', 'documentId')).toMatchObject({ format: 'uuid' });
      expect(idOf('/api/projects/{id}/questions/{questionId}/answers', 'post', 'questionId')).toMatchObject({ format: 'uuid' });
      // Account ids are not UUIDs (demo people have readable ids): not declared as such.
      expect(idOf('/api/admin/accounts/{id}/disable', 'post', 'id')).not.toMatchObject({ format: 'uuid' });
      const ifMatch = doc.paths['/api/projects/{id}'].patch.parameters!.find((p) => p.name === 'If-Match' && p.in === 'header')!;
      expect(ifMatch.schema).toMatchObject({ type: 'string', pattern: expect.any(String) });
      const pattern = new RegExp(String(ifMatch.schema!.pattern));
      expect(['"3"', 'W/"3"', '3', '*'].every((v) => pattern.test(v))).toBe(true);
      expect(pattern.test('trois')).toBe(false);
    });

    it('announces the texts the input guard refuses: every free text of a query or a body excludes control characters', async () => {
      const query = (path: string, verb: string, name: string) => doc.paths[path][verb].parameters!.find((p) => p.name === name && p.in === 'query')!.schema!;
      const body = (name: string, property: string) => (doc.components.schemas[name].properties as Record<string, Schema>)[property];
      const freeTexts = [
        query('/api/projects', 'get', 'q'),
        query('/api/communes', 'get', 'withProjects'),
        query('/api/audit/projects/{id}/as-of', 'get', 'at'),
        body('SaveContactRequestDto', 'name'),
        (body('FaqEntryRequestDto', 'keywords').items as Schema),
      ];
      for (const schema of freeTexts) expect(schema).toMatchObject({ type: 'string', pattern: expect.any(String) });
      // A text of several lines (an answer) refuses the guard's characters, one by one over the Basic Multilingual Plane.
      const answer = body('FaqEntryRequestDto', 'answer');
      const pattern = new RegExp(String(answer.pattern));
      const refused: number[] = [];
      // (Each character beside a letter: the answer is required, and a blank one is refused too.)
      for (let code = 0; code < 0x10000; code++) if (!pattern.test(`a${String.fromCharCode(code)}`)) refused.push(code);
      const agent = await t.login(AGENT);
      const refusedByGuard = await agent.get('/api/projects').query({ q: 'toiture\u0085école' });
      expect(refusedByGuard.status).toBe(400);
      expect(pattern.test('toiture\u0085école')).toBe(false);
      expect(refused.length).toBe(9 + 2 + 18 + 1 + 32);
      expect(refused).toEqual(expect.arrayContaining([0x00, 0x0b, 0x1f, 0x7f, 0x85, 0x9f]));
      expect(refused).not.toEqual(expect.arrayContaining([0x09]));
      expect(pattern.test('Préau de l’école\n\ttoiture 🌳')).toBe(true);
    });

    it('gives one-line texts a pattern without tab nor line ends, and requires what the DTO requires', () => {
      const jobTitle = (doc.components.schemas.SaveContactRequestDto.properties as Record<string, Schema>).jobTitle;
      const singleLine = new RegExp(String(jobTitle.pattern));
      expect(singleLine.test('Chargée de mission voirie')).toBe(true);
      for (const bad of ['a\tb', 'a\nb', 'a\rb', 'a\u0085b']) expect(singleLine.test(bad)).toBe(false);
      const suggestionsQ = doc.paths['/api/faq/suggestions'].get.parameters!.find((p) => p.name === 'q')!;
      expect(suggestionsQ.required).toBe(true);
    });

    it('says that a required text may not be blank, as the API refuses it (a fuzzer once sent a job title of one space)', async () => {
      const property = (name: string, key: string) => (doc.components.schemas[name].properties as Record<string, Schema>)[key]!;
      const jobTitle = new RegExp(String(property('SaveContactRequestDto', 'jobTitle').pattern));
      for (const blank of [' ', '   ', '\u00a0\u3000', '\ufeff ']) expect(jobTitle.test(blank)).toBe(false);
      expect(jobTitle.test(' Chargée de mission ')).toBe(true);
      expect(jobTitle.test('a\tb')).toBe(false); // still one line
      // A text of several lines may hold line ends, not only them.
      const description = new RegExp(String(property('CreateProjectRequestDto', 'description').pattern ?? ''));
      const title = new RegExp(String(property('CreateProjectRequestDto', 'title').pattern));
      expect(title.test(' \u2003 ')).toBe(false);
      expect(description.test('')).toBe(true); // optional, and may be empty
      for (const name of ['InviteToCommuneRequestDto', 'AcceptInvitationRequestDto']) {
        const displayName = new RegExp(String(property(name, 'displayName').pattern));
        expect([displayName.test('  '), displayName.test('Julie Durand')]).toEqual([false, true]);
      }
      // And the API refuses what the document refuses, with the French message of a missing field.
      const maire = await t.login(MAIRE_ABLEIGES);
      const blankTitle = await maire.post('/api/projects').send(newProject({ title: ' \u00a0 ' })).expect(400);
      expect(blankTitle.body.errors).toEqual([{ field: 'title', message: 'Le titre est obligatoire.' }]);
    });

    it('requires the body of a command whose field must be given, even as null', async () => {
      const locate = doc.paths['/api/projects/{id}/location'].put.requestBody as { required?: boolean };
      // OpenAPI reads a missing `required` as false: it must say true.
      expect(locate.required).toBe(true);
    });

    it('has a public part, /api/public/v1/openapi.json, that says of each public operation exactly what it says, and resolves alone', async () => {
      const res = await request(t.http).get('/api/public/v1/openapi.json').set('X-Forwarded-For', '203.0.113.78').expect(200);
      const publicDoc = res.body as OpenApi;
      const expected = Object.fromEntries(Object.entries(doc.paths).filter(([path]) => path.startsWith('/api/public/')));
      expect(Object.keys(expected).length).toBeGreaterThanOrEqual(10);
      expect(publicDoc.paths).toEqual(expected);
      // Every component it keeps is the complete document's own, and every $ref in it resolves within it.
      for (const [name, schema] of Object.entries(publicDoc.components.schemas)) expect(schema).toEqual(doc.components.schemas[name]);
      const refs = [...JSON.stringify(publicDoc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
      expect(refs.filter((name) => !publicDoc.components.schemas[name])).toEqual([]);
      expect(Object.keys(publicDoc.components.schemas).filter((name) => !refs.includes(name))).toEqual([]);
    });

    it('is generated from the controllers’ current return types (npm run openapi:responses)', () => {
      // Throws (exit 1) when a controller or a contract type changed without regenerating.
      expect(() => execFileSync(process.execPath, ['scripts/openapi-responses.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
    });
  });

  describe('an undeclared method on a known address', () => {
    it('answers 405 problem+json with the allowed methods, where it used to be a 404', async () => {
      const res = await request(t.http).delete('/api/projects').expect(405);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers.allow).toBe('GET, POST, HEAD');
      expect(res.body).toMatchObject({ status: 405, title: 'Méthode non autorisée' });
    });

    it('names the methods of an address with an id', async () => {
      const res = await request(t.http).put('/api/projects/3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f').expect(405);
      expect(res.headers.allow).toBe('GET, PATCH, HEAD');
    });

    it('takes the most literal address: export.csv is not a project id', async () => {
      const res = await request(t.http).patch('/api/projects/export.csv').expect(405);
      expect(res.headers.allow).toBe('GET, HEAD');
    });

    it('still answers 404 for an address that does not exist', async () => {
      await request(t.http).delete('/api/nulle-part').expect(404);
    });
  });

  describe('the public API’s filters', () => {
    it('refuses a filter given twice instead of ignoring it', async () => {
      const res = await request(t.http).get('/api/public/v1/projects?theme=ecole&theme=voirie').expect(400);
      expect(res.body.errors).toEqual([{ field: 'theme', message: 'Ce paramètre ne peut être donné qu’une fois.' }]);
    });

    it('refuses a day the calendar does not have, which the pattern of updatedSince cannot say', async () => {
      const updatedSince = doc.paths['/api/public/v1/projects'].get.parameters!.find((p) => p.name === 'updatedSince')!;
      const pattern = new RegExp(String(updatedSince.schema!.pattern));
      for (const day of ['2026-02-30', '2026-04-31']) {
        expect(pattern.test(day)).toBe(true);
        const res = await request(t.http).get(`/api/public/v1/projects?updatedSince=${day}`).set('X-Forwarded-For', '203.0.113.79').expect(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.errors).toEqual([{ field: 'updatedSince', message: `Le jour « ${day} » n’existe pas dans le calendrier. Date ISO 8601 attendue, par exemple 2026-01-31 ou 2026-01-31T08:00:00Z.` }]);
      }
    });
  });

  describe('real answers', () => {
    let mayor: Client;
    let agent: Client;
    let auditor: Client;
    let projectId: string;
    let questionId: string;

    /** The answer is declared for this operation and status, with its content type, and its body matches the schema. */
    function expectConforms(verb: string, template: string, res: request.Response): void {
      const op = doc.paths[template]?.[verb];
      expect(op).toBeDefined();
      const declared = op.responses[String(res.status)];
      if (!declared) throw new Error(`${verb.toUpperCase()} ${template} answered ${res.status}, which it does not declare: ${res.text.slice(0, 300)}`);
      if (res.status === 204 || res.status === 304) return;
      const type = String(res.headers['content-type'] ?? '').split(';')[0];
      const media = declared.content?.[type];
      if (!media) throw new Error(`${verb.toUpperCase()} ${template} ${res.status} answered ${type}, declared ${Object.keys(declared.content ?? {}).join(', ')}`);
      if (!type.endsWith('json')) return;
      const schema = media.schema!;
      let validate = validators.get(schema);
      if (!validate) {
        // The declared schema with its $refs resolved against the document's components.
        validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')));
        validators.set(schema, validate);
      }
      const ok = validate(JSON.parse(res.text));
      if (!ok) throw new Error(`${verb.toUpperCase()} ${template} ${res.status}: ${ajv.errorsText(validate.errors)}`);
    }

    beforeAll(async () => {
      mayor = await t.login(MAIRE_ABLEIGES);
      agent = await t.login(AGENT);
      auditor = await t.login(AUDITEUR);
      const created = await mayor.post('/api/projects').send(newProject({ title: 'Contrat OpenAPI' })).expect(201);
      expectConforms('post', '/api/projects', created);
      projectId = created.body.id;
      const asked = await mayor.post(`/api/projects/${projectId}/questions`).send({ text: 'Quel dossier pour la subvention ?', category: 'financement' });
      expectConforms('post', '/api/projects/{id}/questions', asked);
      const detail = await agent.get(`/api/projects/${projectId}?minPosition=${asked.body.position}`).expect(200);
      questionId = detail.body.questions[0].id;
    });

    /** Every GET of the document whose path we can fill, for a person: the answer conforms, whatever its status. */
    async function everyGet(client: Client | null, who: string): Promise<string[]> {
      const fill: Record<string, string> = { id: projectId, codeInsee: '95002', questionId };
      const checked: string[] = [];
      for (const { path, op } of operations(doc).filter((o) => o.verb === 'get')) {
        const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
        if (names.some((n) => !(n in fill)) || path.startsWith('/api/audit/projects/{id}/compare') || path.startsWith('/api/audit/projects/{id}/as-of')) continue;
        if (op.operationId?.startsWith('PortalHttpController')) continue;
        const url = path.replace(/\{([^}]+)\}/g, (_, n: string) => fill[n]);
        const res = client ? await client.get(url) : await request(t.http).get(url);
        expectConforms('get', path, res);
        checked.push(`${who} GET ${url} ${res.status}`);
      }
      return checked;
    }

    it('every GET answers, for a mayor, an agent, an auditor and an anonymous visitor, what the document declares', async () => {
      const checked = [...(await everyGet(mayor, 'mayor')), ...(await everyGet(agent, 'agent')), ...(await everyGet(auditor, 'auditor')), ...(await everyGet(null, 'anonymous'))];
      // The main reads were among them, with their bodies.
      for (const line of ['agent GET /api/projects 200', `agent GET /api/projects/${projectId} 200`, 'mayor GET /api/search 200', 'anonymous GET /api/projects/' + projectId + ' 401']) {
        expect(checked.some((c) => c.startsWith(line.replace(/ \d+$/, '')))).toBe(true);
      }
      expect(checked.length).toBeGreaterThan(150);
    });

    it('the main reads answer 200 with bodies that match their schemas', async () => {
      expectConforms('get', '/api/projects', await agent.get('/api/projects?limit=5').expect(200));
      expectConforms('get', '/api/projects/{id}', await mayor.get(`/api/projects/${projectId}`).expect(200));
      expectConforms('get', '/api/search', await agent.get('/api/search?q=ecole').expect(200));
      expectConforms('get', '/api/me', await mayor.get('/api/me').expect(200));
      expectConforms('get', '/api/questions/waiting', await agent.get('/api/questions/waiting').expect(200));
      expectConforms('get', '/api/dashboards/departement', await agent.get('/api/dashboards/departement').expect(200));
      expectConforms('get', '/api/audit/projects/{id}/history', await auditor.get(`/api/audit/projects/${projectId}/history`).expect(200));
    });

    it('the public reads answer 304 to their ETag, and 400 to a malformed address, as they declare', async () => {
      // From an address of its own (trust proxy: loopback), so that the rate limit of the other tests does not count.
      const get = (url: string) => request(t.http).get(url).set('X-Forwarded-For', '203.0.113.77');
      const pictured = (await get('/api/public/v1/projects?limit=100').expect(200)).body.items.find((p: { pictureUrl: string | null }) => p.pictureUrl);
      const faqId = (await get('/api/public/v1/faq').expect(200)).body.items[0].id as string;
      const urls: Record<string, string> = {
        '/api/public/v1/projects/{id}': `/api/public/v1/projects/${pictured.id}`,
        '/api/public/v1/projects/{id}/documents/{documentId}': pictured.pictureUrl,
        '/api/public/v1/faq/{id}': `/api/public/v1/faq/${faqId}`,
      };
      const checked: string[] = [];
      for (const { path } of operations(doc).filter((o) => o.verb === 'get' && o.path.startsWith('/api/public/'))) {
        const url = urls[path] ?? path;
        const first = await get(url).expect(200);
        expectConforms('get', path, first);
        expectConforms('get', path, await get(url).set('If-None-Match', first.headers.etag).expect(304));
        // A % that encodes no character, in the last id of the address.
        if (path.includes('{')) expectConforms('get', path, await get(url.replace(/[^/]+$/, '%zz')).expect(400));
        checked.push(path);
      }
      expect(checked).toEqual(expect.arrayContaining(['/api/public/v1/projects', '/api/public/v1/faq', ...Object.keys(urls)]));
    });

    it('commands and their problems match their declarations', async () => {
      const changed = await mayor.patch(`/api/projects/${projectId}`).set('If-Match', '"2"').send({ title: 'Contrat OpenAPI (modifié)' });
      expectConforms('patch', '/api/projects/{id}', changed);
      expect(changed.status).toBe(200);
      expectConforms('patch', '/api/projects/{id}', await mayor.patch(`/api/projects/${projectId}`).set('If-Match', '"2"').send({ title: 'Trop tard' }).expect(409));
      expectConforms('patch', '/api/projects/{id}', await mayor.patch(`/api/projects/${projectId}`).set('If-Match', 'deux').send({ title: 'Mauvais en-tête' }).expect(400));
      expectConforms('post', '/api/projects', await mayor.post('/api/projects').send({ title: 1, inconnu: true }).expect(400));
      // Found by the fuzzer: a null theme or title was let through and stored, and every later read broke its schema.
      for (const field of ['theme', 'title']) {
        const refused = await mayor.patch(`/api/projects/${projectId}`).send({ [field]: null }).expect(400);
        expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      }
      expectConforms('get', '/api/projects/{id}', await mayor.get(`/api/projects/${projectId}`).expect(200));
      expectConforms('post', '/api/projects', await mayor.agent.post('/api/projects').send(newProject()).expect(403));
      expectConforms('post', '/api/projects/{id}/step', await mayor.post(`/api/projects/${projectId}/step`).send({ step: 'etudes', progress: 10 }).expect(200));
      expectConforms('get', '/api/projects/{id}', await mayor.get('/api/projects/3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f').expect(404));
      expectConforms('get', '/api/projects/{id}', await mayor.get('/api/projects/pas-un-uuid').expect(404));
      expectConforms('post', '/api/auth/login', await request(t.http).post('/api/auth/login').send({ email: 'personne@example.org', password: 'x'.repeat(12) }).expect(401));
    });
  });
});
