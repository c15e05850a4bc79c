import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ReadModels } from '../src/shared/read-models.js';
import { startApp } from './harness.js';
import { PublicationScript } from './public-fixtures.js';

type App = Awaited<ReturnType<typeof startApp>>;

/**
 * Issue #5: the public only ever sees the exact version the mayor approved — on the portal, the
 * API, the exports, the change feed and the sitemap.
 */
describe('What the public sees of a publication', () => {
  let t: App;
  beforeAll(async () => {
    t = await startApp({ publicApi: { rateLimitPerMinute: 0, cacheSeconds: 60 } });
  });
  afterAll(async () => {
    await t.close();
  });

  const settled = (position: number) => t.app.get(ReadModels).current(position);
  const get = (path: string) => request(t.http).get(path);

  /** Every public place where a project could show, as text. */
  async function everywhere(p: PublicationScript) {
    const [home, search, communePage, page, list, one, csv, geojson, feed, sitemap] = await Promise.all([
      get('/projets-publics'),
      get('/projets-publics/recherche?commune=95002'),
      get('/projets-publics/communes/95002'),
      get(`/projets-publics/projets/${p.projectId}`),
      get('/api/public/v1/projects?limit=100'),
      get(`/api/public/v1/projects/${p.projectId}`),
      get('/api/public/v1/exports/projects.csv'),
      get('/api/public/v1/exports/projects.geojson'),
      get('/api/public/v1/changes?limit=500'),
      get('/sitemap.xml'),
    ]);
    return {
      listings: [home.text, search.text, communePage.text, JSON.stringify(list.body), csv.text, geojson.text].join('\n'),
      page,
      one,
      feed: (feed.body.items as Array<{ projectId: string; kind: string }>).filter((c) => c.projectId === p.projectId).map((c) => c.kind),
      sitemap: sitemap.text,
    };
  }

  describe('when publication is requested and revised but not approved', () => {
    it('is invisible on the portal, the API, the exports, the feed and the sitemap', async () => {
      const p = await new PublicationScript(t).finished();
      await p.request(1, p.content());
      await settled(await p.revise(2, p.content({ summary: 'Texte revu par le Département' })));
      const seen = await everywhere(p);
      expect(seen.listings).not.toContain(p.title);
      expect(seen.listings).not.toContain(p.projectId);
      expect(seen.page.status).toBe(404);
      expect(seen.page.text).not.toContain(p.title);
      expect(seen.one.status).toBe(404);
      expect(seen.one.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(seen.feed).toEqual([]);
      expect(seen.sitemap).not.toContain(p.projectId);
    });
  });

  describe('when the mayor approves a version', () => {
    // How fast it becomes visible is measured by `npm run bench` (i), not asserted here.
    it('becomes visible everywhere, with exactly that version, without any further action', async () => {
      const p = await new PublicationScript(t).finished();
      const v1 = p.content();
      await p.request(1, v1);
      await p.approve(1, v1);
      let status = 0;
      for (let attempt = 0; attempt < 500 && status !== 200; attempt++) {
        status = (await get(`/api/public/v1/projects/${p.projectId}`)).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 20));
      }
      expect(status).toBe(200);
      const seen = await everywhere(p);
      expect(seen.listings.split(p.title).length - 1).toBeGreaterThanOrEqual(6);
      expect(seen.one.body).toMatchObject({ id: p.projectId, title: p.title, summary: v1.summary, version: 1, finalCostHt: 38500, communeName: 'Ableiges', theme: 'patrimoine' });
      expect(seen.one.body.timeline.map((s: { step: string }) => s.step)).toEqual(['idee', 'travaux', 'termine']);
      expect(seen.feed).toEqual(['published']);
      expect(seen.sitemap).toContain(`/projets-publics/projets/${p.projectId}`);
      // Never the internal description of the project.
      expect(JSON.stringify(seen.one.body) + seen.page.text).not.toContain('Interne : ne pas publier.');
    });

    it('serves the project page as complete HTML with its title and summary, without JavaScript', async () => {
      const p = await new PublicationScript(t, 'Toiture de l’école <b>élémentaire</b>').finished();
      const v1 = p.content({ summary: 'Couverture refaite & combles isolés.' });
      await p.request(1, v1);
      await settled(await p.approve(1, v1));
      const page = await get(`/projets-publics/projets/${p.projectId}`);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toMatch(/^<!doctype html>\s*<html lang="fr">/);
      expect(page.text).toContain('<h1>Toiture de l’école &lt;b&gt;élémentaire&lt;/b&gt;</h1>');
      expect(page.text).toContain('Couverture refaite &amp; combles isolés.');
      expect(page.text).toMatch(/<title>Toiture de l’école &lt;b&gt;élémentaire&lt;\/b&gt; \(Ableiges\)/);
      expect(page.text).toMatch(/<meta name="description" content="[^"]+">/);
      expect(page.text).toContain(`<link rel="canonical" href="${t.config.publicUrl}/projets-publics/projets/${p.projectId}">`);
      expect(page.text).not.toContain('<script');
    });
  });

  describe('when the content is revised after approval', () => {
    it('still shows the approved version until the mayor approves the new one', async () => {
      const p = await new PublicationScript(t).finished();
      const v1 = p.content();
      const v2 = p.content({ summary: 'Nouvelle version du résumé, pas encore approuvée.', finalCostHt: 41000 });
      await p.request(1, v1);
      await p.approve(1, v1);
      await settled(await p.revise(2, v2));
      let seen = await everywhere(p);
      expect(seen.one.body).toMatchObject({ summary: v1.summary, version: 1, finalCostHt: 38500 });
      expect(seen.page.text).toContain(v1.summary);
      expect(seen.page.text).not.toContain(v2.summary);
      expect(seen.listings).not.toContain(v2.summary);
      expect(seen.feed).toEqual(['published']);

      await settled(await p.approve(2, v2));
      seen = await everywhere(p);
      expect(seen.one.body).toMatchObject({ summary: v2.summary, version: 2, finalCostHt: 41000 });
      expect(seen.page.text).toContain(v2.summary);
      expect(seen.feed).toEqual(['published', 'updated']);
    });
  });

  describe('when the publication is withdrawn', () => {
    it('is gone everywhere and the feed says so', async () => {
      const p = await new PublicationScript(t).finished();
      const v1 = p.content();
      await p.request(1, v1);
      await p.approve(1, v1);
      await settled(await p.withdraw());
      const seen = await everywhere(p);
      expect(seen.listings).not.toContain(p.title);
      expect(seen.page.status).toBe(404);
      expect(seen.one.status).toBe(404);
      expect(seen.sitemap).not.toContain(p.projectId);
      expect(seen.feed).toEqual(['published', 'withdrawn']);
      const feed = await get('/api/public/v1/changes?limit=500');
      const withdrawn = feed.body.items.find((c: { projectId: string; kind: string }) => c.projectId === p.projectId && c.kind === 'withdrawn');
      expect(withdrawn.projectUrl).toBeNull();
    });
  });

  describe('when the approval names a fingerprint that is not the content’s', () => {
    it('publishes nothing', async () => {
      const p = await new PublicationScript(t).finished();
      await p.request(1, p.content());
      await settled(await p.append('ProjectPublished', { version: 1, fingerprint: 'f'.repeat(64) }, 2));
      expect((await get(`/api/public/v1/projects/${p.projectId}`)).status).toBe(404);
    });
  });

  describe('when a project is published through the commands (request, Département revision, mayor’s approval)', () => {
    it('shows exactly the approved version, with the fingerprint the mayor approved', async () => {
      const [mayor, agent] = await Promise.all([t.login('persona-maire-95002'), t.login('persona-agent-amenagement')]);
      const created = await mayor.post('/api/projects').send({ codeInsee: '95002', title: 'Parvis de la mairie', description: 'Note interne : devis du paveur à renégocier.', theme: 'voirie', estimatedCostHt: 20000 });
      const id = created.body.id as string;
      for (const step of ['etudes', 'financement', 'travaux', 'termine']) {
        expect((await mayor.post(`/api/projects/${id}/step`).send({ step, progress: step === 'termine' ? 100 : 50 })).status).toBe(200);
      }
      const content = { title: 'Un parvis pavé et accessible', summary: 'Parvis pavé et accessible.', finalCostHt: 19_500, funding: [{ source: 'DETR', amountHt: 5_850 }], lessonsLearned: 'Prévoir les bordures.' };
      expect((await mayor.post(`/api/projects/${id}/publication-request`).send(content)).status).toBe(200);
      const revised = await agent.post(`/api/projects/${id}/publication-revision`).send({ ...content, summary: 'Parvis pavé, accessible à tous.', reason: 'Formulation' });
      expect(revised.status).toBe(200);
      await settled(revised.body.position);
      expect((await get(`/api/public/v1/projects/${id}`)).status).toBe(404);
      const { latest } = (await mayor.get(`/api/projects/${id}?minPosition=${revised.body.position}`)).body.publicationWork;
      const published = await mayor.post(`/api/projects/${id}/publication`).send({ version: latest.version, fingerprint: latest.fingerprint });
      expect(published.status).toBe(200);
      await settled(published.body.position);
      const one = await get(`/api/public/v1/projects/${id}`);
      expect(one.body).toMatchObject({ title: 'Un parvis pavé et accessible', summary: 'Parvis pavé, accessible à tous.', version: 2, fingerprint: latest.fingerprint, funding: [{ source: 'DETR', amountHt: 5850 }] });
      expect(JSON.stringify(one.body)).not.toContain('renégocier');
    });
  });
});
