import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { SqliteEventStore } from '@carnet/event-store';
import { demoPdf } from '../src/demo/demo-files.js';
import { ADJOINT_ABLEIGES, AGENT, MAIRE_ABLEIGES, MAIRE_NESLES, newProject, startApp, type Client } from './harness.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = (name: string) => join(ROOT, 'apps/api/dist/cli', `${name}.js`);

/** Runs a CLI of the product as an operator would, on a DATA_DIR. */
function run(name: string, args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI(name), ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '', DATA_DIR: dataDir, MONGO_URL: '', KURRENTDB_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

const WRITERS = 32;
const onEmbeddedEngines = !process.env.MONGO_URL && !process.env.KURRENTDB_URL;
if (!onEmbeddedEngines) console.info('Backup test skipped: npm run backup covers the embedded engines; KurrentDB and MongoDB use their own tools.');

(onEmbeddedEngines ? describe : describe.skip)('Backup while clients write, then restore (ADR 0022)', () => {
  let t: Awaited<ReturnType<typeof startApp>>;
  const scratch = mkdtempSync(join(tmpdir(), 'carnet-backup-'));
  const backupDir = join(scratch, 'sauvegarde');
  const restoredDir = join(scratch, 'restaure');
  const acknowledged: Array<{ id: string; position: number }> = [];
  let manifest: { head: number; anchor: { position: number; headsHash: string }; documents: number; files: Array<{ path: string }> };
  let backupRun: { code: number; stdout: string; stderr: string };
  const PDF = demoPdf(['Devis de la sauvegarde']);
  let document: { projectId: string; documentId: string };

  beforeAll(async () => {
    t = await startApp();
    const clients: Client[] = await Promise.all([ADJOINT_ABLEIGES, MAIRE_ABLEIGES, MAIRE_NESLES, AGENT].map((p) => t.login(p)));
    // A document of the log, whose file the backup must carry.
    const project = await clients[0].post('/api/projects').send(newProject({ title: 'Avec un devis' })).expect(201);
    const uploaded = await clients[0].post(`/api/projects/${project.body.id}/documents`).field('title', 'Devis').attach('file', PDF, 'devis.pdf').expect(201);
    document = { projectId: project.body.id, documentId: uploaded.body.documentId };

    let writing = true;
    const writer = async (n: number) => {
      const client = clients[n % clients.length];
      const codeInsee = client === clients[2] ? '95446' : '95002';
      for (let i = 0; writing; i++) {
        const res = await client.post('/api/projects').send(newProject({ codeInsee, title: `Projet ${n}-${i} pendant la sauvegarde` }));
        if (res.status === 201) acknowledged.push({ id: res.body.id, position: res.body.position });
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, n) => writer(n));
    while (acknowledged.length < 64) await new Promise((r) => setTimeout(r, 10));
    backupRun = await run('backup', [backupDir], t.dataDir);
    // Writes go on after the backup: they must not be in it.
    const after = acknowledged.length;
    while (acknowledged.length < after + 32) await new Promise((r) => setTimeout(r, 10));
    writing = false;
    await Promise.all(writers);
    manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('completes while the clients write, with a manifest of every file', () => {
    expect(backupRun.code).toBe(0);
    expect(manifest.head).toBeGreaterThan(0);
    expect(acknowledged.some((a) => a.position <= manifest.head)).toBe(true);
    expect(acknowledged.some((a) => a.position > manifest.head)).toBe(true);
    expect(manifest.documents).toBeGreaterThan(0);
    expect(manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining(['events.sqlite', 'accounts.sqlite', 'read-models.sqlite']));
    expect(manifest.files.some((f) => f.path.startsWith('documents/'))).toBe(true);
  });

  it('restores into an empty folder; the log verifies against the manifest’s anchor and holds every command acknowledged up to its head', async () => {
    const restored = await run('restore', [backupDir], restoredDir);
    expect(restored.stderr).toContain('Lectures reconstruites');
    expect(restored.code).toBe(0);

    const verified = await run('audit-verify', ['--expect', `${manifest.anchor.position}:${manifest.anchor.headsHash}`], restoredDir);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('Journal intègre');

    const events = new SqliteEventStore({ filename: join(restoredDir, 'events.sqlite'), writer: 'inline' });
    try {
      expect(await events.headPosition()).toBe(manifest.head);
      for (const ack of acknowledged) {
        const stream = await events.readStream(`project-${ack.id}`);
        if (ack.position <= manifest.head) expect(stream.map((e) => e.position)).toContain(ack.position);
        else expect(stream).toEqual([]);
      }
    } finally {
      await events.close();
    }
  });

  it('serves the restored data, read models rebuilt, documents readable', async () => {
    const app = await startApp({ dataDir: restoredDir });
    try {
      const agent = await app.login(AGENT);
      const before = acknowledged.find((a) => a.position <= manifest.head)!;
      const page = await agent.get(`/api/projects/${before.id}`).expect(200);
      expect(page.body.title).toMatch(/pendant la sauvegarde/);
      const file = await agent.get(`/api/projects/${document.projectId}/documents/${document.documentId}`).buffer(true).expect(200);
      expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);
      const ready = await request(app.http).get('/api/health/ready').expect(200);
      // The log goes on from the backup's head (the server may record its start-up anchor).
      expect(ready.body.logPosition).toBeGreaterThanOrEqual(manifest.head);
    } finally {
      await app.close(false);
    }
  });

  it('refuses to restore into a folder that is not empty, and a backup whose files changed', async () => {
    const again = await run('restore', [backupDir], restoredDir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('n’est pas vide');

    const damaged = join(backupDir, 'accounts.sqlite');
    const bytes = readFileSync(damaged);
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(damaged, bytes);
    const refused = await run('restore', [backupDir], join(scratch, 'autre'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('accounts.sqlite : SHA-256');
  });
});
