import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startApp } from './harness.js';

type App = Awaited<ReturnType<typeof startApp>>;

/** What a browser sends when it opens a page. */
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

const ERRORS = [
  { method: 'get', path: '/projets-publics/nimporte', status: 404, title: 'Page introuvable' },
  { method: 'get', path: '/projets-publics/projets/', status: 404, title: 'Page introuvable' },
  { method: 'get', path: '/projets-publics/communes/%zz', status: 400, title: 'Adresse invalide' },
  { method: 'get', path: '/projets-publics/recherche?q=%00', status: 400, title: 'Adresse invalide' },
  { method: 'get', path: '/projets-publics/carte?q=%01', status: 400, title: 'Adresse invalide' },
  { method: 'post', path: '/projets-publics', status: 405, title: 'Action impossible sur cette page' },
] as const;

/** The public portal's errors, as a visitor's browser and as a program see them. */
describe('Errors of the public portal', () => {
  let t: App;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const send = (method: 'get' | 'post' | 'delete', path: string, accept: string) => request(t.http)[method](path).set('Accept', accept);

  it.each(ERRORS)('$method $path answers a browser the portal’s page « $title » with status $status', async ({ method, path, status, title }) => {
    const res = await send(method, path, BROWSER).expect(status);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(res.text).toContain(`<title>${title} — Projets publics — Carnet de projets — Val-d’Oise</title>`);
    expect(res.text).toContain(`<h1>${title}</h1>`);
    expect(res.text).toContain('<a href="/projets-publics">Retour à l’accueil du portail</a>');
    // The answer depends on Accept: a cache keeps the page and the problem apart.
    expect(res.headers.vary).toMatch(/Accept\b/);
  });

  it.each(ERRORS)('$method $path still answers a program problem+json with status $status', async ({ method, path, status }) => {
    const res = await send(method, path, 'application/json').expect(status);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(JSON.parse(res.text)).toMatchObject({ status });
  });

  it('says which methods the portal’s pages accept, to a browser and to a program alike', async () => {
    for (const accept of [BROWSER, 'application/json']) {
      expect((await send('post', '/projets-publics', accept).expect(405)).headers.allow).toBe('GET, HEAD');
      expect((await send('delete', '/projets-publics/carte', accept).expect(405)).headers.allow).toBe('GET, HEAD');
    }
    // The pages themselves are unchanged.
    const home = await send('get', '/projets-publics', BROWSER).expect(200);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('keeps problem+json for the API, even to a browser', async () => {
    for (const path of ['/api/nimporte', '/api/public/v1/faq/%zz', '/api/public/v1/projects/%zz']) {
      const res = await send('get', path, BROWSER);
      expect([400, 404]).toContain(res.status);
      expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    }
  });
});
