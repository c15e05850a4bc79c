import request from 'supertest';
import { CommuneCatalog } from '../src/communes/commune-catalog.js';
import { DEMO_PROJECTS } from '../src/demo/demo-data.js';
import { startApp } from './harness.js';

type Listed = { id: string; title: string; codeInsee: string; communeName: string; step: string; publication: string };
type Entry = { position: number; at: string; type: string };

/** The demo a newcomer discovers (issue #16): varied, realistic, and told in time order. */
describe('the demo data', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let projects: Listed[];
  let agent: Awaited<ReturnType<typeof app.login>>;

  beforeAll(async () => {
    app = await startApp({ demoData: true });
    agent = await app.login('persona-agent-amenagement');
    const health = await request(app.http).get('/api/health');
    projects = (await agent.get(`/api/projects?limit=100&minPosition=${health.body.logPosition}`).expect(200)).body.items;
  });
  afterAll(() => app.close());

  it('holds a dozen projects or more, in six or more real small communes of the Val-d’Oise, at every step', () => {
    expect(projects.length).toBeGreaterThanOrEqual(12);
    const catalog = app.app.get(CommuneCatalog);
    const communes = new Set(projects.map((p) => p.codeInsee));
    expect(communes.size).toBeGreaterThanOrEqual(6);
    for (const code of communes) expect(catalog.get(code)).toMatchObject({ eligible: true });
    expect(new Set(projects.map((p) => p.step))).toEqual(new Set(['idee', 'etudes', 'financement', 'travaux', 'termine']));
  });

  it('shows several published projects on the public API, each with a picture, and one awaiting the mayor’s approval', async () => {
    const published = (await request(app.http).get('/api/public/v1/projects?limit=50').expect(200)).body.items as Array<{ pictureUrl: string | null; finalCostHt: number }>;
    expect(published.length).toBeGreaterThanOrEqual(4);
    for (const p of published) {
      expect(p.pictureUrl).not.toBeNull();
      const picture = await request(app.http).get(p.pictureUrl!).expect(200);
      expect(picture.headers['content-type']).toBe('image/png');
    }
    expect(projects.filter((p) => p.publication === 'requested')).toHaveLength(1);
  });

  it('has questions in every state', async () => {
    const statuses = new Set<string>();
    for (const p of projects) for (const q of (await agent.get(`/api/projects/${p.id}`).expect(200)).body.questions) statuses.add(q.status);
    expect(statuses).toEqual(new Set(['nouvelle', 'prise_en_charge', 'repondue', 'close']));
  });

  it('never goes back in time: each project’s history, in log order, has non-decreasing dates', async () => {
    for (const p of projects) {
      const history = (await agent.get(`/api/projects/${p.id}/history`).expect(200)).body as Entry[];
      const dates = [...history].sort((a, b) => a.position - b.position).map((e) => e.at);
      expect({ project: p.title, dates }).toEqual({ project: p.title, dates: [...dates].sort() });
    }
  });

  it('lists its steps oldest first in the source, so that the timeline it writes is the story told', () => {
    for (const p of DEMO_PROJECTS) {
      const days = p.steps.map((s) => s.daysAgo);
      expect({ project: p.key, days }).toEqual({ project: p.key, days: [...days].sort((a, b) => b - a) });
      expect(days.every((d) => d <= p.daysAgo)).toBe(true);
    }
  });
});
