import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { PERSONAS } from '../src/dev/personas.js';
import { demoEmail } from '../src/identity/demo-accounts.js';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.js';
import { loadConfig, type AppConfig } from '../src/config.js';

/**
 * Starts the real application in-process on a fresh data directory. Engines come from the
 * environment like in production: SQLite by default, MongoDB read models when MONGO_URL is set
 * (a fresh database per test app), KurrentDB when KURRENTDB_URL is set.
 */
export async function startApp(overrides: Partial<AppConfig> & { dataDir?: string } = {}, appOptions: Parameters<typeof createApp>[1] = {}) {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'carnet-e2e-'));
  const base = loadConfig({ ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, DEMO_DATA: 'true', MONGO_DB: `carnet_e2e_${randomUUID().slice(0, 8)}` });
  const config: AppConfig = { ...base, ...overrides, dataDir };
  const app: NestExpressApplication = await createApp(config, { logger: ['error'], ...appOptions });
  const http = app.getHttpServer();
  return {
    app,
    config,
    dataDir,
    http,
    /** A logged-in user agent (cookies kept, CSRF header sent) for a demo person. */
    login: (personaId: string) => loginAs(http, personaId),
    async close(removeData = true) {
      await app.close();
      if (removeData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const MAIRE_ABLEIGES = 'persona-maire-95002';
export const ADJOINT_ABLEIGES = 'persona-adjoint-95002';
export const MAIRE_NESLES = 'persona-maire-95446';
export const AGENT = 'persona-agent-amenagement';
export const AUDITEUR = 'persona-auditeur';

export const newProject = (over: Record<string, unknown> = {}) => ({
  codeInsee: '95002',
  title: 'Réfection du préau de l’école',
  description: 'Le préau fuit.',
  theme: 'ecole',
  estimatedCostHt: 45000,
  ...over,
});

export const DEMO_PASSWORD = 'demo-carnet-2026';

/** A person using the API as the web app does: session cookie kept, X-CSRF-Token on every change. */
export interface Client {
  agent: ReturnType<typeof request.agent>;
  csrf: string;
  get(path: string): request.Test;
  post(path: string): request.Test;
  patch(path: string): request.Test;
  put(path: string): request.Test;
  delete(path: string): request.Test;
}

export function cookieValue(setCookie: string[] | string | undefined, name: string): string | undefined {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  // The last one wins, as in a browser (a login may first clear, then set).
  const line = list.filter((c) => c.startsWith(`${name}=`)).pop();
  return line ? decodeURIComponent(line.slice(name.length + 1).split(';')[0]) : undefined;
}

/** Logs in with e-mail and password; the client then sends the CSRF token on every state-changing request. */
export async function loginWith(http: Parameters<typeof request.agent>[0], email: string, password: string): Promise<Client> {
  const agent = request.agent(http);
  const res = await agent.post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const csrf = cookieValue(res.headers['set-cookie'], 'carnet_csrf') || res.body.csrfToken;
  return {
    agent,
    csrf,
    get: (path) => agent.get(path),
    post: (path) => agent.post(path).set('X-CSRF-Token', csrf),
    patch: (path) => agent.patch(path).set('X-CSRF-Token', csrf),
    put: (path) => agent.put(path).set('X-CSRF-Token', csrf),
    delete: (path) => agent.delete(path).set('X-CSRF-Token', csrf),
  };
}

/** Logs in as one of the demo people (their accounts come with the demo data). */
export async function loginAs(http: Parameters<typeof request.agent>[0], personaId: string): Promise<Client> {
  const persona = PERSONAS.find((p) => p.id === personaId);
  if (!persona) throw new Error(`unknown persona ${personaId}`);
  return loginWith(http, demoEmail(persona.displayName), DEMO_PASSWORD);
}
