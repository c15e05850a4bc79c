import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startApp } from './harness.js';

type App = Awaited<ReturnType<typeof startApp>>;

const PAGES = [
  { path: '/projets-publics/accessibilite', title: 'Déclaration d’accessibilité', says: 'Aucun audit n’a encore été réalisé' },
  { path: '/projets-publics/donnees-personnelles', title: 'Données personnelles', says: 'Personne effacée' },
  { path: '/projets-publics/mentions-legales', title: 'Mentions légales', says: 'EUPL 1.2' },
];

/** The accessibility statement, the personal-data page and the legal notice, as the public reads them. */
describe('Legal pages', () => {
  let t: App;
  beforeAll(async () => {
    t = await startApp({ site: { contactEmail: 'accessibilite@cd95.test', hostedBy: 'Val d’Oise Numérique' } });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('on the public portal', () => {
    it.each(PAGES)('$path answers a complete HTML page with its title', async ({ path, title, says }) => {
      const res = await request(t.http).get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
      expect(res.text).toContain(`<title>${title} — Projets publics — Carnet de projets — Val-d’Oise</title>`);
      expect(res.text).toContain(`<h1>${title}</h1>`);
      expect(res.text).toContain(says);
      expect(res.text).toContain(`<link rel="canonical" href="${t.config.publicUrl}${path}">`);
      expect(res.text).not.toContain('<script');
      // The personal-data page promises that the portal sets no cookie.
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    it('gives the configured contact address and names the recourse', async () => {
      const res = await request(t.http).get('/projets-publics/accessibilite').expect(200);
      expect(res.text).toContain('non conforme');
      expect(res.text).toContain('<a href="mailto:accessibilite@cd95.test">accessibilite@cd95.test</a>');
      expect(res.text).toContain('Défenseur des droits');
      expect(res.text).toContain('<a href="https://www.defenseurdesdroits.fr">');
    });

    it('names the configured host in the legal notice, and links to the other legal pages of the portal', async () => {
      const res = await request(t.http).get('/projets-publics/mentions-legales').expect(200);
      expect(res.text).toContain('Le service est hébergé par Val d’Oise Numérique.');
      expect(res.text).toContain('<a href="/projets-publics/donnees-personnelles">Données personnelles</a>');
    });

    it('links every page’s footer to the three legal pages', async () => {
      for (const path of ['/projets-publics', '/projets-publics/communes', '/projets-publics/mentions-legales']) {
        const res = await request(t.http).get(path).expect(200);
        const footer = res.text.slice(res.text.indexOf('<footer'));
        expect(footer).toContain('<a href="/projets-publics/accessibilite">Accessibilité : non conforme</a>');
        expect(footer).toContain('<a href="/projets-publics/mentions-legales">Mentions légales</a>');
        expect(footer).toContain('<a href="/projets-publics/donnees-personnelles">Données personnelles</a>');
      }
    });

    it('lists them in the sitemap', async () => {
      const res = await request(t.http).get('/sitemap.xml').expect(200);
      for (const { path } of PAGES) expect(res.text).toContain(`<loc>${t.config.publicUrl}${path}</loc>`);
    });
  });

  describe('for the web app', () => {
    it('GET /api/site-info gives the contact address and the host without a login', async () => {
      const res = await request(t.http).get('/api/site-info').expect(200);
      expect(res.body).toEqual({ contactEmail: 'accessibilite@cd95.test', hostedBy: 'Val d’Oise Numérique' });
    });
  });
});
