import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startApp } from './harness.js';

type App = Awaited<ReturnType<typeof startApp>>;
type OpenApi = { paths: Record<string, Record<string, { summary?: string }>> };

const PAGE = '/projets-publics/donnees-ouvertes';
const VERBS = ['get', 'post', 'put', 'patch', 'delete'];
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * « Données ouvertes »: the portal's page for open-data reusers. Rendered on the server (it works without
 * JavaScript), in French, and its list of addresses is the public API's OpenAPI document's.
 */
describe('The portal’s « Données ouvertes » page', () => {
  let t: App;
  let page: request.Response;
  let publicOperations: Array<{ verb: string; path: string; summary?: string }>;

  beforeAll(async () => {
    t = await startApp({ publicApi: { rateLimitPerMinute: 45, cacheSeconds: 90 }, site: { contactEmail: 'donnees@cd95.test', hostedBy: 'Val d’Oise Numérique' } });
    page = await request(t.http).get(PAGE);
    const full = (await request(t.http).get('/api/openapi.json').expect(200)).body as OpenApi;
    publicOperations = Object.entries(full.paths)
      .filter(([path]) => path.startsWith('/api/public/'))
      .flatMap(([path, item]) => VERBS.filter((v) => item[v]).map((verb) => ({ verb, path, summary: item[verb].summary })));
  });
  afterAll(async () => {
    await t.close();
  });

  it('is a complete French HTML page of the portal, without any script', () => {
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(page.text).toContain('<title>Données ouvertes — Projets publics — Carnet de projets — Val-d’Oise</title>');
    expect(page.text).toContain('<h1>Données ouvertes</h1>');
    expect(page.text).toContain(`<link rel="canonical" href="${t.config.publicUrl}${PAGE}">`);
    // Server-rendered: everything is in the HTML, nothing needs a script to appear.
    expect(page.text).not.toContain('<script');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers.etag).toMatch(/^"[^"]+"$/);
  });

  it('lists every operation of the public API that the OpenAPI document declares, with an example', () => {
    expect(publicOperations.length).toBeGreaterThanOrEqual(10);
    for (const { verb, path, summary } of publicOperations) {
      expect(page.text).toContain(`<code>${verb.toUpperCase()} ${path}</code></h3>`);
      if (summary) expect(page.text).toContain(`<p>${escapeHtml(summary)}</p>`);
    }
    const listed = [...page.text.matchAll(/<h3 id="op-[^"]+"><code>([A-Z]+) ([^<]+)<\/code><\/h3>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(listed.sort()).toEqual(publicOperations.map((o) => `${o.verb.toUpperCase()} ${o.path}`).sort());
    // Copyable examples, with the site's own address and data that exists.
    expect(page.text).toContain(`curl -s &#39;${t.config.publicUrl}/api/public/v1/projects?theme=ecole&amp;limit=5&#39;`);
    expect(page.text).toContain(`curl -s -o projets-publies.csv &#39;${t.config.publicUrl}/api/public/v1/exports/projects.csv?`);
    expect(page.text).toMatch(/Dans un navigateur : <a href="[^"]+\/api\/public\/v1\/projects\/[0-9a-f-]{36}">/);
  });

  it('says what is published, the licence situation, caching, the rate limit of this server, errors, the change feed and where the public OpenAPI document is', () => {
    expect(page.text).toContain('Seule la version d’un projet que son maire a approuvée est publiée');
    expect(page.text).toContain('Aucune licence de réutilisation n’est encore indiquée');
    expect(page.text).toContain('<a href="mailto:donnees@cd95.test">donnees@cd95.test</a>');
    expect(page.text).toContain('Licence Ouverte / Open Licence (Etalab)');
    expect(page.text).toContain('<code>Cache-Control: public, max-age=90</code>');
    expect(page.text).toContain('<code>If-None-Match</code>');
    expect(page.text).toContain('jusqu’à 45 requêtes par minute');
    expect(page.text).toContain('<code>Retry-After</code>');
    expect(page.text).toContain('<code>application/problem+json</code>');
    // The error shown is what the API answers to an impossible date.
    expect(page.text).toContain('&quot;field&quot;: &quot;updatedSince&quot;');
    expect(page.text).toContain('n’existe pas dans le calendrier');
    expect(page.text).toContain('<code>next</code>');
    expect(page.text).toContain('?cursor=');
    expect(page.text).toContain('/api/public/v1/changes?after=');
    expect(page.text).toContain('<a href="/api/public/v1/openapi.json">');
    expect(page.text).toContain('CSV');
    expect(page.text).toContain('GeoJSON');
  });

  it('is the one « Données ouvertes » link of every portal page’s menu and footer, and is in the sitemap', async () => {
    for (const path of ['/projets-publics', '/projets-publics/communes', '/projets-publics/mentions-legales', PAGE]) {
      const res = await request(t.http).get(path).expect(200);
      const nav = res.text.slice(res.text.indexOf('<nav class="site-nav"'), res.text.indexOf('</nav>', res.text.indexOf('<nav class="site-nav"')));
      expect(nav).toContain(`<a href="${PAGE}">Données ouvertes</a>`);
      expect(nav).not.toContain('/api/docs');
      const footer = res.text.slice(res.text.indexOf('<footer'));
      expect(footer).toContain(`<a href="${PAGE}">Données ouvertes</a>`);
      expect(footer).not.toContain('/api/docs');
      expect(res.text).not.toContain('Données réutilisables');
      expect(res.text).not.toContain('Données ouvertes (API)');
    }
    const sitemap = await request(t.http).get('/sitemap.xml').expect(200);
    expect(sitemap.text).toContain(`<loc>${t.config.publicUrl}${PAGE}</loc>`);
  });

  it('keeps /api/docs for developers, linked from the page', async () => {
    expect(page.text).toContain('<a href="/api/docs">/api/docs</a>');
    await request(t.http).get('/api/docs').expect(200);
  });
});
