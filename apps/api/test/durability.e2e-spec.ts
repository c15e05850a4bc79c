import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { PERSONAS } from '../src/dev/personas.js';
import { demoEmail } from '../src/identity/demo-accounts.js';
import { cookieValue, DEMO_PASSWORD, MAIRE_ABLEIGES, newProject, startApp } from './harness.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const MAIN = join(ROOT, 'apps/api/dist/main.js');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

/**
 * Runs the built server as a real process, as `npm start` does. The port is free when chosen, but the other test
 * files running meanwhile open ephemeral ports by the hundred (supertest): one may take it before the server binds
 * it. The server then exits with EADDRINUSE — the test is retried on another port, any other exit fails it.
 */
async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServerOnce(dataDir, env);
    } catch (error) {
      if (attempt >= 3 || !/EADDRINUSE/.test((error as Error).message)) throw error;
    }
  }
}

async function startServerOnce(dataDir: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_DATA: 'true', NODE_ENV: 'test', MONGO_DB: `carnet_crash_${port}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  // A real process on a busy 2-core machine: module loading and the demo data may take a while (60 s at most).
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { child, url };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${output}`);
}

/** Logs in over real HTTP as a demo person: the headers to send with each request afterwards. */
async function httpLogin(url: string, personaId: string): Promise<Record<string, string>> {
  const persona = PERSONAS.find((p) => p.id === personaId)!;
  const email = demoEmail(persona.displayName);
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const cookies = res.headers.getSetCookie();
  const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
  return { Cookie: cookie, 'X-CSRF-Token': cookieValue(cookies, 'carnet_csrf')! };
}

/** A GET on a connection of its own: with WORKERS=n, successive calls land on different processes in turn. */
function getOnNewConnection(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = httpGet(url, { headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
  });
}

// Each test starts the application (twice, for some) on a fresh database, where the demo data is written
// first: a dozen projects through the command path take several seconds on a busy machine.
jest.setTimeout(90_000);

describe('Durability', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  afterAll(() => {
    children.forEach((c) => c.exitCode === null && c.kill('SIGKILL'));
    dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  describe('when the server is killed with SIGKILL right after a 2xx command', () => {
    it('still has the command’s events after a restart, and the read models catch up', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'carnet-crash-'));
      dirs.push(dataDir);
      const first = await startServer(dataDir);
      children.push(first.child);
      const auth = await httpLogin(first.url, MAIRE_ABLEIGES);
      const res = await fetch(`${first.url}/api/projects`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...auth },
        body: JSON.stringify(newProject({ title: 'Survit au crash' })),
      });
      expect(res.status).toBe(201);
      first.child.kill('SIGKILL');
      const accepted = (await res.json()) as { id: string; position: number };
      await new Promise((r) => first.child.once('exit', r));

      const second = await startServer(dataDir);
      children.push(second.child);
      const auth2 = await httpLogin(second.url, MAIRE_ABLEIGES);
      const read = await fetch(`${second.url}/api/projects/${accepted.id}?minPosition=${accepted.position}`, { headers: auth2 });
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({ title: 'Survit au crash', version: 1 });
      const history = await fetch(`${second.url}/api/projects/${accepted.id}/history`, { headers: auth2 });
      expect(((await history.json()) as unknown[]).length).toBe(1);
      second.child.kill('SIGKILL');
    }, 150_000);
  });

  describe('when WORKERS=2 and the processes would read the shared log only once a minute (EVENT_POLL_MS=60000)', () => {
    it('projects a command at once and every HTTP process serves it: the processes wake each other', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'carnet-workers-'));
      dirs.push(dataDir);
      const server = await startServer(dataDir, { WORKERS: '2', EVENT_POLL_MS: '60000' });
      children.push(server.child);
      // Both HTTP processes answer (each connection goes to the next process in turn); the second may
      // start seconds after the first on a busy machine.
      const instances = new Set<string>();
      for (let i = 0; i < 300 && instances.size < 2; i++) {
        const ready = await getOnNewConnection(`${server.url}/api/health/ready`, {});
        if (ready.status === 200) instances.add((JSON.parse(ready.body) as { projections: { instance: string } }).projections.instance);
        if (instances.size < 2) await new Promise((r) => setTimeout(r, 200));
      }
      expect(instances.size).toBe(2);
      const auth = await httpLogin(server.url, MAIRE_ABLEIGES);
      const created = await fetch(`${server.url}/api/projects`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...auth },
        body: JSON.stringify(newProject({ title: 'Vu par tous les processus' })),
      });
      expect(created.status).toBe(201);
      const { id, position } = (await created.json()) as { id: string; position: number };
      // Without the wake-ups, the projections process would find this append only at its next read
      // of the log, a minute later: each read below would wait READ_WAIT_TIMEOUT_MS and answer 503.
      const reads = [];
      for (let i = 0; i < 4; i++) reads.push(await getOnNewConnection(`${server.url}/api/projects/${id}?minPosition=${position}`, auth));
      expect(reads.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      for (const read of reads) expect(JSON.parse(read.body)).toMatchObject({ title: 'Vu par tous les processus', version: 1 });
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('exit', r));
    }, 150_000);
  });

  describe('when the read models are rebuilt while the server runs', () => {
    it('swaps to the new generation without stopping, and serves the same projects', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'carnet-rebuild-'));
      dirs.push(dataDir);
      const server = await startServer(dataDir);
      children.push(server.child);
      const auth = await httpLogin(server.url, MAIRE_ABLEIGES);
      const created = await fetch(`${server.url}/api/projects`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...auth },
        body: JSON.stringify(newProject({ title: 'Reconstruit à chaud' })),
      });
      const { id } = (await created.json()) as { id: string };
      const rebuild = spawnSync(process.execPath, [join(ROOT, 'apps/api/dist/cli/rebuild-projections.js')], {
        cwd: ROOT,
        env: { ...process.env, NODE_OPTIONS: '', DATA_DIR: dataDir, MONGO_DB: `carnet_crash_${new URL(server.url).port}` },
        encoding: 'utf8',
      });
      expect(rebuild.status).toBe(0);
      expect(rebuild.stderr).toMatch(/Génération 2 active : \d+ événements/);
      let generation = 1;
      for (let i = 0; i < 50 && generation !== 2; i++) {
        await new Promise((r) => setTimeout(r, 100));
        generation = ((await (await fetch(`${server.url}/api/health`)).json()) as { readModelGeneration: number }).readModelGeneration;
      }
      expect(generation).toBe(2);
      const step = await fetch(`${server.url}/api/projects/${id}/step`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...auth },
        body: JSON.stringify({ step: 'etudes', progress: 10 }),
      });
      const { position } = (await step.json()) as { position: number };
      const read = await fetch(`${server.url}/api/projects/${id}?minPosition=${position}`, { headers: auth });
      expect(await read.json()).toMatchObject({ title: 'Reconstruit à chaud', step: 'etudes', version: 2 });
      server.child.kill('SIGKILL');
    });
  });

  describe('when the application restarts on the same data', () => {
    it('serves the projects created before, with their history', async () => {
      const first = await startApp();
      dirs.push(first.dataDir);
      const maire = await first.login(MAIRE_ABLEIGES);
      const created = await maire.post('/api/projects').send(newProject({ title: 'Avant redémarrage' }));
      const stepped = await maire.post(`/api/projects/${created.body.id}/step`).send({ step: 'etudes', progress: 25 }).expect(200);
      await first.close(false);

      const second = await startApp({ dataDir: first.dataDir, readStore: first.config.readStore });
      try {
        const maireAgain = await second.login(MAIRE_ABLEIGES);
        // The restarted runner catches up from its checkpoint; a client that knows the position waits for it.
        const read = await maireAgain.get(`/api/projects/${created.body.id}?minPosition=${stepped.body.position}`);
        expect(read.body).toMatchObject({ title: 'Avant redémarrage', step: 'etudes', progress: 25, version: 2 });
        const history = await maireAgain.get(`/api/projects/${created.body.id}/history`);
        expect(history.body).toHaveLength(2);
      } finally {
        await second.close(false);
      }
    });
  });

  describe('when the database is empty and demo data is on', () => {
    it('creates the demo projects of real Val d’Oise communes through commands, once', async () => {
      const first = await startApp({ demoData: true });
      dirs.push(first.dataDir);
      const agent = await first.login('persona-agent-amenagement');
      const health = await request(first.http).get('/api/health');
      const list = await agent.get(`/api/projects?minPosition=${health.body.logPosition}`);
      expect(list.body.total).toBeGreaterThanOrEqual(8);
      expect(new Set(list.body.items.map((p: { communeName: string }) => p.communeName))).toEqual(
        new Set(['Ableiges', 'Nesles-la-Vallée', 'Vigny', 'Marines', 'La Roche-Guyon', 'Valmondois', 'Us', 'Chaumontel']),
      );
      const vigny = list.body.items.find((p: { title: string }) => p.title === 'Création d’un city-stade');
      expect(vigny).toMatchObject({ step: 'termine', publication: 'published' });
      await first.close(false);
      const second = await startApp({ dataDir: first.dataDir, demoData: true, readStore: first.config.readStore });
      try {
        const again = await (await second.login('persona-agent-amenagement')).get(`/api/projects?minPosition=${health.body.logPosition}`);
        expect(again.body.total).toBe(list.body.total);
      } finally {
        await second.close(false);
      }
    });
  });
});
