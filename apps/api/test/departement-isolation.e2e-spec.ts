import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { EventStore } from '@carnet/event-store';
import { EVENT_STORE } from '../src/infrastructure/tokens.js';
import { appendToProject } from './follow-up-events.js';
import { AGENT, AUDITEUR, startApp, type Client } from './harness.js';

const VERSAILLES = '78646';
const ABLEIGES = '95002';

/**
 * Issue #17, « what will be checked »: an agent of the Val-d'Oise probes the Yvelines' projects
 * through every endpoint, and gets nothing. A Val-d'Oise instance's commands refuse other
 * Départements' communes, but a log may hold them (a national log, `npm run bench:national`; one
 * instance for several Départements next): the Yvelines project is written straight to the log here.
 */
describe('Isolation between Départements', () => {
  let t: Awaited<ReturnType<typeof startApp>>;
  let agent: Client;
  let auditeur: Client;
  const yvelines = randomUUID();
  const valDOise = randomUUID();
  const question = randomUUID();
  let position = 0;

  const create = (projectId: string, codeInsee: string, title: string) =>
    appendToProject(t, projectId, [
      { type: 'ProjectCreated', actorRole: 'commune_mayor', data: { codeInsee, title, description: 'Rénovation de la toiture', theme: 'ecole', estimatedCostHt: 120000 } },
      { type: 'QuestionAsked', actorRole: 'commune_mayor', data: { questionId: projectId === yvelines ? question : randomUUID(), category: 'financement', text: 'Quelles aides pour la toiture ?' } },
      { type: 'InternalNoteAdded', data: { noteId: randomUUID(), text: 'Dossier à relancer', questionId: null } },
      // A plan whose own share is 10 %, under the 20 % minimum: the Département's financing page lists such plans.
      { type: 'FinancingCostSet', actorRole: 'commune_mayor', data: { costHtCents: 300_000_00, costTtcCents: 360_000_00, items: [] } },
      {
        type: 'FundingLineRequested',
        actorRole: 'commune_mayor',
        data: { lineId: randomUUID(), funder: 'etat', scheme: 'detr', label: 'DETR', amountCents: 270_000_00, base: 'HT', requestedOn: '2027-03-01' },
      },
    ]);

  beforeAll(async () => {
    t = await startApp();
    await create(yvelines, VERSAILLES, 'Toiture de l’école Jules-Ferry');
    // The mayor of Versailles took a seat: the commune's stream has a history an auditor must not read.
    const metadata = { actorId: 'test-actor', actorRole: 'departement_admin', correlationId: randomUUID(), causationId: randomUUID(), commandId: randomUUID(), recordedAt: new Date().toISOString() };
    await t.app.get<EventStore>(EVENT_STORE).appendToStream(
      `commune-${VERSAILLES}`,
      [{ id: randomUUID(), type: 'SeatAssigned', schemaVersion: 1, data: { communeInsee: VERSAILLES, userId: randomUUID(), seat: 'mayor', invitationId: null }, metadata }],
      'no_stream',
    );
    position = await create(valDOise, ABLEIGES, 'Toiture de l’école d’Ableiges');
    [agent, auditeur] = await Promise.all([t.login(AGENT), t.login(AUDITEUR)]);
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers 404 to an agent and an auditor of the Val-d’Oise on every read of the Yvelines project', async () => {
    for (const client of [agent, auditeur]) {
      for (const path of [
        `/api/projects/${yvelines}?minPosition=${position}`,
        `/api/projects/${yvelines}/history`,
        `/api/projects/${yvelines}/messages`,
        `/api/projects/${yvelines}/notes`,
        `/api/projects/${yvelines}/financing`,
        `/api/projects/${yvelines}/follow`,
        `/api/projects/${yvelines}/assignees`,
      ]) {
        const res = await client.get(path);
        // 404 as for a project that does not exist; an auditor is refused the assignees of any project (403).
        const expected = client === auditeur && path.endsWith('/assignees') ? 403 : 404;
        expect({ path, status: res.status }).toEqual({ path, status: expected });
        expect(JSON.stringify(res.body)).not.toContain('Jules-Ferry');
      }
      // Their own Département's project, for comparison.
      expect((await client.get(`/api/projects/${valDOise}?minPosition=${position}`)).status).toBe(200);
    }
  });

  it('answers 404 to the Val-d’Oise’s auditor on every replay of it, and refuses a Yvelines commune’s seat history', async () => {
    for (const path of [
      `/api/audit/projects/${yvelines}/history`,
      `/api/audit/projects/${yvelines}/as-of?at=2100-01-01`,
      `/api/audit/projects/${yvelines}/compare?from=2000-01-01&to=2100-01-01`,
      `/api/audit/projects/${yvelines}/export.json`,
      `/api/audit/projects/${yvelines}/financing/as-of?at=2100-01-01`,
    ]) {
      const res = await auditeur.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    expect((await auditeur.get(`/api/audit/projects/${valDOise}/history`)).status).toBe(200);
    // A commune of another Département is not one of this instance's (404), though its stream has a seat.
    const seats = await auditeur.get(`/api/audit/communes/${VERSAILLES}/history`);
    expect(seats.status).toBe(404);
    expect(seats.body).toMatchObject({ type: expect.stringContaining('commune_not_found') });
    expect(seats.body.entries).toBeUndefined();
    // Its own communes' seat histories are there.
    expect((await auditeur.get(`/api/audit/communes/${ABLEIGES}/history`)).body.entries.length).toBeGreaterThan(0);
  });

  it('lists, searches, maps, queues and notifies nothing of it, even when asked for its commune', async () => {
    for (const client of [agent, auditeur]) {
      const paths = [
        `/api/projects?minPosition=${position}&limit=100`,
        `/api/projects?commune=${VERSAILLES}&minPosition=${position}`,
        `/api/search?q=toiture&minPosition=${position}`,
        `/api/search?q=toiture&commune=${VERSAILLES}&minPosition=${position}`,
        `/api/map/projects?minPosition=${position}`,
        `/api/map/projects?commune=${VERSAILLES}&minPosition=${position}`,
        `/api/questions/waiting?minPosition=${position}`,
        '/api/notifications',
        '/api/projects/export.csv',
        '/api/dashboards/departement/financing',
        '/api/dashboards/departement',
      ];
      const lists = [];
      for (const path of paths) lists.push(await client.get(path));
      for (const [i, res] of lists.entries()) {
        // The waiting queue is the agents' work list: an auditor is refused it whatever it holds (403).
        const expected = client === auditeur && paths[i].startsWith('/api/questions/waiting') ? 403 : 200;
        expect({ path: paths[i], status: res.status }).toEqual({ path: paths[i], status: expected });
        const text = res.text ?? JSON.stringify(res.body);
        expect(text).not.toContain(yvelines);
        expect(text).not.toContain('Jules-Ferry');
      }
      // The Val-d'Oise project is there: the lists did answer.
      expect(JSON.stringify(lists[0].body)).toContain(valDOise);
      expect(JSON.stringify(lists[2].body)).toContain(valDOise);
      expect(JSON.stringify(lists[paths.indexOf('/api/dashboards/departement/financing')].body)).toContain(valDOise);
    }
  });

  it('refuses an agent’s commands on it as if it did not exist', async () => {
    const step = await agent.post(`/api/projects/${yvelines}/step`).send({ step: 'etudes', progress: 10 });
    expect(step.status).toBe(404);
    const answer = await agent.post(`/api/projects/${yvelines}/questions/${question}/answers`).send({ text: 'La DETR' });
    expect(answer.status).toBe(404);
    const note = await agent.post(`/api/projects/${yvelines}/notes`).send({ text: 'Vu' });
    expect(note.status).toBe(404);
    const history = await t.app.get<EventStore>(EVENT_STORE).readStream(`project-${yvelines}`);
    expect(history.map((e) => e.type)).toEqual(['ProjectCreated', 'QuestionAsked', 'InternalNoteAdded', 'FinancingCostSet', 'FundingLineRequested']);
  });
});
