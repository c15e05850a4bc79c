import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startApp } from './harness.js';

describe('Communes reference data', () => {
  let t: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the 183 current communes of the Val d’Oise, 126 of them under 5,000 inhabitants', async () => {
    const res = await request(t.http).get('/api/communes');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(183);
    expect(res.body.filter((c: { eligible: boolean }) => c.eligible)).toHaveLength(126);
  });

  it('gives a commune’s SIREN, postal codes and population', async () => {
    const res = await request(t.http).get('/api/communes/95002');
    expect(res.body).toMatchObject({ codeInsee: '95002', name: 'Ableiges', siren: '219500022', postalCodes: ['95450'], eligible: true });
    expect(res.body.population).toBeGreaterThan(0);
  });

  it('answers 404 problem to a code that is not a commune of the département', async () => {
    const res = await request(t.http).get('/api/communes/75056');
    expect(res.status).toBe(404);
    expect(res.body.title).toBe('Commune introuvable');
  });

  it('counts nothing for an anonymous visitor: published projects are counted by the public API', async () => {
    const res = await request(t.http).get('/api/communes?withProjects=true');
    expect(res.body).toEqual([]);
    const published = await request(t.http).get('/api/public/v1/communes');
    expect(published.body.items.map((c: { name: string; publishedProjects: number }) => [c.name, c.publishedProjects])).toEqual([
      ['Ableiges', 1],
      ['La Roche-Guyon', 1],
      ['Valmondois', 1],
      ['Vigny', 1],
    ]);
  });
});
