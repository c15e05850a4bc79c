import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { CLOCK, type Clock } from '../src/infrastructure/tokens.js';
import { AGENT, AUDITEUR, MAIRE_ABLEIGES, MAIRE_NESLES, newProject, startApp, type Client } from './harness.js';

type App = Awaited<ReturnType<typeof startApp>>;

/** The CSV as a spreadsheet reads it: BOM, then lines of `;`-separated cells (no quoted line breaks here). */
function rows(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text
    .slice(1)
    .split('\r\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split(';'));
}

describe('Export of the projects list as CSV', () => {
  let t: App;
  let maire: Client;
  let maireNesles: Client;
  let agent: Client;
  let auditeur: Client;
  let position = 0;
  const title = `Éclairage du stade ${Date.now().toString(36)}`;

  beforeAll(async () => {
    t = await startApp();
    maire = await t.login(MAIRE_ABLEIGES);
    maireNesles = await t.login(MAIRE_NESLES);
    agent = await t.login(AGENT);
    auditeur = await t.login(AUDITEUR);
    const created = await maire.post('/api/projects').send(newProject({ title, estimatedCostHt: 12500.5 })).expect(201);
    // A title a spreadsheet would run as a formula.
    const risky = await maire.post('/api/projects').send(newProject({ title: '=SOMME(A1:A9) piège' })).expect(201);
    position = Math.max(created.body.position, risky.body.position);
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives a commune member their commune’s projects only, in French columns, ready for a spreadsheet', async () => {
    const res = await maire.get(`/api/projects/export.csv?minPosition=${position}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const today = t.app.get<Clock>(CLOCK).now().toISOString().slice(0, 10);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="projets-${today}.csv"`);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const [header, ...lines] = rows(res.text);
    expect(header).toEqual(['Commune', 'Code INSEE', 'Projet', 'Thème', 'Étape', 'Avancement (%)', 'Coût estimé HT (€)', 'Questions en attente', 'Publication', 'Créé le', 'Dernière modification', 'Lien',
      'Coût HT du plan de financement (€)', 'Financements demandés (€)', 'Financements accordés (€)', 'Financements versés (€)', 'Autofinancement (%)', 'Autofinancement minimal respecté']);
    expect(lines.length).toBeGreaterThan(1);
    expect(new Set(lines.map((l) => l[0]))).toEqual(new Set(['Ableiges']));
    const mine = lines.find((l) => l[2] === title)!;
    expect(mine).toEqual(['Ableiges', '95002', title, 'École et petite enfance', 'Idée', '0', '12500,5', '0', 'Non publié', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), expect.stringMatching(/\/projets\/[0-9a-f-]{36}$/), '', '0', '0', '0', '', '']);
    // A cell that starts like a formula stays text.
    expect(lines.map((l) => l[2])).toContain("'=SOMME(A1:A9) piège");
  });

  it('gives the Département every commune’s projects, with the list’s filters', async () => {
    const all = rows((await agent.get(`/api/projects/export.csv?minPosition=${position}`).expect(200)).text).slice(1);
    expect(new Set(all.map((l) => l[0])).size).toBeGreaterThan(1);
    const list = await agent.get(`/api/projects?limit=200&minPosition=${position}`).expect(200);
    expect(all).toHaveLength(list.body.total);
    const ableiges = rows((await auditeur.get(`/api/projects/export.csv?commune=95002&step=idee&minPosition=${position}`).expect(200)).text).slice(1);
    expect(ableiges.length).toBeGreaterThan(0);
    expect(ableiges.every((l) => l[0] === 'Ableiges' && l[4] === 'Idée')).toBe(true);
  });

  it('never shows another commune’s projects to a mayor, even when asked for that commune', async () => {
    const res = await maireNesles.get(`/api/projects/export.csv?commune=95002&minPosition=${position}`).expect(200);
    expect(rows(res.text).slice(1).map((l) => l[2])).not.toContain(title);
  });

  it('asks an anonymous visitor to log in, and explains a bad filter in French', async () => {
    const anonymous = await request(t.http).get('/api/projects/export.csv');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/application\/problem\+json/);
    const bad = await agent.get('/api/projects/export.csv?step=demain');
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(bad.body)).toContain('L’étape doit être l’une de');
  });
});
