import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { AccountStore } from '@carnet/account-store';
import { randomUUID } from 'node:crypto';
import type { EventStore } from '@carnet/event-store';
import { StartingRuleSetSeeder } from '../src/financing/commands/publish-rule-set/starting-rule-set.seeder.js';
import { ACCOUNT_STORE, EVENT_STORE } from '../src/infrastructure/tokens.js';
import { ReadModels } from '../src/shared/read-models.js';
import { AGENT, AUDITEUR, startApp, type Client } from './harness.js';

const AGENT_78 = 'persona-agent-78';
const ADMIN_78 = 'persona-admin-78';
const ADMIN_95 = 'persona-admin';
const MAIRE_AULNAY = 'persona-maire-78033';

interface Summary {
  id: string;
  codeInsee: string;
  title: string;
}

/**
 * Issue #17: one instance serves the Val-d'Oise and the Yvelines (DEPARTEMENTS=95,78). Each
 * Département's people work with its communes only; the public sees both, or one at a time.
 */
describe('Several Départements on one instance (DEPARTEMENTS=95,78)', () => {
  let t: Awaited<ReturnType<typeof startApp>>;
  let agent95: Client;
  let agent78: Client;
  let admin95: Client;
  let admin78: Client;
  let auditor95: Client;
  let maireAulnay: Client;
  let yvelinesProjects: Summary[];
  let valDOiseProjects: Summary[];

  beforeAll(async () => {
    t = await startApp({ departements: ['95', '78'], departement: '95' });
    [agent95, agent78, admin95, admin78, auditor95, maireAulnay] = await Promise.all(
      [AGENT, AGENT_78, ADMIN_95, ADMIN_78, AUDITEUR, MAIRE_AULNAY].map((id) => t.login(id)),
    );
    yvelinesProjects = (await agent78.get('/api/projects?limit=100').expect(200)).body.items;
    valDOiseProjects = (await agent95.get('/api/projects?limit=100').expect(200)).body.items;
  });

  afterAll(async () => {
    await t.close();
  });

  it('says who works for which Département, in French', async () => {
    expect((await agent78.get('/api/me').expect(200)).body).toMatchObject({ departement: '78', departementName: 'Yvelines', ofDepartement: 'des Yvelines' });
    expect((await agent95.get('/api/me').expect(200)).body).toMatchObject({ departement: '95', departementName: 'Val-d’Oise', ofDepartement: 'du Val-d’Oise' });
    // A mayor's Département is their commune's.
    expect((await maireAulnay.get('/api/me').expect(200)).body).toMatchObject({ communeInsee: '78033', departement: '78' });
    // The login page's demo people say whose staff they are.
    const demo = (await request(t.http).get('/api/dev/demo-accounts').expect(200)).body as Array<{ displayName: string; roleLabel: string }>;
    expect(demo.find((d) => d.displayName === 'Camille Laurent')?.roleLabel).toBe('Agent du Département des Yvelines');
    expect(demo.find((d) => d.displayName === 'Sophie Bernard')?.roleLabel).toBe('Agent du Département du Val-d’Oise');
  });

  it('lists each agent the projects of their own Département only', () => {
    expect(yvelinesProjects.map((p) => p.title).sort()).toEqual(['Agrandissement de la cantine scolaire', 'Mise en accessibilité de la mairie']);
    expect(yvelinesProjects.every((p) => p.codeInsee.startsWith('78'))).toBe(true);
    expect(valDOiseProjects.length).toBeGreaterThan(5);
    expect(valDOiseProjects.every((p) => p.codeInsee.startsWith('95'))).toBe(true);
  });

  it('answers 404 to the other Département’s staff on a project, its commune and its assignees, 200 to its own', async () => {
    const cantine = yvelinesProjects.find((p) => p.title.startsWith('Agrandissement'))!;
    for (const client of [agent95, admin95, auditor95]) {
      expect((await client.get(`/api/projects/${cantine.id}`)).status).toBe(404);
      expect((await client.get('/api/communes/78033/members')).status).toBe(404);
      expect((await client.get('/api/dashboards/commune/78033')).status).toBe(404);
    }
    expect((await agent95.get(`/api/projects/${cantine.id}/assignees`)).status).toBe(404);
    expect((await agent78.get(`/api/projects/${cantine.id}`)).status).toBe(200);
    expect((await agent78.get('/api/communes/78033/members')).status).toBe(200);
    expect((await agent78.get(`/api/projects/${valDOiseProjects[0]!.id}`)).status).toBe(404);
    // Whom a Yvelines question may be given to: the Yvelines' people, never the Val-d'Oise's.
    const names = ((await agent78.get(`/api/projects/${cantine.id}/assignees`).expect(200)).body as Array<{ name: string }>).map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['Camille Laurent', 'Olivier Chevalier']));
    expect(names).not.toContain('Sophie Bernard');
  });

  it('puts the Yvelines question in the Yvelines agent’s queue, not in the Val-d’Oise’s', async () => {
    const texts = (body: { unassigned: Array<{ text: string }>; assignedToMe: Array<{ text: string }> }) => [...body.unassigned, ...body.assignedToMe].map((q) => q.text);
    expect(texts((await agent78.get('/api/questions/waiting').expect(200)).body)).toContain('Faut-il un permis de construire pour une extension de 60 m² accolée à l’école ?');
    expect(texts((await agent95.get('/api/questions/waiting').expect(200)).body).join(' ')).not.toContain('permis de construire pour une extension');
  });

  it('shows each agent their Département’s communes, map, dashboard and similar grants', async () => {
    const communes = (await agent78.get('/api/communes').expect(200)).body as Array<{ codeInsee: string }>;
    expect(communes.length).toBeGreaterThan(250);
    expect(communes.every((c) => c.codeInsee.startsWith('78'))).toBe(true);
    const map = (await agent78.get('/api/map/projects').expect(200)).body as { features: Array<{ properties: { commune: string } }> };
    expect(map.features.map((f) => f.properties.commune)).toEqual(['78033', '78033']);
    const dashboard = JSON.stringify((await agent78.get('/api/dashboards/departement').expect(200)).body);
    expect(dashboard).toContain('Aulnay-sur-Mauldre');
    expect(dashboard).not.toContain('Ableiges');
    const grants = (await agent78.get('/api/financing/similar?category=eclairage_public').expect(200)).body as { departement: string; departementName: string; grants: Array<{ codeInsee: string }> };
    expect(grants).toMatchObject({ departement: '78', departementName: 'Yvelines' });
    expect(grants.grants.length).toBeGreaterThan(0);
    expect(grants.grants.every((g) => g.codeInsee.startsWith('78'))).toBe(true);
    // An estimate for another Département's commune, or for a code that names none: 422 on the field (the fuzzer once got an undeclared 404).
    const estimate = { category: 'eclairage_public', costHtCents: 100_000_00, costTtcCents: 120_000_00 };
    for (const codeInsee of ['78033', '00000']) {
      const refused = await agent95.post('/api/financing/simulate').send({ ...estimate, codeInsee }).expect(422);
      expect(refused.body.errors[0]).toMatchObject({ field: 'codeInsee', message: 'Cette commune n’est pas une commune du département.' });
    }
    // The Yvelines' own commune is estimated with the Yvelines' starting rules: the national ones and the State's
    // schemes, published by the platform in the background after start-up, « à valider par le Département ».
    await t.app.get(ReadModels).current(await t.app.get(StartingRuleSetSeeder).othersSeeded());
    const ours78 = await agent78.post('/api/financing/simulate').send({ ...estimate, codeInsee: '78033' }).expect(200);
    expect(ours78.body.outputs.ruleSet).toMatchObject({ id: '78', version: 1, title: 'Règles de départ des Yvelines (à valider par le Département)' });
    expect((ours78.body.outputs.schemes as Array<{ scheme: string }>).map((s) => s.scheme)).toEqual(['detr', 'dsil', 'fonds_vert']);
    const valDOiseRules = await agent95.post('/api/financing/simulate').send({ ...estimate, codeInsee: '95002' }).expect(200);
    expect(valDOiseRules.body.outputs.ruleSet).toMatchObject({ id: '95', title: 'Règles de départ du Val-d’Oise (à valider par le Département)' });
    const ours = (await agent95.get('/api/financing/similar?category=eclairage_public').expect(200)).body as { grants: Array<{ codeInsee: string }> };
    expect(ours.grants.every((g) => g.codeInsee.startsWith('95'))).toBe(true);
  });

  it('serves the outlines of each Département’s communes, and no other’s', async () => {
    const yvelines = await request(t.http).get('/api/map/communes.geojson?departement=78').expect(200);
    const features = (JSON.parse(yvelines.text || Buffer.from(yvelines.body).toString('utf8')) as { features: Array<{ properties: { code: string } }> }).features;
    expect(features.length).toBeGreaterThan(250);
    expect(features.every((f) => f.properties.code.startsWith('78'))).toBe(true);
    expect((await request(t.http).get('/api/map/communes.geojson?departement=60')).status).toBe(404);
    const bad = await request(t.http).get('/api/map/communes.geojson?departement=..%2F..%2Fetc').expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('keeps administrators to their Département’s accounts, communes and invitations', async () => {
    const accounts78 = ((await admin78.get('/api/admin/accounts').expect(200)).body as Array<{ id: string }>).map((a) => a.id);
    expect(accounts78).toEqual(expect.arrayContaining([AGENT_78, ADMIN_78]));
    expect(accounts78).not.toContain(AGENT);
    const communeAccounts78 = ((await admin78.get('/api/admin/accounts?kind=commune').expect(200)).body as Array<{ id: string }>).map((a) => a.id);
    expect(communeAccounts78).toEqual([MAIRE_AULNAY]);
    const accounts95 = ((await admin95.get('/api/admin/accounts').expect(200)).body as Array<{ id: string }>).map((a) => a.id);
    expect(accounts95).toContain(AGENT);
    expect(accounts95).not.toContain(AGENT_78);
    const communes78 = (await admin78.get('/api/admin/communes').expect(200)).body as Array<{ codeInsee: string }>;
    expect(communes78.every((c) => c.codeInsee.startsWith('78'))).toBe(true);

    // Another Département's account is not theirs to disable, nor its commune theirs to invite to.
    expect((await admin95.post(`/api/admin/accounts/${AGENT_78}/disable`)).status).toBe(404);
    expect((await admin95.post('/api/communes/78033/invitations').send({ email: 'adjoint@aulnay.example', displayName: 'Paul Adjoint', seat: 'collaborator' })).status).toBe(404);
    expect((await admin78.post('/api/communes/78033/invitations').send({ email: 'adjoint@aulnay.example', displayName: 'Paul Adjoint', seat: 'collaborator' })).status).toBe(201);

    // An agent invited by the Yvelines' administrator works for the Yvelines.
    await admin78.post('/api/admin/invitations').send({ email: 'nouvelle.agente@yvelines.example', displayName: 'Léa Nouvelle', kind: 'departement_agent' }).expect(201);
    const pending = await t.app.get<AccountStore>(ACCOUNT_STORE).listPendingInvitations({ communeInsee: null }, new Date().toISOString());
    expect(pending.find((i) => i.email === 'nouvelle.agente@yvelines.example')?.departement).toBe('78');
    const listed = (client: Client) => client.get('/api/admin/invitations').expect(200).then((r) => (r.body as Array<{ email: string }>).map((i) => i.email));
    expect(await listed(admin78)).toContain('nouvelle.agente@yvelines.example');
    expect(await listed(admin95)).not.toContain('nouvelle.agente@yvelines.example');
  });

  it('keeps each Département’s FAQ to its own people, and shows the public both, or one', async () => {
    const entry = { question: 'Faut-il un permis pour une extension d’école ?', answer: 'Au-delà de 40 m², oui : déposez un permis de construire.', category: 'juridique', keywords: ['permis'], team: 'juridique', audience: 'public' };
    const drafted = await agent78.post('/api/faq/entries').send(entry).expect(201);
    const id = drafted.body.id as string;
    const at = `minPosition=${drafted.body.position}`;
    // A draft of the Yvelines: the Val-d'Oise's staff do not know of it, nor can they publish it.
    expect((await agent78.get(`/api/faq/entries/${id}?${at}`)).status).toBe(200);
    expect((await agent95.get(`/api/faq/entries/${id}?${at}`)).status).toBe(404);
    expect((await auditor95.get(`/api/faq/entries/${id}?${at}`)).status).toBe(404);
    expect((await agent95.post(`/api/faq/entries/${id}/publication`).set('If-Match', '"1"')).status).toBe(404);
    const drafts = async (client: Client) => ((await client.get(`/api/faq/entries?status=draft&${at}`).expect(200)).body.items as Array<{ id: string }>).map((e) => e.id);
    expect(await drafts(agent78)).toContain(id);
    expect(await drafts(agent95)).not.toContain(id);

    const published = await agent78.post(`/api/faq/entries/${id}/publication`).set('If-Match', '"1"').expect(200);
    const after = `minPosition=${published.body.position}`;
    const listed = async (client: Client) => ((await client.get(`/api/faq/entries?${after}`).expect(200)).body.items as Array<{ id: string }>).map((e) => e.id);
    expect(await listed(maireAulnay)).toContain(id);
    expect(await listed(agent95)).not.toContain(id);
    const valDOiseMayor = await t.login('persona-maire-95002');
    expect(await listed(valDOiseMayor)).not.toContain(id);
    expect((await valDOiseMayor.get(`/api/faq/entries/${id}?${after}`)).status).toBe(404);
    // The Val-d'Oise's own FAQ is still there for its people, and not for the Yvelines'.
    const ours = await listed(valDOiseMayor);
    expect(ours.length).toBeGreaterThan(0);
    expect((await listed(maireAulnay)).some((e) => ours.includes(e))).toBe(false);

    const publicFaq = async (query: string) => ((await request(t.http).get(`/api/public/v1/faq${query}`).expect(200)).body.items as Array<{ id: string; departement: string }>);
    expect((await publicFaq('?departement=78')).map((e) => e.id)).toEqual([id]);
    expect((await publicFaq('?departement=95')).every((e) => e.departement === '95')).toBe(true);
    expect((await publicFaq('?departement=95')).map((e) => e.id)).not.toContain(id);
    expect((await publicFaq('')).map((e) => e.id)).toContain(id);
    expect((await request(t.http).get('/api/public/v1/faq?departement=99')).status).toBe(400);
  });

  it('keeps each Département’s contacts directory to itself', async () => {
    const contact = { name: 'Julie Moreau', jobTitle: 'Chargée des routes', organisation: 'Département des Yvelines', email: 'julie.moreau@yvelines.example', phone: null, themes: ['voirie'], communes: ['78033'], accountId: null };
    const created = (await admin78.post('/api/contacts').send(contact).expect(201)).body as { id: string };
    const names = async (client: Client) => ((await client.get('/api/contacts').expect(200)).body as Array<{ name: string }>).map((c) => c.name);
    expect(await names(agent78)).toEqual(['Julie Moreau']);
    expect(await names(maireAulnay)).toEqual(['Julie Moreau']);
    const valDOise = await names(agent95);
    expect(valDOise).not.toContain('Julie Moreau');
    expect(valDOise.length).toBeGreaterThan(3);
    expect((await admin95.patch(`/api/contacts/${created.id}`).send(contact)).status).toBe(404);
    expect((await admin95.post(`/api/contacts/${created.id}/archive`).send({ archived: true })).status).toBe(404);
    // A contact covers its own Département's communes.
    const wrong = await admin78.post('/api/contacts').send({ ...contact, communes: ['95002'] }).expect(400);
    expect(wrong.body.errors[0].field).toBe('communes');
  });

  it('keeps each Département’s partner organisations to itself', async () => {
    const created = await admin78.post('/api/admin/organisations').send({ name: 'CAUE des Yvelines', kind: 'caue' }).expect(201);
    const at = `minPosition=${created.body.position}`;
    const orgs = async (client: Client) => ((await client.get(`/api/admin/organisations?${at}`).expect(200)).body as Array<{ id: string; name: string }>);
    const yvelines = await orgs(admin78);
    expect(yvelines.map((o) => o.name)).toEqual(['CAUE des Yvelines']);
    expect((await orgs(admin95)).map((o) => o.name)).toEqual(['CAUE du Val-d’Oise']);
    // The Val-d'Oise cannot invite a member of it, nor involve it in one of its projects; the Yvelines can.
    const caue78 = yvelines[0]!.id;
    expect((await admin95.post('/api/admin/invitations').send({ email: 'membre@caue78.example', displayName: 'Membre', kind: 'partner_member', organisationId: caue78 })).status).toBe(422);
    await admin78.post('/api/admin/invitations').send({ email: 'membre@caue78.example', displayName: 'Membre', kind: 'partner_member', organisationId: caue78 }).expect(201);
    const ableiges = valDOiseProjects[0]!;
    const version = (await agent95.get(`/api/projects/${ableiges.id}`).expect(200)).body.version as number;
    const refused = await agent95.post(`/api/projects/${ableiges.id}/partners`).set('If-Match', `"${version}"`).send({ organisationId: caue78 });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].field).toBe('organisationId');
  });

  it('reads a FAQ entry written before entries named a Département as the home Département’s (no migration)', async () => {
    const entryId = randomUUID();
    const metadata = { actorId: AGENT, actorRole: 'departement_agent', correlationId: randomUUID(), causationId: randomUUID(), commandId: randomUUID(), recordedAt: new Date().toISOString() };
    const content = { question: 'Une question d’avant les départements ?', answer: 'Une réponse d’avant.', category: 'autre', keywords: [], team: 'accompagnement', audience: 'public' };
    const { position } = await t.app.get<EventStore>(EVENT_STORE).appendToStream(
      `faq-${entryId}`,
      [
        // As drafted by an earlier version: no `departement` in the event.
        { id: randomUUID(), type: 'FaqEntryDrafted', schemaVersion: 1, data: { entryId, ...content, sourceQuestions: [] }, metadata },
        { id: randomUUID(), type: 'FaqEntryPublished', schemaVersion: 1, data: { entryId }, metadata },
      ],
      'no_stream',
    );
    const at = `minPosition=${position}`;
    const listed = async (client: Client) => ((await client.get(`/api/faq/entries?${at}`).expect(200)).body.items as Array<{ id: string }>).map((e) => e.id);
    expect(await listed(agent95)).toContain(entryId);
    expect(await listed(agent78)).not.toContain(entryId);
    expect((await agent78.get(`/api/faq/entries/${entryId}?${at}`)).status).toBe(404);
    const publicFaq = (await request(t.http).get('/api/public/v1/faq?departement=95').expect(200)).body.items as Array<{ id: string; departement: string }>;
    expect(publicFaq.find((e) => e.id === entryId)?.departement).toBe('95');
    expect(((await request(t.http).get('/api/public/v1/faq?departement=78').expect(200)).body.items as Array<{ id: string }>).map((e) => e.id)).not.toContain(entryId);
  });

  it('refuses an agent a FAQ draft from another Département’s question', async () => {
    const cantine = yvelinesProjects.find((p) => p.title.startsWith('Agrandissement'))!;
    const project = (await agent78.get(`/api/projects/${cantine.id}`).expect(200)).body as { questions: Array<{ id: string }> };
    const res = await agent95.post('/api/faq/entries/from-question').send({ projectId: cantine.id, questionId: project.questions[0]!.id });
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('permis');
  });

  it('publishes each Département’s projects nationally and on its own page', async () => {
    const titles = async (query: string) =>
      ((await request(t.http).get(`/api/public/v1/projects${query}`).expect(200)).body as { items: Array<{ title: string; codeInsee: string }> }).items;
    const all = await titles('?limit=100');
    const yvelines = await titles('?departement=78&limit=100');
    const valDOise = await titles('?departement=95&limit=100');
    expect(yvelines.map((p) => p.title)).toEqual(['Une mairie accessible à tous']);
    expect(valDOise.length).toBeGreaterThan(0);
    expect(valDOise.every((p) => p.codeInsee.startsWith('95'))).toBe(true);
    expect(all.length).toBe(yvelines.length + valDOise.length);

    const national = (await request(t.http).get('/projets-publics').expect(200)).text;
    expect(national).toContain('Projets des communes du Val-d’Oise et des Yvelines');
    expect(national).toContain('href="/projets-publics/departements/78"');
    const page78 = (await request(t.http).get('/projets-publics/departements/78').expect(200)).text;
    expect(page78).toContain('<h1>Projets des communes des Yvelines</h1>');
    expect(page78).toContain('Une mairie accessible à tous');
    expect(page78).not.toContain(valDOise[0]!.title);
    const page95 = (await request(t.http).get('/projets-publics/departements/95').expect(200)).text;
    expect(page95).not.toContain('Une mairie accessible à tous');
    expect((await request(t.http).get('/projets-publics/departements/60')).status).toBe(404);
    // The national map draws the Départements served, each with its count and a link to its own map.
    const nationalMap = (await request(t.http).get('/projets-publics/carte').expect(200)).text;
    expect(nationalMap).toContain('Carte des projets publiés du Val-d’Oise et des Yvelines, par département');
    expect(nationalMap).toContain('data-outlines="/api/map/departements.geojson"');
    expect(nationalMap).toMatch(/<a href="\/projets-publics\/carte\?departement=78">Yvelines \(78\)<\/a><\/td><td class="num">1<\/td>/);
    expect(nationalMap).toMatch(new RegExp(`<a href="/projets-publics/carte\\?departement=95">Val-d’Oise \\(95\\)</a></td><td class="num">${valDOise.length}</td>`));
    expect(nationalMap).toContain('Une mairie accessible à tous');
    // Its static picture: one outline per Département, titled with its count.
    expect(nationalMap.match(/<path d="/g)?.length).toBe(2);
    expect(nationalMap).toContain('<title>Yvelines : 1 projet publié</title>');
    const outlines = JSON.parse((await request(t.http).get('/api/map/departements.geojson').expect(200)).text) as { features: Array<{ properties: { code: string } }> };
    expect(outlines.features.map((f) => f.properties.code)).toEqual(['95', '78']);
    // A commune asked for draws its own Département's map.
    const byCommune = (await request(t.http).get('/projets-publics/carte?commune=78033').expect(200)).text;
    expect(byCommune).toContain('/api/map/communes.geojson?departement=78');
    const map78 = (await request(t.http).get('/projets-publics/carte?departement=78').expect(200)).text;
    expect(map78).toContain('<a href="/projets-publics/carte">Carte de tous les départements</a>');
    // Its interactive map asks for the Yvelines' projects only, and the page is its own canonical address.
    expect(map78).toContain('data-projects="/api/public/v1/exports/projects.geojson?departement=78"');
    expect(map78).toMatch(/<link rel="canonical" href="https?:\/\/[^"/]+\/projets-publics\/carte\?departement=78">/);
    // The filters chosen stay when going from the national map to a Département's, and back.
    const filtered = (await request(t.http).get('/projets-publics/carte?annee=2026').expect(200)).text;
    expect(filtered).toContain('href="/projets-publics/carte?departement=78&amp;annee=2026">Yvelines (78)</a>');
    const filtered78 = (await request(t.http).get('/projets-publics/carte?departement=78&annee=2026').expect(200)).text;
    expect(filtered78).toContain('<a href="/projets-publics/carte?annee=2026">Carte de tous les départements</a>');
    expect(map78).toContain('Carte des communes des Yvelines et des projets publiés');
    expect(map78).toContain('/api/map/communes.geojson?departement=78');
    // The change feed, for a mirror of one Département.
    const feed = async (query: string) => ((await request(t.http).get(`/api/public/v1/changes?limit=500${query}`).expect(200)).body.items as Array<{ projectId: string }>).map((c) => c.projectId);
    const mairie = yvelines.length ? (await request(t.http).get('/api/public/v1/projects?departement=78').expect(200)).body.items[0].id : '';
    expect(await feed('&departement=78')).toEqual([mairie]);
    expect(await feed('&departement=95')).not.toContain(mairie);
    expect((await feed('&departement=95')).length).toBeGreaterThan(0);
    expect(await feed('')).toContain(mairie);
    expect((await request(t.http).get('/api/public/v1/changes?departement=99')).status).toBe(400);
    const sitemap = (await request(t.http).get('/sitemap.xml').expect(200)).text;
    expect(sitemap).toContain('/projets-publics/departements/78</loc>');
  });

  describe('the national administrator', () => {
    let national: Client;
    beforeAll(async () => {
      national = await t.login('persona-admin-national');
    });

    it('sees each Département served and where it stands, and nothing of their files', async () => {
      expect((await national.get('/api/me').expect(200)).body).toMatchObject({ role: 'national_admin', departement: null });
      const overview = (await national.get('/api/admin/departements').expect(200)).body as Array<Record<string, unknown>>;
      expect(overview.map((d) => d['code'])).toEqual(['95', '78']);
      expect(overview[0]).toMatchObject({ name: 'Val-d’Oise', ofDepartement: 'du Val-d’Oise', communes: 183, eligibleCommunes: 126, eligibilityThreshold: 5000, administrators: 1, agents: 2, auditors: 1, partners: 1 });
      expect(overview[1]).toMatchObject({ name: 'Yvelines', ofDepartement: 'des Yvelines', administrators: 1, agents: 1, auditors: 1, partners: 0, projects: 2, publishedProjects: 1 });
      expect(overview[0]!['projects']).toBe(valDOiseProjects.length);
      // Counts, never a file: no project, no dashboard, no commune's members.
      expect((await national.get(`/api/projects/${valDOiseProjects[0]!.id}`)).status).toBe(404);
      expect((await national.get('/api/projects').expect(200)).body.items).toEqual([]);
      expect((await national.get('/api/dashboards/departement')).status).toBe(403);
      expect((await national.get('/api/communes/78033/members')).status).toBe(403);
      expect((await national.get('/api/admin/accounts?kind=commune')).status).toBe(403);
      // Nobody else reads it.
      for (const client of [admin95, admin78, agent95]) expect((await client.get('/api/admin/departements')).status).toBe(403);
    });

    it('invites a Département’s administrator for the Département it names, and lists every Département’s staff', async () => {
      const invite = (client: Client, body: Record<string, unknown>) => client.post('/api/admin/invitations').send({ email: 'admin2@yvelines.example', displayName: 'Inès Roy', kind: 'departement_admin', ...body });
      const missing = await invite(national, {}).expect(400);
      expect(missing.body.errors[0]).toMatchObject({ field: 'departement', message: 'Choisissez le département pour lequel cette personne travaillera.' });
      expect((await invite(national, { departement: '60' }).expect(400)).body.errors[0].field).toBe('departement');
      expect((await invite(admin95, { departement: '78' }).expect(400)).body.errors[0].message).toBe('Vous invitez des personnes pour votre département seulement.');
      await invite(national, { departement: '78' }).expect(201);
      const emails = (client: Client) => client.get('/api/admin/invitations').expect(200).then((r) => r.body as Array<{ email: string; departement: string; departementName: string }>);
      expect((await emails(national)).find((i) => i.email === 'admin2@yvelines.example')).toMatchObject({ departement: '78', departementName: 'Yvelines' });
      expect((await emails(admin78)).map((i) => i.email)).toContain('admin2@yvelines.example');
      expect((await emails(admin95)).map((i) => i.email)).not.toContain('admin2@yvelines.example');

      const accounts = (await national.get('/api/admin/accounts').expect(200)).body as Array<{ id: string; kind: string; departement: string }>;
      expect(accounts.find((a) => a.id === AGENT)).toMatchObject({ departement: '95' });
      expect(accounts.find((a) => a.id === AGENT_78)).toMatchObject({ departement: '78' });
      expect(accounts.some((a) => a.kind === 'commune')).toBe(false);
      // Département administrators do not list the national administrators.
      expect(((await admin95.get('/api/admin/accounts').expect(200)).body as Array<{ id: string }>).map((a) => a.id)).not.toContain('persona-admin-national');
      expect((await admin95.post('/api/admin/accounts/persona-admin-national/disable')).status).toBe(404);
    });

    it('disables a Département’s staff account, not a commune member’s', async () => {
      expect((await national.post(`/api/admin/accounts/${MAIRE_AULNAY}/disable`)).status).toBe(404);
      await national.post('/api/admin/accounts/persona-auditeur-78/disable').expect(204);
      const row = ((await admin78.get('/api/admin/accounts').expect(200)).body as Array<{ id: string; status: string }>).find((a) => a.id === 'persona-auditeur-78');
      expect(row?.status).toBe('disabled');
    });
  });
});
