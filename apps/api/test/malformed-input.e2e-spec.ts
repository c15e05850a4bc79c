import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventStore } from '@carnet/event-store';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EVENT_STORE } from '../src/infrastructure/tokens.js';
import { AGENT, AUDITEUR, MAIRE_ABLEIGES, startApp, type Client } from './harness.js';

/**
 * Issue #13: every JSON-body operation of the OpenAPI document — found by walking
 * /api/openapi.json, not listed by hand — gets each family of malformed input an attacker or a
 * fuzzer sends. Each answer must be a 4xx application/problem+json, nothing may be appended to
 * the log, and the server must still answer its health check afterwards.
 */

type Schema = { $ref?: string; type?: string; nullable?: boolean; properties?: Record<string, Schema>; items?: Schema; allOf?: Schema[]; oneOf?: Schema[] };
type Operation = { requestBody?: { content?: Record<string, { schema?: Schema }> } };
type OpenApi = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

const ADMIN = 'persona-admin';
const DEEP = '['.repeat(2000) + ']'.repeat(2000);

/** Values no field of the API accepts, or that crashed a validator once. */
const BAD_NUMBERS = [1e-7, 5e-324, 0.0000001, -5e-324, 1e308, -1e308, 1e21, 9007199254740993, 12.345];
const BAD_TYPES: unknown[] = [null, true, {}, [], [[]], [null], [1], 'texte', 0, { __proto__x: 1 }];
const BAD_TEXTS = ['\u0000\u0000', 'a\u001b[31mb', 'a\u007fb', 'a\u0085b'];
/** Written into the JSON text by hand: JSON.stringify would not keep a lone surrogate as such. */
const RAW_TEXTS = ['"a\\ud800b"', '"\\udc00"', '"\\ud83d"'];

interface Target {
  method: string;
  path: string;
  properties: Record<string, Schema>;
}

function resolve(doc: OpenApi, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.split('/').pop()!]);
  if (schema.allOf?.length) return { ...schema, properties: Object.assign({}, ...schema.allOf.map((s) => resolve(doc, s).properties ?? {}), schema.properties) };
  return schema;
}

/** Every operation with a JSON request body, its path parameters filled with well-formed values. */
function jsonOperations(doc: OpenApi): Target[] {
  const out: Target[] = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const json = operation.requestBody?.content?.['application/json'];
      if (!json) continue;
      const path = template.replace(/\{([^}]+)\}/g, (_m, name: string) => (name === 'codeInsee' ? '95002' : name === 'token' ? 'jeton-' + 'x'.repeat(37) : randomUUID()));
      out.push({ method, path, properties: resolve(doc, json.schema).properties ?? {} });
    }
  }
  return out;
}

/** Whether a value has the JSON type the schema declares (then it is no wrong type). */
function ofType(value: unknown, schema: Schema): boolean {
  if (value === null) return schema.nullable === true;
  const type = Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : typeof value;
  return type === schema.type || (type === 'number' && schema.type === 'integer' && Number.isInteger(value)) || (schema.type === undefined && type === 'string');
}

/** The malformed bodies of one operation, as JSON text (some are not expressible as JS values). */
function malformedBodies(doc: OpenApi, target: Target): Array<{ family: string; body: string | Buffer }> {
  const bodies: Array<{ family: string; body: string | Buffer }> = [
    { family: 'nesting', body: `{"x":${DEEP}}` },
    { family: 'nesting', body: DEEP },
    { family: 'prototype key', body: '{"__proto__":{"role":"departement_admin"}}' },
    { family: 'prototype key', body: '{"constructor":{"prototype":{"role":"departement_admin"}}}' },
    { family: 'invalid UTF-8', body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x7d]) },
  ];
  const fields: Array<[Schema, (value: string) => string]> = [];
  for (const [name, schema] of Object.entries(target.properties)) {
    fields.push([resolve(doc, schema), (value) => `{${JSON.stringify(name)}:${value}}`]);
    // One level down: the items of a list of objects (funding[].amountHt) and the fields of an object.
    const inner = resolve(doc, schema.type === 'array' ? schema.items : schema).properties ?? {};
    for (const sub of Object.keys(inner)) {
      const wrap = schema.type === 'array' ? (v: string) => `[{${JSON.stringify(sub)}:${v}}]` : (v: string) => `{${JSON.stringify(sub)}:${v}}`;
      fields.push([resolve(doc, inner[sub]), (value) => `{${JSON.stringify(name)}:${wrap(value)}}`]);
    }
  }
  for (const [schema, put] of fields) {
    for (const n of BAD_NUMBERS) bodies.push({ family: 'number', body: put(JSON.stringify(n)) });
    for (const v of BAD_TYPES.filter((v) => !ofType(v, schema))) bodies.push({ family: 'wrong type', body: put(JSON.stringify(v)) });
    for (const t of BAD_TEXTS) bodies.push({ family: 'control character', body: put(JSON.stringify(t)) });
    for (const raw of RAW_TEXTS) bodies.push({ family: 'lone surrogate', body: put(raw) });
  }
  return bodies;
}

describe('malformed input on every JSON endpoint (generated from the OpenAPI document)', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let doc: OpenApi;
  let clients: Client[];

  beforeAll(async () => {
    app = await startApp();
    doc = (await request(app.http).get('/api/openapi.json').expect(200)).body as OpenApi;
    clients = await Promise.all([ADMIN, AGENT, MAIRE_ABLEIGES, AUDITEUR].map((id) => app.login(id)));
  });
  afterAll(() => app.close());

  it('finds the JSON-body operations in the document', () => {
    const targets = jsonOperations(doc);
    expect(targets.length).toBeGreaterThanOrEqual(25);
    expect(targets.map((t) => `${t.method} ${t.path.replace(/[0-9a-f-]{36}/g, '{id}')}`)).toEqual(
      expect.arrayContaining(['post /api/projects', 'post /api/auth/login', 'post /api/projects/{id}/publication-request', 'patch /api/projects/{id}']),
    );
  });

  it('answers each malformed body with a 4xx problem, appends nothing and stays healthy', async () => {
    const events = app.app.get<EventStore>(EVENT_STORE);
    const headBefore = await events.headPosition();
    const failures: string[] = [];
    let sent = 0;
    for (const target of jsonOperations(doc)) {
      // The person who may call it, so that the body reaches the DTO: an unknown field answers 400 to them, 403 to others.
      const send = (client: Client | null, body: string | Buffer) => {
        const agent = client ?? request(app.http);
        const method = target.method as 'post' | 'patch' | 'put';
        const req = client ? client[method](target.path) : (agent as ReturnType<typeof request>)[method](target.path);
        return req.set('Content-Type', 'application/json').serialize(() => body as unknown as string).send({});
      };
      let caller: Client | null = null;
      for (const client of [null, ...clients]) {
        const probe = await send(client, '{"champInconnu":1}');
        if (probe.status !== 401 && probe.status !== 403) {
          caller = client;
          break;
        }
      }
      const bodies = malformedBodies(doc, target);
      for (let i = 0; i < bodies.length; i += 8) {
        const batch = bodies.slice(i, i + 8);
        const answers = await Promise.all(batch.map(({ body }) => send(caller, body)));
        answers.forEach((res, j) => {
          sent++;
          const ok = res.status >= 400 && res.status < 500 && String(res.headers['content-type']).startsWith('application/problem+json');
          if (!ok) failures.push(`${target.method.toUpperCase()} ${target.path} [${batch[j].family}] ${String(batch[j].body).slice(0, 80)} → ${res.status}`);
        });
      }
      const health = await request(app.http).get('/api/health');
      if (health.status !== 200) failures.push(`unhealthy after ${target.method.toUpperCase()} ${target.path}: ${health.status}`);
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
    expect(await events.headPosition()).toBe(headBefore);
  }, 120_000);
});
