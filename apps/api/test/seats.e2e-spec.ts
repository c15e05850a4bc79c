import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { loginWith, startApp, type Client } from './harness.js';

type App = Awaited<ReturnType<typeof startApp>>;

/** The token of the last invitation e-mail written to the outbox for this address. */
function invitationToken(app: App, email: string): string {
  const dir = join(app.dataDir, 'outbox');
  for (const file of readdirSync(dir).sort().reverse()) {
    const text = readFileSync(join(dir, file), 'utf8');
    if (text.includes(`To: ${email}`)) return text.match(/https?:\/\/\S+/)![0].split('/').pop()!;
  }
  throw new Error(`no e-mail to ${email}`);
}

async function accept(app: App, email: string, displayName: string): Promise<Client> {
  const token = invitationToken(app, email);
  const res = await request(app.http).post(`/api/invitations/${token}/accept`).send({ displayName, password: 'une phrase de passe solide' });
  expect(res.status).toBe(201);
  return loginWith(app.http, email, 'une phrase de passe solide');
}

describe('Commune seats', () => {
  let app: App;
  let admin: Client;

  beforeAll(async () => {
    app = await startApp();
    admin = await app.login('persona-admin');
  });
  afterAll(async () => {
    await app.close();
  });

  describe('when a mayor fills the three collaborator seats', () => {
    it('refuses a fourth invitation with a clear message, and frees a seat on release', async () => {
      const maire = await app.login('persona-maire-95370'); // Marines: a mayor and no collaborator yet
      for (const n of [1, 2, 3]) {
        const res = await maire.post('/api/communes/95370/invitations').send({ email: `collab${n}@marines.example`, displayName: `Collaborateur ${n}`, seat: 'collaborator' });
        expect(res.status).toBe(201);
      }
      expect((await maire.get('/api/communes/95370/members')).body.freeCollaboratorSeats).toBe(0); // all reserved
      const fourth = await maire.post('/api/communes/95370/invitations').send({ email: 'collab4@marines.example', displayName: 'Collaborateur 4', seat: 'collaborator' });
      expect(fourth.status).toBe(409);
      expect(fourth.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fourth.body.title).toMatch(/trois places de collaborateur sont occupées ou réservées/);

      const collab1 = await accept(app, 'collab1@marines.example', 'Collaborateur Un');
      await accept(app, 'collab2@marines.example', 'Collaborateur Deux');
      await accept(app, 'collab3@marines.example', 'Collaborateur Trois');
      const members = await maire.get('/api/communes/95370/members');
      expect(members.body.collaborators.map((m: { name: string }) => m.name)).toEqual(['Collaborateur Un', 'Collaborateur Deux', 'Collaborateur Trois']);
      expect(members.body.freeCollaboratorSeats).toBe(0);

      // A released collaborator is refused at once.
      const projects = await collab1.get('/api/projects?commune=95370');
      expect(projects.body.total).toBeGreaterThan(0);
      const released = await maire.post(`/api/communes/95370/seats/${members.body.collaborators[0].userId}/release`).send({ reason: 'Départ' });
      expect(released.status).toBe(200);
      const after = await collab1.get('/api/projects?commune=95370');
      expect(after.body.items.filter((p: { publication: string }) => p.publication !== 'published')).toEqual([]);
      const me = await collab1.get('/api/me');
      expect(me.body).toMatchObject({ communeInsee: null, seat: null });
      // A decision taken on a stale view of the seats is refused, in the commune's words.
      const stale = await maire.post(`/api/communes/95370/seats/${members.body.collaborators[1].userId}/release`).set('If-Match', '"1"').send({});
      expect(stale.status).toBe(409);
      expect(stale.body.title).toBe('Les places de la commune ont changé entre-temps');
      const again = await maire.post('/api/communes/95370/invitations').send({ email: 'collab4@marines.example', displayName: 'Collaborateur 4', seat: 'collaborator' });
      expect(again.status).toBe(201);
    });
  });

  describe('when a new mayor is elected', () => {
    it('takes the mayor seat; the former mayor is locked out at once and the history still names them', async () => {
      const former = await app.login('persona-maire-95658'); // Vigny
      const list = await former.get('/api/projects?commune=95658');
      const unpublished = list.body.items.find((p: { publication: string }) => p.publication === 'none');
      expect(unpublished).toBeDefined();

      const invited = await admin.post('/api/communes/95658/invitations').send({ email: 'nouveau.maire@vigny.example', displayName: 'Nouveau Maire', seat: 'mayor' });
      expect(invited.status).toBe(201);
      const newMayor = await accept(app, 'nouveau.maire@vigny.example', 'Nouveau Maire');
      expect((await newMayor.get('/api/me')).body).toMatchObject({ role: 'commune_mayor', communeInsee: '95658', seat: 'mayor' });

      const refused = await former.get(`/api/projects/${unpublished.id}`);
      expect(refused.status).toBe(404);
      const step = await former.post(`/api/projects/${unpublished.id}/step`).send({ step: 'termine', progress: 100 });
      expect(step.status).toBe(404);

      const history = await newMayor.get(`/api/projects/${unpublished.id}/history`);
      expect(history.body[0].actor).toMatchObject({ name: 'Patrick Garnier', role: 'commune_mayor' });
      const members = await newMayor.get('/api/communes/95658/members');
      expect(members.body.mayor.name).toBe('Nouveau Maire');
    });
  });
});
