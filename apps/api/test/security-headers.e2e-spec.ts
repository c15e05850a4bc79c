import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startApp } from './harness.js';

type App = Awaited<ReturnType<typeof startApp>>;

/** A built web app as small as Angular's: the server only needs its index.html to serve the app's routes. */
function fakeWebDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'carnet-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="fr"><head><title>Carnet</title></head><body><app-root></app-root><script src="main.js" type="module"></script></body></html>');
  return dir;
}

/** The Content-Security-Policy header as a map of directive → sources. */
function csp(header: string | undefined): Map<string, string[]> {
  expect(header).toBeDefined();
  return new Map(
    header!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

const APP_PAGES = ['/connexion', '/projets/nouveau', '/recherche', '/tableau-de-bord', '/mon-compte', '/audit', '/administration/comptes', '/accessibilite', '/mentions-legales', '/donnees-personnelles', '/une-page-inconnue'];
const PORTAL_PAGES = ['/projets-publics', '/projets-publics/recherche', '/projets-publics/communes', '/projets-publics/accessibilite', '/projets-publics/mentions-legales', '/projets-publics/donnees-personnelles'];

function expectCommonHeaders(res: request.Response): void {
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  const policy = csp(res.headers['content-security-policy']);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'self'"]);
  expect(res.headers['content-security-policy']).not.toMatch(/unsafe-eval/);
}

describe('Security headers (ADR 0021)', () => {
  let t: App;
  let webDist: string;
  beforeAll(async () => {
    webDist = fakeWebDist();
    t = await startApp({ webDist });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  describe('on every page of the web app', () => {
    it.each(APP_PAGES)('%s forbids framing, sniffing and any script but the site’s own', async (path) => {
      const res = await request(t.http).get(path).set('Accept', 'text/html').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expectCommonHeaders(res);
      expect(res.headers['strict-transport-security']).toBeUndefined();
    });

    it('gives Angular a fresh nonce for its styles, the one the policy names, and no inline style otherwise', async () => {
      const first = await request(t.http).get('/connexion').set('Accept', 'text/html').expect(200);
      const second = await request(t.http).get('/connexion').set('Accept', 'text/html').expect(200);
      const nonceOf = (res: request.Response) => /<app-root ngCspNonce="([^"]+)"/.exec(res.text)?.[1];
      const nonce = nonceOf(first);
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(nonceOf(second)).not.toBe(nonce);
      const styles = csp(first.headers['content-security-policy']).get('style-src')!;
      expect(styles).toContain(`'nonce-${nonce}'`);
      expect(styles).not.toContain("'unsafe-inline'");
      expect(csp(first.headers['content-security-policy']).get('style-src-attr')).toEqual(["'none'"]);
    });

    it('sends the logged-in home page with the same headers', async () => {
      const mayor = await t.login('persona-maire-95002');
      const res = await mayor.get('/').set('Accept', 'text/html').expect(200);
      expectCommonHeaders(res);
    });
  });

  describe('on the public portal and its legal pages', () => {
    it('sends the same headers on a published project’s page and its commune’s page', async () => {
      const { items } = (await request(t.http).get('/api/public/v1/projects').expect(200)).body as { items: Array<{ pageUrl: string; codeInsee: string }> };
      expect(items.length).toBeGreaterThan(0);
      for (const path of [new URL(items[0].pageUrl, 'http://x').pathname, `/projets-publics/communes/${items[0].codeInsee}`]) {
        expectCommonHeaders(await request(t.http).get(path).expect(200));
      }
    });

    it.each(PORTAL_PAGES)('%s allows its own inline stylesheet by hash, and nothing else inline', async (path) => {
      const res = await request(t.http).get(path).expect(200);
      expectCommonHeaders(res);
      const style = /<style>([\s\S]*?)<\/style>/.exec(res.text)![1];
      const { createHash } = await import('node:crypto');
      const hash = `'sha256-${createHash('sha256').update(style, 'utf8').digest('base64')}'`;
      const styles = csp(res.headers['content-security-policy']).get('style-src')!;
      expect(styles).toContain(hash);
      expect(styles).not.toContain("'unsafe-inline'");
    });
  });

  describe('on the API documentation (Swagger UI)', () => {
    it('keeps scripts strict and allows only inline styles, which Swagger UI writes', async () => {
      const res = await request(t.http).get('/api/docs').expect(200);
      expectCommonHeaders(res);
      const policy = csp(res.headers['content-security-policy']);
      expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
      expect(policy.get('script-src-attr')).toEqual(["'none'"]);
      expect(res.text).not.toMatch(/<script>/);
    });
  });

  describe('on API answers', () => {
    it('marks JSON and problems nosniff and unframable too', async () => {
      expectCommonHeaders(await request(t.http).get('/api/health').expect(200));
      expectCommonHeaders(await request(t.http).get('/api/adresse-inconnue').expect(404));
    });

    it('names no style nonce (an answer with no page draws none), and still no inline style', async () => {
      const res = await request(t.http).get('/api/public/v1/projects').expect(200);
      expectCommonHeaders(res);
      const styles = csp(res.headers['content-security-policy']).get('style-src')!;
      expect(styles[0]).toBe("'self'");
      expect(styles.some((s) => s.startsWith("'nonce-"))).toBe(false);
      expect(styles).not.toContain("'unsafe-inline'");
    });

    it('lets other sites embed the open data, and only the open data', async () => {
      const open = await request(t.http).get('/api/public/v1/projects').expect(200);
      expect(open.headers['cross-origin-resource-policy']).toBe('cross-origin');
      const app = await request(t.http).get('/connexion').set('Accept', 'text/html').expect(200);
      expect(app.headers['cross-origin-resource-policy']).toBe('same-origin');
    });
  });
});

describe('Security headers behind HTTPS, with a map tile server', () => {
  let t: App;
  const saved = { COOKIE_SECURE: process.env.COOKIE_SECURE, MAP_TILE_URL: process.env.MAP_TILE_URL, MAP_TILE_ATTRIBUTION: process.env.MAP_TILE_ATTRIBUTION };
  beforeAll(async () => {
    process.env.COOKIE_SECURE = 'true';
    process.env.MAP_TILE_URL = 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png';
    process.env.MAP_TILE_ATTRIBUTION = '© les contributeurs d’OpenStreetMap';
    t = await startApp();
  });
  afterAll(async () => {
    await t?.close();
    for (const [key, value] of Object.entries(saved)) if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  });

  it('sends HSTS for a year and asks the browser to upgrade insecure requests', async () => {
    const res = await request(t.http).get('/projets-publics').expect(200);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(csp(res.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(true);
  });

  it('allows the tile server’s images, data: and blob: images, and no other origin', async () => {
    const res = await request(t.http).get('/projets-publics').expect(200);
    expect(csp(res.headers['content-security-policy']).get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://*.tile.openstreetmap.org']);
    expect(csp(res.headers['content-security-policy']).get('connect-src')).toEqual(["'self'"]);
  });
});
