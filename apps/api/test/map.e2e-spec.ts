import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { AGENT, ADJOINT_ABLEIGES, MAIRE_ABLEIGES, MAIRE_NESLES, newProject, startApp, type Client } from './harness.js';

/** Inside Ableiges (95002): its centroid, and a point 24 km away, in Paris's direction. */
const INSIDE = { longitude: 1.97467, latitude: 49.08531 };
const MOVED = { longitude: 1.98, latitude: 49.08 };
const OUTSIDE = { longitude: 2.3, latitude: 49.0 };

type Feature = { id: string; geometry: { coordinates: [number, number] } | null; properties: Record<string, unknown> };

describe('Map of projects (issue #10)', () => {
  let t: Awaited<ReturnType<typeof startApp>>;
  let maire: Client;
  let adjoint: Client;
  let agent: Client;
  let maireNesles: Client;
  let partner: Client;
  let projectId: string;

  const position = async () => (await request(t.http).get('/api/health')).body.logPosition as number;
  const mapOf = async (c: Client, query = '') => {
    const res = await c.get(`/api/map/projects?minPosition=${await position()}${query}`).expect(200);
    expect(res.headers['content-type']).toMatch(/application\/geo\+json/);
    // Sent gzipped to a client that accepts it (supertest does, like browsers), read back as JSON.
    expect(res.headers['content-encoding']).toBe('gzip');
    return JSON.parse(res.text) as { type: string; features: Feature[]; attribution: string };
  };

  beforeAll(async () => {
    t = await startApp();
    maire = await t.login(MAIRE_ABLEIGES);
    adjoint = await t.login(ADJOINT_ABLEIGES);
    agent = await t.login(AGENT);
    maireNesles = await t.login(MAIRE_NESLES);
    partner = await t.login('persona-caue');
    projectId = (await adjoint.post('/api/projects').send(newProject({ title: 'Abri de la halte du car' })).expect(201)).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('when the commune places its project', () => {
    it('accepts a point inside the commune, shows it on the project and in the history in French', async () => {
      const res = await maire.put(`/api/projects/${projectId}/location`).send({ location: INSIDE }).expect(200);
      expect(res.headers.etag).toBe(`"${res.body.version}"`);
      const detail = await maire.get(`/api/projects/${projectId}?minPosition=${res.body.position}`).expect(200);
      expect(detail.body.location).toEqual(INSIDE);
      const history = await maire.get(`/api/projects/${projectId}/history`).expect(200);
      const line = (history.body.items ?? history.body).find((e: { type: string }) => e.type === 'ProjectLocated');
      expect(line.summary).toBe('Emplacement précisé sur la carte (49,08531 N, 1,97467 E)');
    });

    it('refuses a point outside the commune with a French problem naming the distance', async () => {
      const res = await maire.put(`/api/projects/${projectId}/location`).send({ location: OUTSIDE }).expect(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(JSON.stringify(res.body)).toMatch(/en dehors de la commune \(à 24,1 km de ses limites\)/);
    });

    it('refuses a malformed body with a 400 problem in French', async () => {
      const res = await maire.put(`/api/projects/${projectId}/location`).send({ location: { longitude: 'est', latitude: 49 } }).expect(400);
      expect(JSON.stringify(res.body)).toMatch(/"field":"location.longitude","message":"La longitude doit être/);
      await maire.put(`/api/projects/${projectId}/location`).send({ location: INSIDE, extra: 1 }).expect(400);
      await maire.put(`/api/projects/${projectId}/location`).send({}).expect(400);
    });

    it('answers 409 to a move sent with a stale If-Match', async () => {
      await maire.put(`/api/projects/${projectId}/location`).set('If-Match', '"1"').send({ location: MOVED }).expect(409);
    });

    it('moves the point with a new event, visible in the audit with before and after', async () => {
      await adjoint.put(`/api/projects/${projectId}/location`).send({ location: MOVED }).expect(200);
      const auditor = await t.login('persona-auditeur');
      const audit = await auditor.get(`/api/audit/projects/${projectId}/history`).expect(200);
      const entries = (audit.body.items ?? audit.body.entries ?? audit.body) as Array<{ type: string; typeLabel: string; changes: Array<{ label: string; before: string; after: string }> }>;
      const moves = entries.filter((e) => e.type === 'ProjectLocated');
      expect(moves).toHaveLength(2);
      expect(moves[1].typeLabel).toBe('Emplacement sur la carte modifié');
      expect(moves[1].changes).toContainEqual({ field: 'location', label: 'Emplacement sur la carte', before: '49,08531 N, 1,97467 E', after: '49,08000 N, 1,98000 E' });
    });
  });

  describe('the in-app map data', () => {
    it('gives the commune its own projects only, with the precise point', async () => {
      const map = await mapOf(maire);
      expect(map.type).toBe('FeatureCollection');
      expect(map.attribution).toMatch(/IGN/);
      expect(map.features.every((f) => f.properties.commune === '95002')).toBe(true);
      const mine = map.features.find((f) => f.id === projectId)!;
      expect(mine.geometry!.coordinates).toEqual([MOVED.longitude, MOVED.latitude]);
      expect(mine.properties).toMatchObject({ title: 'Abri de la halte du car', step: 'idee', precise: true, overdue: false });
      expect((await mapOf(maireNesles)).features.some((f) => f.id === projectId)).toBe(false);
      expect((await mapOf(maireNesles, '&commune=95002')).features).toEqual([]);
    });

    it('gives Département staff every commune, narrowed by the projects list’s filters', async () => {
      const all = await mapOf(agent);
      expect(new Set(all.features.map((f) => f.properties.commune)).size).toBeGreaterThan(1);
      const themed = await mapOf(agent, '&theme=ecole&step=idee');
      expect(themed.features.length).toBeGreaterThan(0);
      expect(themed.features.every((f) => f.properties.theme === 'ecole' && f.properties.step === 'idee')).toBe(true);
      const text = await mapOf(agent, `&q=${encodeURIComponent('halte du car')}`);
      expect(text.features.map((f) => f.id)).toEqual([projectId]);
      // A project never placed is drawn at its commune's centroid, and says so.
      const unplaced = all.features.find((f) => f.id !== projectId && !f.properties.precise)!;
      expect(unplaced.geometry!.coordinates).toHaveLength(2);
    });

    it('gives a partner only the projects its organisation is involved in', async () => {
      expect((await mapOf(partner)).features.some((f) => f.id === projectId)).toBe(false);
      await agent.post(`/api/projects/${projectId}/partners`).send({ organisationId: 'org-caue-95' }).expect(201);
      const map = await mapOf(partner);
      expect(map.features.some((f) => f.id === projectId)).toBe(true);
    });

    it('refuses anonymous callers and wrong filters with problems', async () => {
      await request(t.http).get('/api/map/projects').expect(401);
      const res = await agent.get('/api/map/projects?step=fini').expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    });
  });

  describe('when a published project’s point moves', () => {
    const publicPoint = async (id: string, minPosition: number) => {
      await maire.get(`/api/projects/${id}?minPosition=${minPosition}`).expect(200);
      const page = (await request(t.http).get('/api/public/v1/projects?limit=100').expect(200)).body as { items: Array<{ id: string; location: unknown }> };
      const geo = JSON.parse((await request(t.http).get('/api/public/v1/exports/projects.geojson').expect(200)).text) as { features: Feature[] };
      return { api: page.items.find((p) => p.id === id)?.location, geo: geo.features.find((f) => f.id === id) };
    };

    it('shows the public only the point the mayor approved with a version', async () => {
      const id = (await adjoint.post('/api/projects').send(newProject({ title: 'Fontaine de la place' })).expect(201)).body.id as string;
      await maire.put(`/api/projects/${id}/location`).send({ location: INSIDE }).expect(200);
      await maire.post(`/api/projects/${id}/step`).send({ step: 'termine', progress: 100 }).expect(200);
      const requested = await adjoint.post(`/api/projects/${id}/publication-request`).send({ title: 'Fontaine restaurée', summary: 'Bassin et margelle refaits.' }).expect(200);
      const latest = (await maire.get(`/api/projects/${id}?minPosition=${requested.body.position}`).expect(200)).body.publicationWork.latest;
      // The mayor reads the point in the version to approve: it is part of the fingerprint.
      expect(latest.content.location).toEqual(INSIDE);
      const approved = await maire.post(`/api/projects/${id}/publication`).send({ version: 1, fingerprint: latest.fingerprint }).expect(200);
      let seen = await publicPoint(id, approved.body.position);
      expect(seen.api).toEqual(INSIDE);
      expect(seen.geo).toMatchObject({ geometry: { type: 'Point', coordinates: [INSIDE.longitude, INSIDE.latitude] }, properties: { precise: true } });

      // Moved after approval: nothing changes publicly until a new version is approved.
      const moved = await maire.put(`/api/projects/${id}/location`).send({ location: MOVED }).expect(200);
      seen = await publicPoint(id, moved.body.position);
      expect(seen.api).toEqual(INSIDE);
      const revised = await adjoint
        .post(`/api/projects/${id}/publication-revision`)
        .send({ title: 'Fontaine restaurée', summary: 'Bassin et margelle refaits.', reason: 'Point déplacé sur la fontaine' })
        .expect(200);
      const v2 = (await maire.get(`/api/projects/${id}?minPosition=${revised.body.position}`).expect(200)).body.publicationWork.latest;
      expect(v2).toMatchObject({ version: 2, content: { location: MOVED } });
      seen = await publicPoint(id, revised.body.position);
      expect(seen.api).toEqual(INSIDE);
      const approved2 = await maire.post(`/api/projects/${id}/publication`).send({ version: 2, fingerprint: v2.fingerprint }).expect(200);
      seen = await publicPoint(id, approved2.body.position);
      expect(seen.api).toEqual(MOVED);
      expect(seen.geo!.geometry!.coordinates).toEqual([MOVED.longitude, MOVED.latitude]);
    });
  });

  describe('the outlines', () => {
    it('are served without login, cacheable, with every commune of the Val d’Oise', async () => {
      const res = await request(t.http).get('/api/map/communes.geojson').expect(200);
      const outlines = JSON.parse(res.text) as { features: Array<{ properties: { code: string } }> };
      expect(outlines.features.length).toBe(184);
      expect(res.headers['cache-control']).toMatch(/public/);
      await request(t.http).get('/api/map/communes.geojson').set('If-None-Match', res.headers.etag).expect(304);
    });

    it('of the Départements served: the Val d’Oise alone on a one-Département instance, whose map stays its communes’', async () => {
      const res = await request(t.http).get('/api/map/departements.geojson').expect(200);
      expect(res.headers['content-type']).toContain('application/geo+json');
      const outlines = JSON.parse(res.text) as { features: Array<{ properties: { code: string; nom: string }; geometry: { type: string } }> };
      expect(outlines.features.map((f) => f.properties)).toEqual([{ code: '95', nom: 'Val-d\'Oise' }]);
      await request(t.http).get('/api/map/departements.geojson').set('If-None-Match', res.headers.etag).expect(304);
      const page = (await request(t.http).get('/projets-publics/carte').expect(200)).text;
      expect(page).toContain('data-outlines="/api/map/communes.geojson?departement=95"');
      expect(page).not.toContain('Projets publiés par département');
    });
  });

  describe('the public map page', () => {
    const page = async (path: string) => (await request(t.http).get(path).expect(200)).text;
    /** The fiches a page links to: the map's table rows, the search's cards. */
    const fiches = (html: string, before: string) =>
      [...html.matchAll(new RegExp(`${before}<a href="/projets-publics/projets/([0-9a-f-]{36})">`, 'g'))].map((m) => m[1]).sort();
    /** The projects drawn on the picture without JavaScript (the legend's dot is not one). */
    const points = (html: string) => html.match(/<circle cx="[\d.]+" cy="[\d.]+" r="5">/g)?.length ?? 0;
    const scriptData = async (html: string) => {
      const url = /data-projects="([^"]+)"/.exec(html)![1].replaceAll('&amp;', '&');
      const geo = JSON.parse((await request(t.http).get(url).expect(200)).text) as { features: Feature[] };
      return { url, ids: geo.features.map((f) => f.id).sort() };
    };

    it('says so, and draws nothing, when no published project has the words asked for', async () => {
      expect(fiches(await page('/projets-publics/carte'), '<tr><td>').length).toBeGreaterThan(1);
      const map = await page('/projets-publics/carte?q=zzzz');
      expect(map).toContain('<p role="status">Aucun projet publié ne correspond.</p>');
      expect(map).toContain('<p>Aucun projet publié ne correspond à ces filtres.</p>');
      expect(fiches(map, '<tr><td>')).toEqual([]);
      // The picture without JavaScript: no point, no commune coloured; the table per commune is empty.
      expect(points(map)).toBe(0);
      expect(map).toContain('(0 communes)');
      expect(map).toContain('value="zzzz"');
      const data = await scriptData(map);
      expect(data.url).toContain('q=zzzz');
      expect(data.ids).toEqual([]);
    });

    it('finds the same projects as the search page for the same words, in its count, picture, table and data', async () => {
      for (const words of ['lavoir', 'LAVOIR restaure', 'Vigny', 'école', 'ecole bois', 'halte fontaine']) {
        const q = encodeURIComponent(words);
        const found = fiches(await page(`/projets-publics/recherche?q=${q}`), '<h3>');
        const map = await page(`/projets-publics/carte?q=${q}`);
        const n = found.length;
        expect(map).toContain(`<p role="status">${n === 0 ? 'Aucun projet publié ne correspond.' : n === 1 ? '1 projet publié' : `${n} projets publiés`}</p>`);
        expect(fiches(map, '<tr><td>')).toEqual(found);
        expect(points(map)).toBe(n);
        expect((await scriptData(map)).ids).toEqual(found);
      }
      // The words narrow the search: one project for the wash-house, several for the school.
      expect(fiches(await page('/projets-publics/carte?q=lavoir'), '<tr><td>')).toHaveLength(1);
    });
  });

  describe('the OpenAPI document', () => {
    it('documents the three map endpoints', async () => {
      const doc = (await request(t.http).get('/api/openapi.json').expect(200)).body;
      expect(doc.paths['/api/projects/{id}/location'].put.responses).toHaveProperty('422');
      expect(doc.paths['/api/map/projects'].get.responses['200'].content).toHaveProperty('application/geo+json');
      expect(doc.paths['/api/map/communes.geojson'].get).toBeDefined();
      expect(doc.components.schemas.PublicProjectSummaryDto.properties).toHaveProperty('location');
    });

    it('describes exactly what the map endpoints answer (checked with Ajv)', async () => {
      const doc = (await request(t.http).get('/api/openapi.json').expect(200)).body;
      // strict off: OpenAPI's own keywords (example, nullable…) are not JSON Schema's; `nullable` is understood by Ajv.
      const ajv = new Ajv({ strict: false, allErrors: true });
      (addFormats as unknown as (a: Ajv) => void)(ajv);
      const check = (path: string, method: 'get' | 'put', status: number, type: string, body: unknown) => {
        const media = doc.paths[path][method].responses[String(status)].content[type];
        const validate = ajv.compile({ ...media.schema, components: doc.components });
        validate(body);
        expect(validate.errors ?? []).toEqual([]);
      };
      check('/api/map/projects', 'get', 200, 'application/geo+json', await mapOf(agent));
      check('/api/map/settings', 'get', 200, 'application/json', (await request(t.http).get('/api/map/settings').expect(200)).body);
      check('/api/map/communes.geojson', 'get', 200, 'application/geo+json', JSON.parse((await request(t.http).get('/api/map/communes.geojson').expect(200)).text));
      check('/api/map/departements.geojson', 'get', 200, 'application/geo+json', JSON.parse((await request(t.http).get('/api/map/departements.geojson').expect(200)).text));
      const refused = await maire.put(`/api/projects/${projectId}/location`).send({ location: OUTSIDE }).expect(422);
      check('/api/projects/{id}/location', 'put', 422, 'application/problem+json', refused.body);
      const accepted = await maire.put(`/api/projects/${projectId}/location`).send({ location: null }).expect(200);
      check('/api/projects/{id}/location', 'put', 200, 'application/json', accepted.body);
    });
  });
});
