import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { loadConfig } from '../src/config.js';
import { demoPng } from '../src/demo/demo-files.js';
import { startApp } from './harness.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const MAIN = join(ROOT, 'apps/api/dist/main.js');

/** The identity a Département sets without code (issue #16): SITE_NAME, LOGO_FILE, BRAND_COLOR. */
describe('the identity settings', () => {
  describe('when BRAND_COLOR fails the contrast with white', () => {
    it('refuses to start, with a message that says why and exit code 1', () => {
      const run = spawnSync(process.execPath, [MAIN], {
        cwd: ROOT,
        env: { ...process.env, NODE_OPTIONS: '', BRAND_COLOR: '#f5a623', PORT: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'carnet-brand-')) },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('Configuration refusée : BRAND_COLOR #f5a623 n’est pas assez contrastée avec le blanc');
    });
  });

  describe('when SITE_NAME, LOGO_FILE and BRAND_COLOR are set', () => {
    const logo = demoPng(4, 4, () => [106, 27, 77]);
    let app: Awaited<ReturnType<typeof startApp>>;
    beforeAll(async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'carnet-logo-')), 'logo.png');
      writeFileSync(file, logo);
      const { brand } = loadConfig({ SITE_NAME: 'Projets des communes du 95', LOGO_FILE: file, BRAND_COLOR: '#6a1b4d' });
      app = await startApp({ brand, demoData: false });
    });
    afterAll(() => app.close());

    it('serves the logo file to the app and the portal', async () => {
      const res = await request(app.http).get('/marque/logo').expect(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(Buffer.from(res.body)).toEqual(logo);
    });

    it('writes the name, the colour and the favicon into the web app’s page and the portal', async () => {
      const page = (await request(app.http).get('/connexion').set('Accept', 'text/html').expect(200)).text;
      expect(page).toContain('<title>Projets des communes du 95</title>');
      expect(page).toContain('--color-primary:#6a1b4d');
      expect(page).toContain('href="/marque/favicon.svg"');
      const portal = (await request(app.http).get('/projets-publics').expect(200)).text;
      expect(portal).toContain('Projets des communes du 95');
      expect(portal).toContain('--primary:#6a1b4d');
      const favicon = await request(app.http).get('/marque/favicon.svg').expect(200);
      expect(favicon.headers['content-type']).toContain('image/svg+xml');
    });
  });
});
