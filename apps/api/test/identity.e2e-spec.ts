import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AccountStore } from '@carnet/account-store';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { ACCOUNT_STORE, CLOCK } from '../src/infrastructure/tokens.js';
import type { SettableClock } from '../src/infrastructure/settable-clock.js';
import { DemoAccounts } from '../src/identity/demo-accounts.js';
import { PasswordHasher } from '../src/identity/password-hasher.js';
import { AGENT, MAIRE_ABLEIGES, startApp } from './harness.js';

type App = Awaited<ReturnType<typeof startApp>>;
type Agent = ReturnType<typeof request.agent>;

const ADMIN = { email: 'isabelle.admin@valdoise.example', password: 'administratrice du 95' };
const NEW_PASSWORD = 'un nouveau mot de passe';

async function createAccount(app: App, id: string, email: string, password: string, kind: 'departement_admin' | 'departement_agent' = 'departement_admin') {
  const store = app.app.get<AccountStore>(ACCOUNT_STORE);
  const passwordHash = await app.app.get(PasswordHasher).hash(password);
  const now = new Date().toISOString();
  await store.createAccount({ id, email, displayName: `Compte ${id}`, passwordHash, kind, organisationId: null, status: 'active', demo: false, createdAt: now, updatedAt: now });
}

/** Logs an agent in; returns its CSRF token (also kept in its cookie jar). */
async function logIn(agent: Agent, email: string, password: string): Promise<string> {
  const res = await agent.post('/api/auth/login').send({ email, password }).expect(200);
  return res.body.csrfToken as string;
}

const cookiesOf = (res: request.Response): string[] => ([] as string[]).concat(res.headers['set-cookie'] ?? []);
const cookie = (res: request.Response, name: string) => cookiesOf(res).find((c) => c.startsWith(`${name}=`));

/** The link of the last e-mail written to the outbox for this address. */
function lastLinkTo(app: App, email: string): string {
  const dir = join(app.dataDir, 'outbox');
  const files = readdirSync(dir).sort().reverse();
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    if (text.includes(`To: ${email}`)) return text.match(/https?:\/\/\S+/)![0];
  }
  throw new Error(`No e-mail to ${email}`);
}
const tokenOf = (link: string) => link.split('/').pop()!;

describe('identity (accounts, sessions, CSRF, invitations)', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp();
    await createAccount(app, 'admin-1', ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('logging in', () => {
    it('answers Me and sets the session and CSRF cookies with the right flags', async () => {
      const res = await request(app.http).post('/api/auth/login').send({ email: ' Isabelle.ADMIN@valdoise.example', password: ADMIN.password }).expect(200);
      expect(res.body).toMatchObject({ id: 'admin-1', email: ADMIN.email, role: 'departement_admin', communeInsee: null, seat: null });
      const session = cookie(res, 'carnet_session')!;
      const csrf = cookie(res, 'carnet_csrf')!;
      expect(session).toMatch(/^carnet_session=[A-Za-z0-9_-]{43};/);
      expect(session).toMatch(/HttpOnly/);
      expect(session).toMatch(/SameSite=Lax/);
      expect(session).toMatch(/Path=\//);
      expect(session).not.toMatch(/Secure/);
      expect(csrf).toContain(`carnet_csrf=${res.body.csrfToken};`);
      expect(csrf).not.toMatch(/HttpOnly/);
      expect(csrf).toMatch(/SameSite=Strict/);
    });

    it('gives a new session id at each login, even when the browser sends its old one', async () => {
      const agent = request.agent(app.http);
      const first = await agent.post('/api/auth/login').send(ADMIN).expect(200);
      const second = await agent.post('/api/auth/login').set('X-CSRF-Token', first.body.csrfToken).send(ADMIN).expect(200);
      expect(cookie(second, 'carnet_session')).not.toEqual(cookie(first, 'carnet_session'));
      await agent.get('/api/me').expect(200);
      // The first session no longer works.
      const old = cookie(first, 'carnet_session')!.split(';')[0]!;
      await request(app.http).get('/api/me').set('Cookie', old).expect(401);
    });

    it('refuses a wrong password and an unknown e-mail with the same answer', async () => {
      const wrong = await request(app.http).post('/api/auth/login').send({ email: ADMIN.email.replace('isabelle', 'x'), password: 'peu importe ici' }).expect(401);
      expect(wrong.headers['content-type']).toContain('application/problem+json');
      expect(wrong.body.title).toBe('Adresse e-mail ou mot de passe incorrect.');
    });

    it('says who is logged in, and 401 once logged out', async () => {
      const agent = request.agent(app.http);
      const csrf = await logIn(agent, ADMIN.email, ADMIN.password);
      expect((await agent.get('/api/me').expect(200)).body).toMatchObject({ id: 'admin-1', csrfToken: csrf });
      const out = await agent.post('/api/auth/logout').set('X-CSRF-Token', csrf).expect(204);
      expect(cookie(out, 'carnet_session')).toMatch(/Expires=Thu, 01 Jan 1970/);
      const res = await agent.get('/api/me').expect(401);
      expect(res.body.title).toBe('Vous n’êtes pas connecté.');
    });
  });

  describe('CSRF', () => {
    it('refuses a state-changing request with a session but without X-CSRF-Token, and passes it with the token', async () => {
      const agent = request.agent(app.http);
      const csrf = await logIn(agent, ADMIN.email, ADMIN.password);
      const refused = await agent.post('/api/auth/logout').expect(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.title).toBe('Jeton de sécurité manquant ou invalide');
      expect(refused.body.detail).toMatch(/Rechargez la page/);
      await agent.post('/api/auth/logout').set('X-CSRF-Token', 'pas-le-bon').expect(403);
      await agent.get('/api/me').expect(200); // still logged in
      await agent.post('/api/auth/logout').set('X-CSRF-Token', csrf).expect(204);
    });

    it('refuses a login posted from another site', async () => {
      const res = await request(app.http).post('/api/auth/login').set('Origin', 'https://evil.example').send(ADMIN).expect(403);
      expect(res.body.title).toBe('Jeton de sécurité manquant ou invalide');
    });
  });

  describe('log out everywhere', () => {
    it('ends the sessions of the account in other browsers', async () => {
      const laptop = request.agent(app.http);
      const phone = request.agent(app.http);
      const csrf = await logIn(laptop, ADMIN.email, ADMIN.password);
      await logIn(phone, ADMIN.email, ADMIN.password);
      await phone.get('/api/me').expect(200);
      await laptop.post('/api/auth/logout-everywhere').set('X-CSRF-Token', csrf).expect(204);
      await phone.get('/api/me').expect(401);
      await laptop.get('/api/me').expect(401);
    });
  });

  describe('login throttling', () => {
    it('answers 429 with Retry-After after 5 wrong passwords, without affecting other accounts', async () => {
      await createAccount(app, 'agent-locked', 'bloque@valdoise.example', 'le bon mot de passe', 'departement_agent');
      for (let i = 0; i < 5; i++) {
        await request(app.http).post('/api/auth/login').send({ email: 'bloque@valdoise.example', password: `mauvais ${i} !!!` }).expect(401);
      }
      const locked = await request(app.http).post('/api/auth/login').send({ email: 'bloque@valdoise.example', password: 'le bon mot de passe' }).expect(429);
      expect(locked.headers['content-type']).toContain('application/problem+json');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect(locked.body.title).toMatch(/^Trop de tentatives de connexion\. Réessayez dans \d+ minutes?\.$/);
      await request(app.http).post('/api/auth/login').send(ADMIN).expect(200);
    });
  });

  // Aincourt (95008) has no demo data: its seats are all free.
  describe('invitations', () => {
    let admin: Agent;
    let adminCsrf: string;

    beforeAll(async () => {
      admin = request.agent(app.http);
      adminCsrf = await logIn(admin, ADMIN.email, ADMIN.password);
    });

    it('lets an invited mayor read the invitation, accept it and be logged in at once; the link works once', async () => {
      await admin
        .post('/api/communes/95008/invitations')
        .set('X-CSRF-Token', adminCsrf)
        .send({ email: 'Maire.Aincourt@exemple.fr', displayName: 'Claire Martin', seat: 'mayor' })
        .expect(201);
      const token = tokenOf(lastLinkTo(app, 'maire.aincourt@exemple.fr'));
      const details = await request(app.http).get(`/api/invitations/${token}`).expect(200);
      expect(details.body).toMatchObject({ email: 'maire.aincourt@exemple.fr', role: 'commune_mayor', communeInsee: '95008', communeName: 'Aincourt', seat: 'mayor' });

      const weak = await request(app.http).post(`/api/invitations/${token}/accept`).send({ displayName: 'Claire Martin', password: 'motdepasse123' }).expect(400);
      expect(weak.body.errors).toEqual([{ field: 'password', message: expect.stringMatching(/trop courant/) }]);

      const mayor = request.agent(app.http);
      const accepted = await mayor.post(`/api/invitations/${token}/accept`).send({ displayName: 'Claire Martin', password: 'le préau de l’école' }).expect(201);
      expect(accepted.body).toMatchObject({ name: 'Claire Martin', role: 'commune_mayor', communeInsee: '95008', seat: 'mayor' });
      expect((await mayor.get('/api/me').expect(200)).body.seat).toBe('mayor');

      const reused = await request(app.http).post(`/api/invitations/${token}/accept`).send({ displayName: 'Autre', password: 'encore un autre essai' }).expect(404);
      expect(reused.body.title).toBe('Cette invitation n’existe pas ou a déjà servi.');
      await request(app.http).get(`/api/invitations/${token}`).expect(404);
    });

    it('refuses the 4th collaborator invitation while 3 seats are taken or reserved', async () => {
      const mayor = request.agent(app.http);
      const csrf = await logIn(mayor, 'maire.aincourt@exemple.fr', 'le préau de l’école');
      const invite = (n: number) =>
        mayor.post('/api/communes/95008/invitations').set('X-CSRF-Token', csrf).send({ email: `collab${n}@exemple.fr`, displayName: `Collab ${n}`, seat: 'collaborator' });
      await invite(1).expect(201);
      // One collaborator takes a seat; the two others stay pending: 3 places in all.
      const token = tokenOf(lastLinkTo(app, 'collab1@exemple.fr'));
      await request(app.http).post(`/api/invitations/${token}/accept`).send({ displayName: 'Collab 1', password: 'secrétaire de mairie' }).expect(201);
      await invite(2).expect(201);
      await invite(3).expect(201);
      const fourth = await invite(4).expect(409);
      expect(fourth.body.title).toBe(
        'Les trois places de collaborateur sont occupées ou réservées par une invitation en attente. Libérez une place avant d’inviter quelqu’un d’autre.',
      );
      const pending = (await mayor.get('/api/communes/95008/invitations').expect(200)).body as Array<{ id: string; email: string }>;
      expect(pending.map((p) => p.email).sort()).toEqual(['collab2@exemple.fr', 'collab3@exemple.fr']);
      // Revoking one frees a place.
      await mayor.delete(`/api/communes/95008/invitations/${pending[0]!.id}`).set('X-CSRF-Token', csrf).expect(204);
      await invite(4).expect(201);
      // Taking it back twice: the second time there is nothing left to take back.
      const again = await mayor.delete(`/api/communes/95008/invitations/${pending[0]!.id}`).set('X-CSRF-Token', csrf).expect(404);
      expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(again.body.title).toBe('Cette invitation n’existe pas ou a déjà servi.');
    });

    it('refuses inviting someone who already holds a seat', async () => {
      const res = await admin
        .post('/api/communes/95446/invitations')
        .set('X-CSRF-Token', adminCsrf)
        .send({ email: 'collab1@exemple.fr', displayName: 'Collab 1', seat: 'mayor' })
        .expect(409);
      expect(res.body.title).toBe('Cette personne occupe déjà une place dans une commune.');
    });

    it('answers 410 once the invitation has expired', async () => {
      await admin.post('/api/admin/invitations').set('X-CSRF-Token', adminCsrf).send({ email: 'auditeur@exemple.fr', displayName: 'Anne Lambert', kind: 'auditor' }).expect(201);
      const token = tokenOf(lastLinkTo(app, 'auditeur@exemple.fr'));
      const clock = app.app.get<SettableClock>(CLOCK);
      clock.set(new Date(Date.now() + 8 * 24 * 3_600_000));
      try {
        const res = await request(app.http).get(`/api/invitations/${token}`).expect(410);
        expect(res.body.title).toBe('Cette invitation a expiré. Demandez-en une nouvelle.');
        await request(app.http).post(`/api/invitations/${token}/accept`).send({ displayName: 'Anne', password: 'un mot de passe long' }).expect(410);
      } finally {
        clock.set(null);
      }
    });
  });

  // Invitations to no commune: Département agents, administrators, auditors and partner members.
  describe('the form of one’s role (« Administrateur » or « Administratrice »)', () => {
    it('is chosen at invitation, changed in « Mon compte », and shown with the person wherever their role is', async () => {
      const admin = request.agent(app.http);
      const adminCsrf = await logIn(admin, ADMIN.email, ADMIN.password);
      await admin.post('/api/admin/invitations').set('X-CSRF-Token', adminCsrf).send({ email: 'auditrice@exemple.fr', displayName: 'Maud Perrin', kind: 'auditor' }).expect(201);
      const token = tokenOf(lastLinkTo(app, 'auditrice@exemple.fr'));
      const refused = await request(app.http).post(`/api/invitations/${token}/accept`).send({ displayName: 'Maud Perrin', password: 'les comptes de la commune', roleForm: 'neutre' }).expect(400);
      expect(refused.body.errors).toEqual([{ field: 'roleForm', message: 'La forme choisie doit être masculine ou feminine.' }]);
      const auditor = request.agent(app.http);
      const accepted = await auditor.post(`/api/invitations/${token}/accept`).send({ displayName: 'Maud Perrin', password: 'les comptes de la commune', roleForm: 'feminine' }).expect(201);
      expect(accepted.body).toMatchObject({ role: 'auditor', roleForm: 'feminine' });

      const csrf = accepted.body.csrfToken as string;
      const changed = await auditor.put('/api/me/role-form').set('X-CSRF-Token', csrf).send({ roleForm: 'masculine' }).expect(200);
      expect(changed.body).toMatchObject({ role: 'auditor', roleForm: 'masculine' });
      expect((await auditor.get('/api/me').expect(200)).body.roleForm).toBe('masculine');
      const bad = await auditor.put('/api/me/role-form').set('X-CSRF-Token', csrf).send({ roleForm: 'feminine', extra: 1 }).expect(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it('is set on the demo accounts as their names suggest', async () => {
      const demo = (await request(app.http).get('/api/dev/demo-accounts').expect(200)).body as Array<{ displayName: string; roleLabel: string }>;
      const label = (name: string) => demo.find((d) => d.displayName === name)?.roleLabel;
      expect(label('Isabelle Moreau')).toBe('Administratrice du Département');
      expect(label('Anne Lambert')).toBe('Auditrice');
      expect(label('Julien Petit')).toBe('Collaborateur de la commune');
      expect(label('Marc Lefèvre')).toBe('Collaborateur de la commune');
    });
  });

  describe('pending invitations of staff and partners', () => {
    let admin: Agent;
    let adminCsrf: string;
    const agentInvite = { email: 'nouvel.agent@valdoise.example', displayName: 'Paul Mercier', kind: 'departement_agent' };
    const partnerInvite = { email: 'Membre.CAUE@exemple.fr', displayName: 'Inès Garcia', kind: 'partner_member', organisationId: 'org-caue-95' };
    const communeInvite = { email: 'collab.ableiges@exemple.fr', displayName: 'Lucie Blanc', seat: 'collaborator' };
    type Row = { id: string; email: string; kind: string };
    const listed = async (): Promise<Row[]> => (await admin.get('/api/admin/invitations').expect(200)).body as Row[];
    const invite = (body: object) => admin.post('/api/admin/invitations').set('X-CSRF-Token', adminCsrf).send(body).expect(201);

    beforeAll(async () => {
      admin = request.agent(app.http);
      adminCsrf = await logIn(admin, ADMIN.email, ADMIN.password);
    });

    it('lists the agent and the partner member an administrator invited, with who invited them, and no commune invitation', async () => {
      await invite(agentInvite);
      await invite(partnerInvite);
      await admin.post('/api/communes/95002/invitations').set('X-CSRF-Token', adminCsrf).send(communeInvite).expect(201);
      const caue = ((await admin.get('/api/admin/organisations').expect(200)).body as Array<{ id: string; name: string }>).find((o) => o.id === 'org-caue-95')!;

      const rows = await listed();
      expect(rows.find((r) => r.email === 'nouvel.agent@valdoise.example')).toEqual({
        id: expect.any(String),
        email: 'nouvel.agent@valdoise.example',
        displayName: 'Paul Mercier',
        kind: 'departement_agent',
        kindLabel: 'Agent du Département',
        organisationId: null,
        organisationName: null,
        departement: '95',
        departementName: 'Val-d’Oise',
        createdAt: expect.any(String),
        expiresAt: expect.any(String),
        invitedBy: 'Compte admin-1',
      });
      expect(rows.find((r) => r.email === 'membre.caue@exemple.fr')).toMatchObject({
        displayName: 'Inès Garcia',
        kind: 'partner_member',
        kindLabel: 'Partenaire',
        organisationId: 'org-caue-95',
        organisationName: caue.name,
        invitedBy: 'Compte admin-1',
      });
      expect(rows.map((r) => r.email)).not.toContain('collab.ableiges@exemple.fr');
      expect(rows.every((r) => ['departement_agent', 'departement_admin', 'auditor', 'partner_member'].includes(r.kind))).toBe(true);
      // The commune invitation is on its commune's list.
      const commune = (await admin.get('/api/communes/95002/invitations').expect(200)).body as Row[];
      expect(commune.map((r) => r.email)).toContain('collab.ableiges@exemple.fr');
    });

    it('refuses the list and the revocation to a Département agent and a mayor, in French', async () => {
      const id = (await listed()).find((r) => r.email === 'nouvel.agent@valdoise.example')!.id;
      for (const persona of [AGENT, MAIRE_ABLEIGES]) {
        const client = await app.login(persona);
        const list = await client.get('/api/admin/invitations').expect(403);
        expect(list.headers['content-type']).toContain('application/problem+json');
        expect(list.body).toMatchObject({ title: 'Action non autorisée', detail: expect.stringMatching(/^Seul un administrateur du Département/) });
        const revoke = await client.delete(`/api/admin/invitations/${id}`).expect(403);
        expect(revoke.headers['content-type']).toContain('application/problem+json');
        expect(revoke.body.detail).toBe('Seul un administrateur du Département peut retirer cette invitation.');
      }
      expect((await listed()).map((r) => r.id)).toContain(id);
    });

    it('revokes an invitation: it leaves the list and its link is refused', async () => {
      const token = tokenOf(lastLinkTo(app, 'membre.caue@exemple.fr'));
      await request(app.http).get(`/api/invitations/${token}`).expect(200);
      const id = (await listed()).find((r) => r.email === 'membre.caue@exemple.fr')!.id;

      await admin.delete(`/api/admin/invitations/${id}`).set('X-CSRF-Token', adminCsrf).expect(204);

      expect((await listed()).map((r) => r.email)).not.toContain('membre.caue@exemple.fr');
      const details = await request(app.http).get(`/api/invitations/${token}`).expect(404);
      expect(details.headers['content-type']).toContain('application/problem+json');
      expect(details.body.title).toBe('Cette invitation n’existe pas ou a déjà servi.');
      const accepted = await request(app.http).post(`/api/invitations/${token}/accept`).send({ displayName: 'Inès Garcia', password: 'la maison du parc naturel' }).expect(404);
      expect(accepted.body.title).toBe('Cette invitation n’existe pas ou a déjà servi.');
      await request(app.http).post('/api/auth/login').send({ email: 'membre.caue@exemple.fr', password: 'la maison du parc naturel' }).expect(401);
      // Twice: nothing left to take back.
      const again = await admin.delete(`/api/admin/invitations/${id}`).set('X-CSRF-Token', adminCsrf).expect(404);
      expect(again.headers['content-type']).toContain('application/problem+json');
      expect(again.body.title).toBe('Cette invitation n’existe pas ou a déjà servi.');
    });

    it('answers 404 for an unknown invitation, an accepted one and a commune’s one, which stays pending', async () => {
      const unknown = await admin.delete('/api/admin/invitations/6f1c2a10-5b3e-4c6d-9a1e-00000000dead').set('X-CSRF-Token', adminCsrf).expect(404);
      expect(unknown.body.title).toBe('Cette invitation n’existe pas ou a déjà servi.');

      const communeId = ((await admin.get('/api/communes/95002/invitations').expect(200)).body as Row[]).find((r) => r.email === 'collab.ableiges@exemple.fr')!.id;
      await admin.delete(`/api/admin/invitations/${communeId}`).set('X-CSRF-Token', adminCsrf).expect(404);
      expect(((await admin.get('/api/communes/95002/invitations').expect(200)).body as Row[]).map((r) => r.id)).toContain(communeId);

      const agentId = (await listed()).find((r) => r.email === 'nouvel.agent@valdoise.example')!.id;
      const token = tokenOf(lastLinkTo(app, 'nouvel.agent@valdoise.example'));
      await request(app.http).post(`/api/invitations/${token}/accept`).send({ displayName: 'Paul Mercier', password: 'le bureau du troisième étage' }).expect(201);
      expect((await listed()).map((r) => r.id)).not.toContain(agentId);
      await admin.delete(`/api/admin/invitations/${agentId}`).set('X-CSRF-Token', adminCsrf).expect(404);
      await request(app.http).post('/api/auth/login').send({ email: agentInvite.email, password: 'le bureau du troisième étage' }).expect(200);
    });
  });

  describe('password reset', () => {
    it('always answers 202, and the link changes the password and ends every other session', async () => {
      await createAccount(app, 'agent-reset', 'oubli@valdoise.example', 'ancien mot de passe', 'departement_agent');
      await request(app.http).post('/api/auth/password-reset').send({ email: 'personne@nulle-part.example' }).expect(202);
      const other = request.agent(app.http);
      await logIn(other, 'oubli@valdoise.example', 'ancien mot de passe');
      await request(app.http).post('/api/auth/password-reset').send({ email: 'OUBLI@valdoise.example' }).expect(202);
      const token = tokenOf(lastLinkTo(app, 'oubli@valdoise.example'));
      await request(app.http).post(`/api/auth/password-reset/${token}`).send({ password: NEW_PASSWORD }).expect(204);
      await other.get('/api/me').expect(401);
      await request(app.http).post('/api/auth/login').send({ email: 'oubli@valdoise.example', password: 'ancien mot de passe' }).expect(401);
      await request(app.http).post('/api/auth/login').send({ email: 'oubli@valdoise.example', password: NEW_PASSWORD }).expect(200);
      await request(app.http).post(`/api/auth/password-reset/${token}`).send({ password: 'encore une fois ici' }).expect(404);
    });
  });

  describe('the agents’ teams on the accounts list', () => {
    it('shows each agent’s teams as the administrator set them, and none for other kinds of account', async () => {
      await createAccount(app, 'agent-teams', 'equipes@valdoise.example', 'le mot de passe de l’agent', 'departement_agent');
      const admin = request.agent(app.http);
      const csrf = await logIn(admin, ADMIN.email, ADMIN.password);
      const row = async (id: string) => ((await admin.get('/api/admin/accounts').expect(200)).body as Array<{ id: string; teams: string[] }>).find((a) => a.id === id)!;
      expect((await row('agent-teams')).teams).toEqual([]);
      await admin.put('/api/admin/accounts/agent-teams/teams').set('X-CSRF-Token', csrf).send({ teams: ['juridique', 'aides'] }).expect(204);
      expect((await row('agent-teams')).teams.sort()).toEqual(['aides', 'juridique']);
    });
  });

  describe('changing one’s password in « Mon compte »', () => {
    it('asks for the current one, keeps this browser logged in under a new session and ends the others', async () => {
      await createAccount(app, 'agent-change', 'change@valdoise.example', 'mon ancien mot de passe', 'departement_agent');
      const laptop = request.agent(app.http);
      const phone = request.agent(app.http);
      const csrf = await logIn(laptop, 'change@valdoise.example', 'mon ancien mot de passe');
      await logIn(phone, 'change@valdoise.example', 'mon ancien mot de passe');

      const changed = await laptop.post('/api/me/password').set('X-CSRF-Token', csrf).send({ currentPassword: 'mon ancien mot de passe', password: NEW_PASSWORD }).expect(200);
      expect(changed.body).toMatchObject({ email: 'change@valdoise.example' });
      expect(changed.body.csrfToken).not.toBe(csrf);
      expect(cookie(changed, 'carnet_session')).toBeDefined();
      await laptop.get('/api/me').expect(200);
      await phone.get('/api/me').expect(401);
      await request(app.http).post('/api/auth/login').send({ email: 'change@valdoise.example', password: 'mon ancien mot de passe' }).expect(401);
      await request(app.http).post('/api/auth/login').send({ email: 'change@valdoise.example', password: NEW_PASSWORD }).expect(200);
    });

    it('refuses a wrong current password or a weak new one as fields to correct, and changes nothing', async () => {
      await createAccount(app, 'agent-change-2', 'change2@valdoise.example', 'mon ancien mot de passe', 'departement_agent');
      const browser = request.agent(app.http);
      const csrf = await logIn(browser, 'change2@valdoise.example', 'mon ancien mot de passe');
      const wrong = await browser.post('/api/me/password').set('X-CSRF-Token', csrf).send({ currentPassword: 'pas le bon du tout', password: NEW_PASSWORD }).expect(400);
      expect(wrong.headers['content-type']).toContain('application/problem+json');
      expect(wrong.body.errors).toEqual([{ field: 'currentPassword', message: 'Ce n’est pas votre mot de passe actuel.' }]);
      const weak = await browser.post('/api/me/password').set('X-CSRF-Token', csrf).send({ currentPassword: 'mon ancien mot de passe', password: 'court' }).expect(400);
      expect(weak.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
      await browser.post('/api/me/password').set('X-CSRF-Token', csrf).send({ password: NEW_PASSWORD }).expect(400);
      await browser.get('/api/me').expect(200);
      await request(app.http).post('/api/auth/login').send({ email: 'change2@valdoise.example', password: 'mon ancien mot de passe' }).expect(200);
    });

    it('counts wrong current passwords like wrong logins: no way around the lock', async () => {
      await createAccount(app, 'agent-change-3', 'change3@valdoise.example', 'mon ancien mot de passe', 'departement_agent');
      const browser = request.agent(app.http);
      const csrf = await logIn(browser, 'change3@valdoise.example', 'mon ancien mot de passe');
      for (let i = 0; i < 5; i++) {
        await browser.post('/api/me/password').set('X-CSRF-Token', csrf).send({ currentPassword: `mauvais ${i} !!!`, password: NEW_PASSWORD }).expect(400);
      }
      const locked = await browser.post('/api/me/password').set('X-CSRF-Token', csrf).send({ currentPassword: 'mon ancien mot de passe', password: NEW_PASSWORD }).expect(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('is refused without a session or without the CSRF token', async () => {
      await request(app.http).post('/api/me/password').send({ currentPassword: 'x', password: NEW_PASSWORD }).expect(401);
      const browser = request.agent(app.http);
      await logIn(browser, ADMIN.email, ADMIN.password);
      await browser.post('/api/me/password').send({ currentPassword: ADMIN.password, password: NEW_PASSWORD }).expect(403);
    });
  });
});

describe('demo accounts in production', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp({ production: true });
    await app.app.get(DemoAccounts).seedIfEmpty();
  });

  afterAll(async () => {
    await app.close();
  });

  it('refuses to log them in with the usual answer, and hides their list', async () => {
    const res = await request(app.http).post('/api/auth/login').send({ email: 'claire.martin@demo.carnet.invalid', password: 'demo-carnet-2026' }).expect(401);
    expect(res.body.title).toBe('Adresse e-mail ou mot de passe incorrect.');
    await request(app.http).get('/api/dev/demo-accounts').expect(404);
  });
});
