import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventStore, NewEvent } from '@carnet/event-store';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CLOCK, EVENT_STORE } from '../src/infrastructure/tokens.js';
import type { SettableClock } from '../src/infrastructure/settable-clock.js';
import { AGENT, AUDITEUR, MAIRE_ABLEIGES, startApp, type Client } from './harness.js';
import { appendToProject } from './follow-up-events.js';

/**
 * Dashboards over known events. The demo data lies in the real past; the clock is set to June 2031
 * so that the last twelve months hold only the events written here, in two communes without demo
 * projects (Aincourt 95008, Ambleville 95011). Département totals are compared with the figures
 * read before those events (the demo's part).
 */
const NOW = '2031-06-15T12:00:00.000Z';
const AINCOURT = '95008';
const AMBLEVILLE = '95011';

describe('Dashboards', () => {
  let t: Awaited<ReturnType<typeof startApp>>;
  let agent: Client;
  let auditeur: Client;
  let maire: Client;
  let baseline: any;
  let position = 0;

  async function createProject(codeInsee: string, theme: string, at: string, steps: Array<[string, string, string]> = []): Promise<string> {
    const projectId = randomUUID();
    const store = t.app.get<EventStore>(EVENT_STORE);
    const created: NewEvent = {
      id: randomUUID(),
      type: 'ProjectCreated',
      schemaVersion: 1,
      data: { projectId, codeInsee, title: `Projet ${theme} ${codeInsee}`, description: '', theme, estimatedCostHt: null },
      metadata: { actorId: 'test', actorRole: 'departement_agent', correlationId: 'c', causationId: 'c', commandId: randomUUID(), recordedAt: at },
    };
    position = Math.max(position, (await store.appendToStream(`project-${projectId}`, [created], 'no_stream')).position);
    if (steps.length) {
      position = Math.max(position, await appendToProject(t, projectId, steps.map(([from, to, stepAt]) => ({ type: 'StepAdvanced', at: stepAt, data: { from, to, progress: 10, comment: null } }))));
    }
    return projectId;
  }

  const question = (questionId: string, at: string, v2 = false) => ({
    type: 'QuestionAsked',
    at,
    schemaVersion: v2 ? 2 : 1,
    actorRole: 'commune_mayor',
    data: v2 ? { questionId, category: 'financement', text: `Question ${questionId}`, team: 'aides', documentIds: [] } : { questionId, category: 'technique', text: `Question ${questionId}` },
  });
  const answer = (questionId: string, at: string, v2 = false) => ({
    type: 'QuestionAnswered',
    at,
    schemaVersion: v2 ? 2 : 1,
    data: { questionId, answerId: randomUUID(), text: 'Réponse', ...(v2 ? { documentIds: [], contactId: null } : {}) },
  });
  const event = (type: string, questionId: string, at: string, extra: Record<string, unknown> = {}) => ({ type, at, data: { questionId, ...extra } });

  beforeAll(async () => {
    t = await startApp();
    t.app.get<SettableClock>(CLOCK).set(new Date(NOW));
    [agent, auditeur, maire] = await Promise.all([AGENT, AUDITEUR, MAIRE_ABLEIGES].map((p) => t.login(p)));
    baseline = (await agent.get('/api/dashboards/departement')).body;

    const p1 = await createProject(AINCOURT, 'ecole', '2031-01-10T09:00:00.000Z', [
      ['idee', 'etudes', '2031-03-05T09:00:00.000Z'],
      ['etudes', 'financement', '2031-05-20T09:00:00.000Z'],
    ]);
    const p2 = await createProject(AINCOURT, 'voirie', '2031-04-01T09:00:00.000Z');
    const p3 = await createProject(AMBLEVILLE, 'ecole', '2030-12-01T09:00:00.000Z', [['idee', 'travaux', '2031-02-10T09:00:00.000Z']]);
    const assignee = { accountId: 'agent-1', kind: 'agent', organisationId: null };
    position = Math.max(
      position,
      await appendToProject(t, p1, [
        question('q1', '2031-06-14T12:00:00.000Z'), // 1 day old
        question('q2', '2031-06-11T12:00:00.000Z', true), // 4 days, taken in charge
        event('QuestionAssigned', 'q2', '2031-06-11T13:00:00.000Z', { assignee }),
        event('QuestionTakenInCharge', 'q2', '2031-06-12T12:00:00.000Z', { assignee }),
        question('q6', '2031-05-10T00:00:00.000Z'), // first answered after 6 days, reopened, answered again
        answer('q6', '2031-05-16T00:00:00.000Z'),
        event('QuestionReopened', 'q6', '2031-05-20T00:00:00.000Z', { reason: 'Précision demandée' }),
        answer('q6', '2031-05-21T00:00:00.000Z', true),
      ]),
      await appendToProject(t, p2, [
        question('q3', '2031-06-05T12:00:00.000Z'), // 10 days
        question('q7', '2031-03-01T00:00:00.000Z', true), // answered after 1 day
        answer('q7', '2031-03-02T00:00:00.000Z', true),
      ]),
      await appendToProject(t, p3, [
        question('q4', '2031-05-01T12:00:00.000Z'), // 45 days
        question('q5', '2031-04-01T00:00:00.000Z'), // answered after 2 days, then closed
        answer('q5', '2031-04-03T00:00:00.000Z'),
        event('QuestionClosed', 'q5', '2031-04-04T00:00:00.000Z'),
      ]),
    );
  });

  afterAll(async () => {
    await t.close();
  });

  const counts = (rows: Array<{ key: string; count: number }>) => Object.fromEntries(rows.map((r) => [r.key, r.count]));
  const delta = (after: Record<string, number>, before: Record<string, number>) =>
    Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - (before[k] ?? 0)]).filter(([, v]) => v !== 0));

  describe('a commune’s dashboard', () => {
    it('counts its projects by step and lists its open questions, oldest first, by age', async () => {
      const res = await agent.get(`/api/dashboards/commune/${AINCOURT}?minPosition=${position}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ codeInsee: AINCOURT, communeName: 'Aincourt', projectCount: 2, generatedAt: NOW });
      expect(counts(res.body.projectsByStep)).toEqual({ idee: 1, etudes: 0, financement: 1, travaux: 0, termine: 0 });
      expect(res.body.projectsByStep.map((r: { label: string }) => r.label)).toEqual(['Idée', 'Études', 'Financement', 'Travaux', 'Terminé']);
      expect(res.body.openQuestions.total).toBe(3);
      expect(res.body.openQuestions.items.map((q: { questionId: string; ageDays: number; status: string }) => [q.questionId, q.ageDays, q.status])).toEqual([
        ['q3', 10, 'nouvelle'],
        ['q2', 4, 'prise_en_charge'],
        ['q1', 1, 'nouvelle'],
      ]);
      expect(counts(res.body.openQuestions.byAge)).toEqual({ lt2: 1, '2to5': 1, '5to15': 1, gt15: 0 });
      expect(res.body.openQuestions.byAge.map((r: { label: string }) => r.label)).toEqual(['moins de 2 jours', '2 à 5 jours', '5 à 15 jours', 'plus de 15 jours']);
    });

    it('is shown to the commune’s own members, the Département and auditors only', async () => {
      expect((await maire.get('/api/dashboards/commune/95002')).status).toBe(200);
      expect((await auditeur.get(`/api/dashboards/commune/${AINCOURT}`)).status).toBe(200);
      const other = await maire.get(`/api/dashboards/commune/${AINCOURT}`);
      expect(other.status).toBe(403);
      expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
      expect((await request(t.http).get('/api/dashboards/commune/95002')).status).toBe(401);
      const unknown = await agent.get('/api/dashboards/commune/99999');
      expect(unknown.status).toBe(404);
      expect(unknown.body.title).toBe('Commune introuvable');
    });
  });

  describe('the Département’s dashboard', () => {
    let after: any;
    beforeAll(async () => {
      after = (await agent.get(`/api/dashboards/departement?minPosition=${position}`)).body;
    });

    it('adds the new projects by step, theme and commune', () => {
      expect(after.projectCount - baseline.projectCount).toBe(3);
      expect(after.communeCount - baseline.communeCount).toBe(2);
      expect(delta(counts(after.projectsByStep), counts(baseline.projectsByStep))).toEqual({ idee: 1, financement: 1, travaux: 1 });
      expect(delta(counts(after.projectsByTheme), counts(baseline.projectsByTheme))).toEqual({ ecole: 2, voirie: 1 });
      const aincourt = after.projectsByCommune.find((r: { key: string }) => r.key === AINCOURT);
      expect(aincourt).toEqual({ key: AINCOURT, label: 'Aincourt', total: 2, byStep: { idee: 1, etudes: 0, financement: 1, travaux: 0, termine: 0 } });
    });

    it('sorts the open questions by age (the demo’s are all older than 15 days in 2031)', () => {
      expect(delta(counts(after.openQuestionsByAge), counts(baseline.openQuestionsByAge))).toEqual({ lt2: 1, '2to5': 1, '5to15': 1, gt15: 1 });
      expect(after.openQuestionCount - baseline.openQuestionCount).toBe(4);
      expect(typeof after.medianFirstAnswerDays).toBe('number');
    });

    it('gives twelve months of figures, with the median time to a first answer', () => {
      expect(after.monthly).toHaveLength(12);
      expect(after.monthly[0]).toMatchObject({ month: '2030-07', label: 'juil. 2030' });
      const month = (m: string) => after.monthly.find((x: { month: string }) => x.month === m);
      const base = (m: string) => baseline.monthly.find((x: { month: string }) => x.month === m);
      expect(month('2031-03')).toMatchObject({ questionsAsked: 1, questionsAnswered: 1, medianFirstAnswerDays: 1, projectsCreated: 0 });
      expect(month('2031-04')).toMatchObject({ questionsAsked: 1, questionsAnswered: 1, medianFirstAnswerDays: 2, projectsCreated: 1 });
      expect(month('2031-05')).toMatchObject({ questionsAsked: 2, questionsAnswered: 1, medianFirstAnswerDays: 6 });
      expect(month('2031-06')).toMatchObject({ questionsAsked: 3, questionsAnswered: 0, medianFirstAnswerDays: null });
      const open = (m: string) => month(m).openQuestions - base(m).openQuestions;
      expect(['2031-03', '2031-04', '2031-05', '2031-06'].map(open)).toEqual([0, 0, 1, 4]);
      const steps = (m: string) => delta(month(m).projectsByStep, base(m).projectsByStep);
      expect(steps('2030-12')).toEqual({ idee: 1 });
      expect(steps('2031-02')).toEqual({ idee: 1, travaux: 1 });
      expect(steps('2031-04')).toEqual({ idee: 1, etudes: 1, travaux: 1 });
      expect(steps('2031-06')).toEqual({ idee: 1, financement: 1, travaux: 1 });
    });

    it('is refused to commune members and partners, and asks anonymous visitors to log in', async () => {
      expect((await auditeur.get('/api/dashboards/departement')).status).toBe(200);
      expect((await maire.get('/api/dashboards/departement')).status).toBe(403);
      expect((await (await t.login('persona-caue')).get('/api/dashboards/departement')).status).toBe(403);
      expect((await request(t.http).get('/api/dashboards/departement')).status).toBe(401);
    });
  });
});
