import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectAccessible, expectNoHorizontalScroll, screenshot, whoIsLoggedIn } from './helpers.ts';

/*
 * Issue #17 in a browser: an instance of the Val-d'Oise and the Yvelines (DEPARTEMENTS=95,78), started
 * by this file on its own port and data folder, as `DEPARTEMENTS=95,78 npm start` would.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.BROWSER_TEST_PORT ?? 3100) + 7;
const base = `http://127.0.0.1:${port}`;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let server: ChildProcess;
let dataDir: string;

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: base });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = mkdtempSync(join(tmpdir(), 'carnet-departements-'));
  server = spawn(process.execPath, [join(repoRoot, 'apps/api/dist/main.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEPARTEMENTS: '95,78', DEPARTEMENT: '', WORKERS: '1', LOG_LEVEL: 'error', NODE_ENV: 'test', DEMO_DATA: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 100_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the Val-d’Oise + Yvelines instance did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  await new Promise((r) => (server?.exitCode !== null ? r(null) : server.once('exit', r)));
  rmSync(dataDir, { recursive: true, force: true });
});

async function logInAs(page: Page, displayName: string): Promise<void> {
  await page.goto('/connexion');
  await page.getByRole('button', { name: `Se connecter en tant que ${displayName}` }).click();
  await expect(whoIsLoggedIn(page)).toContainText(displayName);
}

test('the Yvelines’ agent works on the Yvelines’ projects only, and says so in the header', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await logInAs(page, 'Camille Laurent');
  await expect(whoIsLoggedIn(page)).toHaveText('Camille Laurent — Agent du Département des Yvelines');
  await expect(page.getByRole('link', { name: 'Agrandissement de la cantine scolaire' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mise en accessibilité de la mairie' })).toBeVisible();
  await expect(page.getByText('Réfection de la toiture de l’école élémentaire')).toHaveCount(0);
  await expectAccessible(page, 'the Yvelines agent’s projects');
  await screenshot(page, 'departements-agent-78-projects-desktop');

  // Her map draws the Yvelines' communes.
  await page.goto('/carte');
  await expect(page.getByRole('heading', { level: 1, name: /Carte/ })).toBeVisible();
  await expect(page.locator('.leaflet-overlay-pane path').first()).toBeVisible({ timeout: 20_000 });
  const communes = await page.locator('.leaflet-overlay-pane path').count();
  expect(communes).toBeGreaterThan(250);
  await expectAccessible(page, 'the Yvelines agent’s map');
  await screenshot(page, 'departements-agent-78-map-desktop');
});

test('the national administrator sees the Départements served and invites an administrator for one of them', async ({ page }) => {
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    await logInAs(page, 'Hugo Lefort');
    // Home is the Départements: a national administrator sees no project.
    await expect(page).toHaveURL(/\/administration\/departements$/);
    const table = page.getByRole('table', { name: /Départements servis/ });
    await expect(table.getByRole('rowheader', { name: 'Val-d’Oise (95)' })).toBeVisible();
    await expect(table.getByRole('rowheader', { name: 'Yvelines (78)' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, `the national administrator’s Départements (${size.width} px)`);
    await screenshot(page, `departements-national-overview-${size.width}`);
    await page.context().clearCookies();
  }

  await logInAs(page, 'Hugo Lefort');
  await page.getByRole('navigation', { name: 'Sections de l’administration' }).getByRole('link', { name: 'Comptes des départements' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Inviter une personne' })).toBeVisible();
  // Sent without a Département: the form says which field to fill, in French.
  await page.getByLabel('Prénom et nom').fill('Inès Roy');
  await page.getByLabel('Adresse e-mail').fill('ines.roy@yvelines.example');
  await page.getByLabel('Type de compte', { exact: true }).last().selectOption('departement_admin');
  await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await expect(page.getByText('Choisissez le département pour lequel cette personne travaillera.')).toBeVisible();
  await expectAccessible(page, 'the invitation form with its error');
  await page.getByLabel('Département').selectOption('78');
  await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await expect(page.getByText('Invitation envoyée à Inès Roy (ines.roy@yvelines.example).')).toBeVisible();
  const pending = page.getByRole('table', { name: /Invitations en attente/ });
  await expect(pending.getByRole('row', { name: /Inès Roy/ })).toContainText('Yvelines');
  await expectAccessible(page, 'the national administrator’s accounts, an invitation sent');
  await screenshot(page, 'departements-national-accounts-desktop');
});

test('a visitor browses the Yvelines’ portal and sees only its published projects; the national home shows both', async ({ page }) => {
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    await page.goto('/projets-publics');
    await expect(page.getByRole('heading', { level: 1, name: 'Projets des communes du Val-d’Oise et des Yvelines' })).toBeVisible();
    // An instance of several Départements is named after none of them (SITE_NAME not set).
    await expect(page).toHaveTitle('Accueil — Projets publics — Carnet de projets');
    await page.getByRole('navigation', { name: 'Par département' }).getByRole('link', { name: 'Yvelines (78)' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Projets des communes des Yvelines' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Une mairie accessible à tous' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Une cour d’école désimperméabilisée et ombragée' })).toHaveCount(0);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, `the Yvelines’ portal (${size.width} px)`);
    await screenshot(page, `departements-portal-78-${size.width}`);
  }
  // The national map draws the two Départements served; a Département's row leads to its own map.
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    await page.goto('/projets-publics/carte');
    await expect(page.getByRole('heading', { level: 1, name: 'Carte des projets publiés' })).toBeVisible();
    await expect(page.locator('.leaflet-overlay-pane path').first()).toBeVisible({ timeout: 20_000 });
    expect(await page.locator('.leaflet-overlay-pane path').count()).toBe(2);
    // Both have 1 to 9 published projects: the legend's second blue, read from the page by the script.
    expect(await page.locator('.leaflet-overlay-pane path').evaluateAll((paths) => paths.map((p) => p.getAttribute('fill')))).toEqual(['#c6dbef', '#c6dbef']);
    await expect(page.getByRole('region', { name: 'Projets publiés par département' }).getByRole('row', { name: /Yvelines \(78\) 1/ })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, `the national map (${size.width} px)`);
    await screenshot(page, `departements-portal-national-map-${size.width}`);
  }
  await page.getByRole('region', { name: 'Projets publiés par département' }).getByRole('link', { name: 'Yvelines (78)' }).click();
  await expect(page).toHaveURL(/\/projets-publics\/carte\?departement=78$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Carte des projets publiés des Yvelines' })).toBeVisible();
  // The interactive map draws the Yvelines' communes (the picture without JavaScript is tested with the API).
  await expect(page.locator('.leaflet-overlay-pane path').first()).toBeVisible({ timeout: 20_000 });
  expect(await page.locator('.leaflet-overlay-pane path').count()).toBeGreaterThan(250);
  await expect(page.getByRole('link', { name: 'Val-d’Oise', exact: true })).toHaveAttribute('href', '/projets-publics/carte?departement=95');
  await expectAccessible(page, 'the Yvelines’ portal map');
  await screenshot(page, 'departements-portal-78-map-desktop');
});
