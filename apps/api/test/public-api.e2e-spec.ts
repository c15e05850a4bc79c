import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import request from 'supertest';
import type { BlobStore } from '@carnet/blob-store';
import { BLOB_STORE } from '../src/infrastructure/tokens.js';
import { ReadModels } from '../src/shared/read-models.js';
import { startApp } from './harness.js';
import { PublicationScript } from './public-fixtures.js';

type App = Awaited<ReturnType<typeof startApp>>;
type OpenApi = { components: object; paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>> };

const DOC_ID = '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9';
const HIDDEN_DOC = '2b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9';

describe('Public API /api/public/v1', () => {
  let t: App;
  let openapi: OpenApi;
  let ajv: Ajv;
  const published: PublicationScript[] = [];
  const blobKeys: string[] = [];

  beforeAll(async () => {
    t = await startApp({ publicApi: { rateLimitPerMinute: 30, cacheSeconds: 60 } });
    const blobs = t.app.get<symbol, BlobStore>(BLOB_STORE);
    for (const [i, codeInsee] of ['95002', '95446', '95658'].entries()) {
      const p = await new PublicationScript(t, `Projet public ${i}`, codeInsee).finished(i === 0 ? 'ecole' : 'voirie');
      const photo = await blobs.put(Buffer.from(`photo-${i}`));
      const quote = await blobs.put(Buffer.from(`devis-${i}`));
      await p.append('DocumentAdded', { documentId: DOC_ID, version: 1, title: 'Photo', public: true, fileName: 'lavoir été.jpg', mediaType: 'image/jpeg', size: photo.size, sha256: photo.sha256, blobKey: photo.key });
      await p.append('DocumentAdded', { documentId: HIDDEN_DOC, version: 1, title: 'Devis', public: false, fileName: 'devis.pdf', mediaType: 'application/pdf', size: quote.size, sha256: quote.sha256, blobKey: quote.key });
      blobKeys.push(photo.key);
      const content = p.content({ finalCostHt: [38500, 120000, null][i], documents: [{ documentId: DOC_ID, version: 1 }, { documentId: HIDDEN_DOC, version: 1 }] });
      await p.request(1, content);
      await p.approve(1, content);
      published.push(p);
    }
    await t.app.get(ReadModels).current(published.at(-1)!.position);
    openapi = (await request(t.http).get('/api/openapi.json')).body;
    // strict off: OpenAPI's own keywords (example, nullable…) are not JSON Schema's; `nullable` is understood by Ajv.
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
  });
  afterAll(async () => {
    await t.close();
  });

  // Each test speaks from its own address (a reverse proxy on the loopback sets X-Forwarded-For; `trust proxy` is `loopback`).
  let nextAddress = 10;
  const from = () => {
    const ip = `203.0.113.${nextAddress++}`;
    return (path: string) => request(t.http).get(path).set('X-Forwarded-For', ip);
  };

  /** The response matches the schema documented for this path, method and status. */
  function expectMatchesOpenApi(template: string, res: request.Response) {
    const operation = openapi.paths[template]?.get;
    expect(operation).toBeDefined();
    const documented = operation.responses[String(res.status)];
    expect(documented).toBeDefined();
    const type = String(res.headers['content-type'] ?? '').split(';')[0];
    const media = documented.content?.[type];
    if (res.status === 304) return;
    expect(media).toBeDefined();
    // The documented schema, with the document's components beside it so that its $refs resolve.
    const validate = ajv.compile({ ...media!.schema, components: openapi.components });
    const body = type.endsWith('json') ? JSON.parse(res.text) : res.text;
    const ok = validate!(body);
    expect(validate!.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  }

  describe('the OpenAPI document', () => {
    it('is a valid OpenAPI document', async () => {
      // Checked against the official OpenAPI JSON Schema of its version, $refs resolved.
      const validator = new Validator();
      const result = await validator.validate(structuredClone(openapi) as never);
      expect(result.errors ?? []).toEqual([]);
      expect(result.valid).toBe(true);
      expect(validator.version).toMatch(/^3\./);
      validator.resolveRefs();
    });

    it('serves the public operations alone at /api/public/v1/openapi.json: a valid document, readable from any site, cacheable', async () => {
      const res = await from()('/api/public/v1/openapi.json').set('Origin', 'https://reutilisateur.example').expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      const doc = res.body as OpenApi & { openapi: string; info: { title: string } };
      const paths = Object.keys(doc.paths);
      // Every public path of the complete document, and nothing else.
      expect(paths.sort()).toEqual(Object.keys(openapi.paths).filter((p) => p.startsWith('/api/public/')).sort());
      expect(paths.every((p) => p.startsWith('/api/public/'))).toBe(true);
      expect(paths).toEqual(expect.arrayContaining(['/api/public/v1/projects', '/api/public/v1/changes', '/api/public/v1/faq', '/api/public/v1/openapi.json']));
      expect(doc.info.title).toContain('API publique');
      // Valid, every $ref resolved within it; and no internal schema left in it.
      const validator = new Validator();
      const result = await validator.validate(structuredClone(doc) as never);
      expect(result.errors ?? []).toEqual([]);
      expect(result.valid).toBe(true);
      const schemas = Object.keys((doc.components as { schemas: object }).schemas);
      expect(schemas).toEqual(expect.arrayContaining(['PublicProjectDto', 'ProblemDto']));
      expect(schemas).not.toContain('CreateProjectRequestDto');
      expect(JSON.stringify(doc)).not.toContain('/api/projects');
      // Cached like every public answer.
      expect((await from()('/api/public/v1/openapi.json').set('If-None-Match', res.headers.etag)).status).toBe(304);
      const preflight = await request(t.http).options('/api/public/v1/openapi.json').set('Origin', 'https://reutilisateur.example');
      expect(preflight.status).toBe(204);
    });

    it('lets any site read the complete document /api/openapi.json too (CORS)', async () => {
      const res = await request(t.http).get('/api/openapi.json').set('Origin', 'https://reutilisateur.example').expect(200);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['set-cookie']).toBeUndefined();
      const preflight = await request(t.http).options('/api/openapi.json').set('Origin', 'https://reutilisateur.example').set('Access-Control-Request-Method', 'GET');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('*');
    });

    it('documents every public endpoint with examples', () => {
      for (const path of ['/api/public/v1/projects', '/api/public/v1/projects/{id}', '/api/public/v1/communes', '/api/public/v1/changes', '/api/public/v1/exports/projects.csv', '/api/public/v1/exports/projects.geojson']) {
        expect(openapi.paths[path]?.get).toBeDefined();
      }
      expect(JSON.stringify(openapi.components)).toContain('"example":"Ableiges"');
    });
  });

  describe('every public response', () => {
    it('matches the OpenAPI document', async () => {
      const get = from();
      const id = published[0].projectId;
      const list = await get('/api/public/v1/projects?limit=2');
      const cases: Array<[string, request.Response]> = [
        ['/api/public/v1/projects', list],
        ['/api/public/v1/projects', await get(`/api/public/v1/projects?limit=2&cursor=${list.body.next}`)],
        ['/api/public/v1/projects', await get('/api/public/v1/projects?theme=ecole&commune=95002&year=2026&costBand=moins-50000&updatedSince=2020-01-01')],
        ['/api/public/v1/projects', await get('/api/public/v1/projects?theme=piscine&cursor=zzz')],
        ['/api/public/v1/projects/{id}', await get(`/api/public/v1/projects/${id}`)],
        ['/api/public/v1/projects/{id}', await get('/api/public/v1/projects/00000000-0000-4000-8000-000000000000')],
        ['/api/public/v1/communes', await get('/api/public/v1/communes')],
        ['/api/public/v1/changes', await get('/api/public/v1/changes')],
        ['/api/public/v1/changes', await get('/api/public/v1/changes?after=bad')],
        ['/api/public/v1/exports/projects.csv', await get('/api/public/v1/exports/projects.csv')],
        ['/api/public/v1/exports/projects.geojson', await get('/api/public/v1/exports/projects.geojson')],
        ['/api/public/v1/projects/{id}/documents/{documentId}', await get(`/api/public/v1/projects/${id}/documents/${HIDDEN_DOC}`)],
      ];
      expect(cases.map(([, r]) => r.status)).toEqual([200, 200, 200, 400, 200, 404, 200, 200, 400, 200, 200, 404]);
      for (const [template, res] of cases) expectMatchesOpenApi(template, res);
    });
  });

  describe('lists', () => {
    it('page with an opaque cursor, most recently approved first, without repeats', async () => {
      const get = from();
      const seen: string[] = [];
      let cursor = '';
      for (let i = 0; i < 10; i++) {
        const page = await get(`/api/public/v1/projects?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.body.items.map((p: { id: string }) => p.id));
        if (!page.body.next) break;
        expect(page.body.next).not.toMatch(/^\d+$/);
        cursor = page.body.next;
      }
      const ours = seen.filter((id) => published.some((p) => p.projectId === id));
      expect(ours).toEqual(published.map((p) => p.projectId).reverse());
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('filter by theme, commune, year and cost band', async () => {
      const get = from();
      const ids = async (q: string) => (await get(`/api/public/v1/projects?${q}`)).body.items.map((p: { id: string }) => p.id);
      expect(await ids('theme=ecole')).toEqual([published[0].projectId]);
      expect(await ids('commune=95446')).toEqual([published[1].projectId]);
      // The demo city-stade of Vigny (118 000 € HT) is in that band too.
      const band = await ids('costBand=50000-200000');
      expect(band).toContain(published[1].projectId);
      expect(band).not.toContain(published[0].projectId);
      expect(band).not.toContain(published[2].projectId);
      const uncosted = await ids('costBand=non-communique');
      expect(uncosted).toContain(published[2].projectId);
      expect(uncosted).not.toContain(published[0].projectId);
      expect(await ids(`year=${new Date().getFullYear()}&commune=95002&theme=ecole`)).toEqual([published[0].projectId]);
      expect(await ids('updatedSince=2999-01-01')).toEqual([]);
      // RFC 3339 lets a space stand for the T, and the parameter's pattern says so.
      expect(await ids('updatedSince=2999-01-01%2008:00:00')).toEqual([]);
      expect((await ids('updatedSince=2000-01-01%2008:00:00Z')).length).toBeGreaterThan(0);
    });

    it('refuse a day the calendar does not have in updatedSince, with a 400 problem in French, instead of reading 2026-02-30 as 2 March', async () => {
      for (const value of ['2026-02-30', '2026-04-31', '2026-02-29', '2026-02-30T08:00:00Z', '2026-04-31%2008:00', '2025-13-01', '2026-01-32', '2026-01-01T25:00:00Z', 'hier']) {
        const get = from(); // an address per value: the rate limit of this suite is 30 a minute
        for (const path of ['/api/public/v1/projects', '/api/public/v1/exports/projects.csv', '/api/public/v1/exports/projects.geojson']) {
          const res = await get(`${path}?updatedSince=${value}`);
          expect([value, path, res.status]).toEqual([value, path, 400]);
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(res.body).toMatchObject({ status: 400, title: 'Certains paramètres sont invalides', type: 'urn:carnet-de-projets:probleme:validation' });
          expect(res.body.errors).toEqual([{ field: 'updatedSince', message: expect.stringMatching(/Date ISO 8601 attendue/) }]);
        }
      }
      const get = from();
      const impossible = await get('/api/public/v1/projects?updatedSince=2026-02-30');
      expect(impossible.body.errors[0].message).toBe('Le jour « 2026-02-30 » n’existe pas dans le calendrier. Date ISO 8601 attendue, par exemple 2026-01-31 ou 2026-01-31T08:00:00Z.');
      expectMatchesOpenApi('/api/public/v1/projects', impossible);
      // Real days still pass: the end of a month, a leap day, a date and time with its zone.
      for (const value of ['2026-02-28', '2028-02-29', '2026-04-30T23:59:59%2B02:00', '2026-12-31%2008:00:00Z']) expect([value, (await get(`/api/public/v1/projects?updatedSince=${value}`)).status]).toEqual([value, 200]);
    });

    it('filter by Département (issue #17): its communes’ projects, none of another, a clear 400 for an unknown code', async () => {
      const get = from();
      const all = (await get('/api/public/v1/projects?limit=100')).body;
      const valDOise = (await get('/api/public/v1/projects?limit=100&departement=95')).body;
      expect(valDOise.total).toBe(all.total);
      expect(valDOise.items.map((p: { id: string }) => p.id)).toEqual(all.items.map((p: { id: string }) => p.id));
      expect((await get('/api/public/v1/projects?departement=95&commune=95446')).body.items.map((p: { id: string }) => p.id)).toEqual([published[1].projectId]);
      for (const other of ['78', '2A', '971', '01']) expect((await get(`/api/public/v1/projects?departement=${other}`)).body).toMatchObject({ items: [], total: 0 });
      const unknown = await get('/api/public/v1/projects?departement=99');
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([{ field: 'departement', message: 'Département inconnu : son code officiel, par exemple 95, 2A ou 971.' }]);
      const csv = await get('/api/public/v1/exports/projects.csv?departement=78');
      expect(csv.text.slice(1).split('\r\n').filter(Boolean)).toHaveLength(1); // the header line only
      expect(JSON.parse((await get('/api/public/v1/exports/projects.geojson?departement=78')).text).features).toEqual([]);
      expect(JSON.parse((await get('/api/public/v1/exports/projects.geojson?departement=95')).text).features.length).toBe(all.total);
      // The portal's search takes the same filter, and its pages keep it.
      expect((await get('/projets-publics/recherche?departement=95')).text).toContain('Projet public 0');
      const yvelines = (await get('/projets-publics/recherche?departement=78')).text;
      expect(yvelines).not.toContain('Projet public 0');
      // The page says why, and its form sends the filter again.
      expect(yvelines).toContain('Département : Yvelines (78) seulement.');
      expect(yvelines).toContain('<input type="hidden" name="departement" value="78">');
    });

    it('filter by words (q) as the portal’s search does, through pages and exports alike', async () => {
      const get = from();
      const searched = [...(await get('/projets-publics/recherche?q=toit%20TUILES')).text.matchAll(/<h3><a href="\/projets-publics\/projets\/([0-9a-f-]{36})">/g)].map((m) => m[1]);
      expect(searched).toEqual(published.map((p) => p.projectId).reverse());
      const seen: string[] = [];
      let cursor = '';
      for (let i = 0; i < 5; i++) {
        const page = (await get(`/api/public/v1/projects?q=toit%20TUILES&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body;
        expect(page.total).toBe(searched.length);
        seen.push(...page.items.map((p: { id: string }) => p.id));
        if (!page.next) break;
        cursor = page.next;
      }
      expect(seen).toEqual(searched);
      expect((await get('/api/public/v1/projects?q=Nesles&theme=voirie')).body.items.map((p: { id: string }) => p.id)).toEqual([published[1].projectId]);
      expect((await get('/api/public/v1/projects?q=zzzz')).body).toMatchObject({ items: [], total: 0, next: null });
      expect(JSON.parse((await get('/api/public/v1/exports/projects.geojson?q=zzzz')).text).features).toEqual([]);
      expect((await get('/api/public/v1/exports/projects.csv?q=Ableiges')).text.slice(1).split('\r\n').filter(Boolean)).toHaveLength(1 + (await get('/api/public/v1/projects?q=Ableiges')).body.total);
    });

    it('count the published projects of each commune', async () => {
      const communes = (await from()('/api/public/v1/communes')).body.items as Array<{ codeInsee: string; publishedProjects: number }>;
      expect(communes.find((c) => c.codeInsee === '95446')).toMatchObject({ name: 'Nesles-la-Vallée', publishedProjects: 1 });
    });
  });

  describe('caching', () => {
    it('answers 304 to If-None-Match with the ETag, and says public, max-age=60', async () => {
      const get = from();
      const first = await get('/api/public/v1/projects');
      expect(first.headers['cache-control']).toBe('public, max-age=60');
      expect(first.headers.etag).toMatch(/^"[^"]+"$/);
      const again = await get('/api/public/v1/projects').set('If-None-Match', first.headers.etag);
      expect(again.status).toBe(304);
      expect(again.text ?? '').toBe('');
    });

    it('needs no cookie and lets any origin read (CORS)', async () => {
      const res = await from()('/api/public/v1/projects').set('Origin', 'https://exemple.org');
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['set-cookie']).toBeUndefined();
      const preflight = await request(t.http).options('/api/public/v1/projects').set('Origin', 'https://exemple.org').set('Access-Control-Request-Headers', 'if-none-match');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-headers']).toMatch(/If-None-Match/);
    });
  });

  describe('exports', () => {
    it('CSV: UTF-8 with BOM, « ; », CRLF, quoted fields, one line per published project', async () => {
      const res = await from()('/api/public/v1/exports/projects.csv');
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.text.charCodeAt(0)).toBe(0xfeff);
      const lines = res.text.slice(1).split('\r\n');
      expect(lines[0]).toBe('id;titre;code_insee;commune;theme;theme_libelle;annee_achevement;cout_final_ht_euros;tranche_cout;financements;resume;retour_experience;version_approuvee;empreinte_sha256;date_publication;fiche');
      const row = lines.find((l) => l.startsWith(published[0].projectId))!;
      expect(row).toContain(';Projet public 0;95002;Ableiges;ecole;');
      expect(row).toContain(';38500;');
      expect(lines.at(-1)).toBe('');
    });

    it('GeoJSON: a valid RFC 7946 FeatureCollection with a WGS 84 [lon, lat] point per project', async () => {
      const res = await from()('/api/public/v1/exports/projects.geojson');
      expect(res.headers['content-type']).toBe('application/geo+json');
      const geo = JSON.parse(res.text);
      expect(geo.type).toBe('FeatureCollection');
      expect(geo.crs).toBeUndefined(); // RFC 7946 §4: no crs member, WGS 84 only
      const ours = geo.features.filter((f: { id: string }) => published.some((p) => p.projectId === f.id));
      expect(ours).toHaveLength(3);
      for (const feature of geo.features) {
        expect(feature.type).toBe('Feature');
        expect(feature.geometry.type).toBe('Point');
        const [lon, lat] = feature.geometry.coordinates;
        expect(feature.geometry.coordinates).toHaveLength(2);
        // The Val d'Oise: longitude about 1.6–2.6 °E, latitude about 48.9–49.3 °N — the order matters.
        expect(lon).toBeGreaterThan(1.5);
        expect(lon).toBeLessThan(2.7);
        expect(lat).toBeGreaterThan(48.8);
        expect(lat).toBeLessThan(49.3);
        expect(typeof feature.properties).toBe('object');
      }
      const ableiges = ours.find((f: { properties: { codeInsee: string } }) => f.properties.codeInsee === '95002');
      expect(ableiges.properties).toMatchObject({ title: 'Projet public 0', communeName: 'Ableiges' });
    });
  });

  describe('documents', () => {
    it('serves a public document listed in the approved content, and nothing else', async () => {
      const get = from();
      const id = published[0].projectId;
      const ok = await get(`/api/public/v1/projects/${id}/documents/${DOC_ID}`);
      expect(ok.status).toBe(200);
      expect(ok.headers['content-disposition']).toMatch(/^attachment;/);
      expect(Buffer.isBuffer(ok.body) ? ok.body.toString() : ok.text).toBe('photo-0');
      // Listed in the content but not public: never served, never listed.
      expect((await get(`/api/public/v1/projects/${id}/documents/${HIDDEN_DOC}`)).status).toBe(404);
      const project = (await get(`/api/public/v1/projects/${id}`)).body;
      expect(project.documents.map((d: { id: string }) => d.id)).toEqual([DOC_ID]);
      expect(JSON.stringify(project)).not.toContain(blobKeys[0]);
      // The portal's project page shows the pictures among its public documents.
      const page = await request(t.http).get(new URL(project.pageUrl, 'http://localhost').pathname).set('X-Forwarded-For', '203.0.113.250');
      expect(page.status).toBe(200);
      expect(page.text).toContain(`<img src="/api/public/v1/projects/${id}/documents/${DOC_ID}" alt="Photo" loading="lazy">`);
    });
  });

  describe('document downloads', () => {
    it('answer 304 without a body to If-None-Match naming the file’s SHA-256, alone, in a list or as *', async () => {
      const get = from();
      const id = published[0].projectId;
      const url = `/api/public/v1/projects/${id}/documents/${DOC_ID}`;
      const sha256 = (await get(`/api/public/v1/projects/${id}`)).body.documents[0].sha256 as string;
      const first = await get(url);
      expect(first.status).toBe(200);
      expect(first.headers.etag).toBe(`"${sha256}"`);
      // W/ as well: If-None-Match compares weakly (RFC 9110 §13.1.2), and a proxy that compresses weakens the tag.
      for (const tags of [`"${sha256}"`, `"autre", "${sha256}"`, '*', `W/"${sha256}"`]) {
        const again = await get(url).set('If-None-Match', tags);
        expect(again.status).toBe(304);
        expect(again.headers.etag).toBe(`"${sha256}"`);
        expect(again.headers['cache-control']).toBe('public, max-age=60');
        expect(again.headers['content-disposition']).toBeUndefined();
        expect(Buffer.isBuffer(again.body) ? again.body.length : (again.text ?? '').length).toBe(0);
        expectMatchesOpenApi('/api/public/v1/projects/{id}/documents/{documentId}', again);
      }
      for (const tags of ['"autre"', `"${sha256.slice(1)}"`, sha256]) {
        const full = await get(url).set('If-None-Match', tags);
        expect(full.status).toBe(200);
        expect(Buffer.isBuffer(full.body) ? full.body.toString() : full.text).toBe('photo-0');
      }
      // A document outside the approved version stays a 404, whatever the client holds.
      expect((await get(`/api/public/v1/projects/${id}/documents/${HIDDEN_DOC}`).set('If-None-Match', '*')).status).toBe(404);
    });
  });

  describe('rate limiting', () => {
    it('answers 429 with Retry-After to an address that hammers the API; other addresses are unaffected', async () => {
      const hammer = from();
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await hammer('/api/public/v1/communes')).status);
      expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
      expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
      const limited = await hammer('/api/public/v1/projects');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(limited.body).toMatchObject({ status: 429, title: 'Trop de requêtes' });
      expect(limited.body.detail).toMatch(/Réessayez dans \d+ seconde/);
      expectMatchesOpenApi('/api/public/v1/projects', limited);
      // Another client address, same moment: served.
      expect((await from()('/api/public/v1/projects')).status).toBe(200);
    });
  });
});
