import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loginWith, startApp } from './harness.js';

/**
 * `npm run invite:admin` (issue #17): on a fresh installation nobody can invite anybody; the operator
 * invites the first administrator — of a Département, or national — from the command line.
 */
describe('npm run invite:admin', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'carnet-invite-admin-'));
  // The command and the server share the engines of the environment: the SQLite files of DATA_DIR, or MongoDB (`npm run test:mongo`).
  const mongoUrl = process.env.MONGO_URL;
  const dbName = `carnet_invite_${randomUUID().slice(0, 8)}`;
  const cli = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['apps/api/dist/cli/invite-admin.js', ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DEPARTEMENTS: '95,78', DEPARTEMENT: '', MONGO_DB: dbName, PUBLIC_URL: 'https://projets.example', ...env },
      encoding: 'utf8',
    });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('says in French what is missing, and invites nobody', () => {
    const res = cli(['--email', 'pas-une-adresse', '--departement', '60']);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('--email : une adresse e-mail complète.');
    expect(res.stderr).toContain('--name : le prénom et le nom');
    expect(res.stderr).toContain('--departement : un département que sert l’instance (95, 78).');
    expect(cli(['--email', 'a@b.fr', '--name', 'Anne B', '--national'], { DEPARTEMENTS: '95' }).stderr).toContain('--national : seulement pour une instance qui sert plusieurs départements');
  });

  it('prints a link with which the national administrator creates their account and manages the Départements', async () => {
    const res = cli(['--email', 'Hugo.National@exemple.fr', '--name', 'Hugo National', '--national']);
    expect(res.status).toBe(0);
    const link = /https:\/\/projets\.example\/invitation\/([A-Za-z0-9_-]+)/.exec(res.stdout);
    expect(link).not.toBeNull();
    const t = await startApp({ dataDir, departements: ['95', '78'], departement: '95', demoData: false, readStore: mongoUrl ? { engine: 'mongodb', url: mongoUrl, dbName } : { engine: 'sqlite' } });
    try {
      const details = await request(t.http).get(`/api/invitations/${link![1]}`).expect(200);
      expect(details.body).toMatchObject({ email: 'hugo.national@exemple.fr', role: 'national_admin' });
      await request(t.http).post(`/api/invitations/${link![1]}/accept`).send({ displayName: 'Hugo National', password: 'les départements de France' }).expect(201);
      const national = await loginWith(t.http, 'hugo.national@exemple.fr', 'les départements de France');
      expect((await national.get('/api/me').expect(200)).body).toMatchObject({ role: 'national_admin' });
      expect(((await national.get('/api/admin/departements').expect(200)).body as Array<{ code: string }>).map((d) => d.code)).toEqual(['95', '78']);
      // The link worked once.
      expect((await request(t.http).get(`/api/invitations/${link![1]}`)).status).toBe(404);
    } finally {
      await t.close(false);
    }
    // A Département's first administrator, the same way; an address that has an account is refused.
    // (The home Département's: an invitation without a Département would otherwise read as its own.)
    const admin = cli(['--email', 'admin@valdoise.example', '--name', 'Anne Valdoise', '--departement', '95']);
    expect(admin.status).toBe(0);
    expect(admin.stdout).toContain('comme administrateur du département 95');
    const adminToken = /invitation\/([A-Za-z0-9_-]+)/.exec(admin.stdout)![1];
    // A second national administrator's invitation, pending: no Département's administrator sees or takes it back.
    expect(cli(['--email', 'autre.national@exemple.fr', '--name', 'Autre National', '--national']).status).toBe(0);
    const t2 = await startApp({ dataDir, departements: ['95', '78'], departement: '95', demoData: false, readStore: mongoUrl ? { engine: 'mongodb', url: mongoUrl, dbName } : { engine: 'sqlite' } });
    try {
      await request(t2.http).post(`/api/invitations/${adminToken}/accept`).send({ displayName: 'Anne Valdoise', password: 'les communes du Val-d’Oise' }).expect(201);
      const valDOise = await loginWith(t2.http, 'admin@valdoise.example', 'les communes du Val-d’Oise');
      expect((await valDOise.get('/api/me').expect(200)).body).toMatchObject({ role: 'departement_admin', departement: '95' });
      const pending = (await valDOise.get('/api/admin/invitations').expect(200)).body as Array<{ id: string; email: string }>;
      expect(pending.map((i) => i.email)).not.toContain('autre.national@exemple.fr');
      const national = await loginWith(t2.http, 'hugo.national@exemple.fr', 'les départements de France');
      expect(((await national.get('/api/admin/invitations').expect(200)).body as Array<{ email: string }>).map((i) => i.email)).toContain('autre.national@exemple.fr');
    } finally {
      await t2.close(false);
    }
    const again = cli(['--email', 'hugo.national@exemple.fr', '--name', 'Hugo National', '--national']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Un compte existe déjà avec l’adresse hugo.national@exemple.fr.');
  });
});
