import { expect, test, type Page } from '@playwright/test';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectAccessible, expectNoHorizontalScroll, logInAsDemo, logInThroughApi, openMenuOnPhone, openProjectSection, screenshot } from './helpers.ts';

const shot = (name: string) => resolve(dirname(fileURLToPath(import.meta.url)), 'screenshots', `${name}.png`);

/** The project page of a demo project, from the projects list. */
async function openProject(page: Page, title: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** The commune's outline is drawn (SVG paths in Leaflet's overlay pane). */
async function expectOutlines(page: Page, scope = page.locator('body')): Promise<void> {
  // Leaflet clips the outlines out of view to an empty path (« M0 0 »).
  await expect(scope.locator('.leaflet-overlay-pane path:not([d="M0 0"])').first()).toBeVisible();
}

test.describe('Map of projects in the app', () => {
  test('the mayor places a project by clicking on the map (desktop), sees it in the history; a point outside is refused', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await logInAsDemo(page, 'Claire Martin');
    await openProject(page, 'Passage de l’éclairage public en LED');
    await openProjectSection(page, 'Carte');
    const section = page.getByRole('region', { name: 'Carte', exact: true });
    await expect(section.getByText('Le projet est placé sur la commune entière')).toBeVisible();
    const map = section.getByRole('region', { name: /^Carte du projet et de sa commune/ });
    await expectOutlines(page, section);
    await map.scrollIntoViewIfNeeded();
    await map.click(); // the middle of Ableiges
    await expect(section.getByLabel('Latitude (nord)')).toHaveValue(/^49,0\d{4}/);
    await expect(section.getByRole('button', { name: /Point choisi, pas encore enregistré/ })).toBeVisible();
    await section.getByRole('button', { name: 'Enregistrer ce point' }).click();
    await expect(section.getByText('Le point du projet a été enregistré')).toBeVisible();
    await expect(section.getByText(/Emplacement : point précis 49,0\d{4} N, 1,9\d{4} E/)).toBeVisible();
    await expectAccessible(page, 'the project page with its map, after placing the point');
    await screenshot(page, 'map-project-desktop');
    await openProjectSection(page, 'Historique');
    await expect(page.getByRole('region', { name: 'Historique' }).getByText(/Emplacement précisé sur la carte \(49,0\d{4} N, 1,9\d{4} E\)/)).toBeVisible();
    await openProjectSection(page, 'Carte');

    // A point typed outside the commune (in Paris's direction) is refused, and said why.
    await section.getByLabel('Latitude (nord)').fill('49,0');
    await section.getByLabel('Longitude (est)').fill('2,3');
    await section.getByRole('button', { name: 'Enregistrer ce point' }).click();
    const alert = section.getByRole('alert');
    await expect(alert).toContainText('Ce point est en dehors de la commune (à 24,1 km de ses limites)');
    await expect(alert.locator('.alert--error')).toBeFocused();
    await expectAccessible(page, 'the project map with a refused point');
    await section.screenshot({ path: shot('map-project-refused') });
  });

  test('on a phone, a mayor places their project by tapping the map', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    // A mayor no other journey changes (the seats journey replaces Nesles-la-Vallée's).
    await logInAsDemo(page, 'Mathilde Perrin');
    await openProject(page, 'Liaison piétonne et cyclable vers la gare');
    await openProjectSection(page, 'Carte');
    const section = page.getByRole('region', { name: 'Carte', exact: true });
    const map = section.getByRole('region', { name: /^Carte du projet et de sa commune/ });
    await expectOutlines(page, section);
    await map.scrollIntoViewIfNeeded();
    await map.click();
    await section.getByRole('button', { name: 'Enregistrer ce point' }).click();
    await expect(section.getByText('Le point du projet a été enregistré')).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'the project map on a phone');
    await section.screenshot({ path: shot('map-project-phone') });
    await openProjectSection(page, 'Historique');
    await expect(page.getByRole('region', { name: 'Historique' }).getByText(/Emplacement précisé sur la carte/)).toBeVisible();
  });

  test('an agent sees every project, narrows them with the filters and shows the communes with no project', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await logInAsDemo(page, 'Sophie Bernard');
    await page.getByRole('link', { name: 'Carte', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Carte des projets' })).toBeVisible();
    await expectOutlines(page);
    const count = page.getByRole('status').filter({ hasText: /projets sur la carte/ });
    await expect(count).toHaveText(/^\d+ projets sur la carte$/);
    const all = Number((await count.textContent())!.match(/\d+/)![0]);
    const table = page.getByRole('region', { name: 'Liste des projets de la carte' });
    await expect(table.getByRole('row')).toHaveCount(all + 1);
    for (const commune of ['Ableiges', 'Nesles-la-Vallée', 'Vigny', 'Marines']) await expect(table.getByRole('cell', { name: commune }).first()).toBeVisible();
    await expectAccessible(page, 'the agent’s map');
    await screenshot(page, 'map-agent-desktop');

    const filters = page.getByRole('search', { name: 'Filtrer les projets de la carte' });
    await filters.getByLabel('Thème').selectOption({ label: 'École et petite enfance' });
    await expect(count).not.toHaveText(`${all} projets sur la carte`);
    const rows = page.getByRole('region', { name: 'Liste des projets de la carte' }).getByRole('row');
    await expect(rows.nth(1)).toBeVisible();
    expect(await rows.count()).toBeLessThan(all + 1);

    await page.getByLabel('Couleur des communes').selectOption({ label: 'Communes sans projet' });
    await page.getByText(/^Communes sans projet \(\d+\)/).click();
    const empty = page.getByRole('region', { name: 'Tableau des communes' });
    await expect(empty.getByRole('cell', { name: 'Cergy' })).toBeVisible();
    await expect(empty.getByRole('cell', { name: 'Ableiges', exact: true })).toHaveCount(0);
    await expect(page.locator('.leaflet-overlay-pane path[stroke-dasharray]').first()).toBeVisible();
    await expectAccessible(page, 'the « communes sans projet » mode');
    await screenshot(page, 'map-agent-empty-communes', false);

    // A commune's projects, from the table of communes (the keyboard's way to « click a commune »).
    await filters.getByRole('button', { name: 'Effacer les filtres' }).click();
    await page.getByLabel('Couleur des communes').selectOption({ label: 'Projets par commune' });
    // One row per commune of today: 183 in the Val-d'Oise (the outlines of 2018 have 184, one commune having merged since).
    await expect(page.getByText('Tableau des communes (183)', { exact: false })).toBeVisible();
    const communes = page.getByRole('region', { name: 'Tableau des communes' });
    await communes.getByRole('button', { name: 'Voir ses projets (Vigny)' }).click();
    const heading = page.getByRole('heading', { level: 2, name: 'Projets de la commune : Vigny' });
    await expect(heading).toBeFocused();
    const vigny = page.getByRole('region', { name: 'Projets de la commune : Vigny' });
    await expect(vigny.getByRole('row')).toHaveCount(3);
    expect(new Set(await vigny.locator('tbody tr td:nth-child(2)').allTextContents())).toEqual(new Set(['Vigny']));
  });

  test('keyboard only: from the map to a project, and from its list', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await logInAsDemo(page, 'Sophie Bernard');
    await page.goto('/carte');
    await expectOutlines(page);
    const map = page.getByRole('region', { name: /^Carte des projets\. Flèches pour se déplacer/ });
    await map.focus();
    // Zoom in and out, pan left and back: the map answers the keyboard.
    const transform = () => page.locator('.leaflet-map-pane').getAttribute('style');
    const before = await transform();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(transform).not.toBe(before);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('+');
    await page.keyboard.press('-');
    // Tab reaches the markers (or their clusters) one by one.
    let reached = '';
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => (document.activeElement?.classList.contains('leaflet-marker-icon') ? document.activeElement.textContent ?? '' : ''));
    }
    expect(reached, await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 300) ?? 'none')).not.toBe('');
    // A group zooms in on Enter; a project opens its popup, whose link leads to the project.
    for (let i = 0; i < 6 && /Groupe de/.test(reached); i++) {
      await page.evaluate(() => document.activeElement?.setAttribute('data-pressed', ''));
      await page.keyboard.press('Enter');
      // The group zooms in (it is replaced by its projects or smaller groups): wait for the end of the animation.
      await expect(page.locator('[data-pressed]')).toHaveCount(0);
      await expect(page.locator('.leaflet-container.leaflet-zoom-anim')).toHaveCount(0);
      await map.focus();
      reached = '';
      for (let j = 0; j < 30 && !reached; j++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => (document.activeElement?.classList.contains('leaflet-marker-icon') ? document.activeElement.textContent ?? '' : ''));
      }
    }
    await page.keyboard.press('Enter');
    const link = page.getByRole('link', { name: 'Ouvrir le projet' });
    await expect(link).toBeFocused();
    await expectAccessible(page, 'the map with a popup open');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/projets\/[0-9a-f-]{36}$/);

    // The list under the map: links reached with Tab.
    await page.goto('/carte');
    const first = page.getByRole('region', { name: 'Liste des projets de la carte' }).getByRole('link').first();
    await first.focus();
    const title = await first.textContent();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: title!.trim() })).toBeVisible();
  });

  test('a commune member sees their commune’s projects and outline; a partner their organisation’s', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await logInAsDemo(page, 'Claire Martin');
    await openMenuOnPhone(page);
    await page.getByRole('link', { name: 'Carte', exact: true }).click();
    await expectOutlines(page);
    const table = page.getByRole('region', { name: 'Projets de la commune : Ableiges' });
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    const communes = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(new Set(communes)).toEqual(new Set(['Ableiges']));
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'a mayor’s map on a phone');
    await screenshot(page, 'map-mayor-phone');

    // A partner (the CAUE) sees the projects its organisation is involved in: Nesles-la-Vallée's two.
    await page.setViewportSize({ width: 1280, height: 900 });
    // Another journey may have changed the partner's password: log in through the API (and a reset if needed).
    await page.context().clearCookies();
    await logInThroughApi(page, 'thomas.girard@demo.carnet.invalid');
    await page.goto('/carte');
    await expectOutlines(page);
    const partnerTable = page.getByRole('region', { name: 'Liste des projets de la carte' });
    await expect(partnerTable.getByRole('link', { name: 'Rénovation de la salle des fêtes' })).toBeVisible();
    await expect(partnerTable.getByRole('link', { name: 'Sécurisation de la traversée du bourg' })).toBeVisible();
    await expect(partnerTable.getByRole('row')).toHaveCount(3);
    await expectAccessible(page, 'a partner’s map');
  });
});

test.describe('Map of projects on the public portal', () => {
  /** The public GeoJSON feature of a project, as the portal map's script reads it. */
  async function publicFeature(page: Page, communeName: string) {
    const geo = (await (await page.request.get('/api/public/v1/exports/projects.geojson')).json()) as {
      features: Array<{ geometry: { coordinates: [number, number] } | null; properties: { communeName: string; precise: boolean } }>;
    };
    return geo.features.find((f) => f.properties.communeName === communeName);
  }

  test('anonymous visitors see exactly the approved points: a move waits for the mayor’s approval', async ({ page, browser }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    // Vigny's city-stade is published (approved version 1, no point): Vigny's only published project.
    const publicTitle = 'Vigny';
    await page.goto('/projets-publics/carte');
    await expect(page.getByRole('heading', { level: 1, name: 'Carte des projets publiés' })).toBeVisible();
    const map = page.getByRole('region', { name: /^Carte des projets publiés\. Flèches/ });
    await expect(map.locator('.leaflet-overlay-pane path:not([d="M0 0"])').first()).toBeVisible();
    await expect(page.locator('#carte-statique')).toBeHidden();
    const before = await publicFeature(page, publicTitle);
    expect(before?.properties.precise).toBe(false);

    // The mayor places the project: the public still sees the approved version, without the point.
    const mayor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logInAsDemo(mayor, 'Patrick Garnier');
    await openProject(mayor, 'Création d’un city-stade');
    await openProjectSection(mayor, 'Carte');
    const section = mayor.getByRole('region', { name: 'Carte', exact: true });
    await section.getByLabel('Latitude (nord)').fill('49,0789');
    await section.getByLabel('Longitude (est)').fill('1,9312');
    await section.getByRole('button', { name: 'Enregistrer ce point' }).click();
    await expect(section.getByText('Le point du projet a été enregistré')).toBeVisible();
    await expect(section.getByText(/Le public voit le point de la version approuvée par le maire/)).toBeVisible();
    await page.reload();
    expect((await publicFeature(page, publicTitle))?.properties.precise).toBe(false);

    // A new version carries the point; once the mayor approves it, the public map shows it.
    const id = mayor.url().match(/\/projets\/([0-9a-f-]{36})/)![1];
    const csrf = (await mayor.context().cookies()).find((c) => c.name === 'carnet_csrf')!.value;
    const detail = await (await mayor.request.get(`/api/projects/${id}`)).json();
    const content = detail.publicationWork.latest.content;
    const revised = await mayor.request.post(`/api/projects/${id}/publication-revision`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { title: content.title, summary: content.summary, finalCostHt: content.finalCostHt, funding: content.funding, lessonsLearned: content.lessonsLearned, documentIds: content.documents.map((d: { documentId: string }) => d.documentId), reason: 'Point placé sur le city-stade' },
    });
    expect(revised.status()).toBe(200);
    await page.reload();
    expect((await publicFeature(page, publicTitle))?.properties.precise).toBe(false);
    const latest = (await (await mayor.request.get(`/api/projects/${id}?minPosition=${(await revised.json()).position}`)).json()).publicationWork.latest;
    expect(latest.content.location).toEqual({ latitude: 49.0789, longitude: 1.9312 });
    const approved = await mayor.request.post(`/api/projects/${id}/publication`, { headers: { 'X-CSRF-Token': csrf }, data: { version: latest.version, fingerprint: latest.fingerprint } });
    expect(approved.status()).toBe(200);
    await expect.poll(async () => (await publicFeature(page, publicTitle))?.geometry?.coordinates).toEqual([1.9312, 49.0789]);

    await page.goto('/projets-publics/carte');
    const marker = page.getByRole('button', { name: /city-stade.* — Vigny$/ });
    // At the first zoom the city-stade may share a group with a nearby published project: Enter on a group zooms in.
    await expect(page.locator('#carte-interactive .leaflet-marker-icon').first()).toBeVisible();
    for (let i = 0; i < 6 && (await marker.count()) === 0; i++) {
      const group = page.getByRole('button', { name: /^Groupe de \d+ projets/ }).first();
      await group.focus();
      await group.evaluate((element) => element.setAttribute('data-pressed', ''));
      await page.keyboard.press('Enter');
      await expect(page.locator('[data-pressed]')).toHaveCount(0);
      await expect(page.locator('.leaflet-container.leaflet-zoom-anim')).toHaveCount(0);
    }
    await expect(marker).toBeVisible();
    await marker.focus();
    await page.keyboard.press('Enter');
    const link = page.getByRole('link', { name: 'Voir la fiche du projet' });
    await expect(link).toBeFocused();
    await expect(page.locator('.portal-popup')).toContainText('Coût final');
    await expectAccessible(page, 'the portal map with a popup open');
    await screenshot(page, 'map-portal-desktop');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/city-stade/i);
    await mayor.close();
  });

  test('without JavaScript, the filters give the list and the outlines are a static picture', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto('/projets-publics/carte');
    const picture = page.getByRole('img', { name: 'Carte des communes du Val-d’Oise et des projets publiés' });
    await expect(picture).toBeVisible();
    await expect(picture.locator('path')).toHaveCount(184);
    await expect(page.getByText(/IGN Admin Express COG 2018 et INSEE/).first()).toBeVisible();
    await page.getByRole('combobox', { name: 'Commune' }).selectOption({ label: 'Vigny' });
    await page.getByRole('button', { name: 'Afficher sur la carte' }).click();
    await expect(page).toHaveURL(/\/projets-publics\/carte\?.*commune=95658/);
    const list = page.getByRole('region', { name: 'Projets de la carte' });
    await expect(list.getByRole('link', { name: /city-stade/ })).toBeVisible();
    await context.close();

    // axe needs JavaScript: the same page with the map's scripts refused shows the static picture too.
    const withoutMapScripts = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await withoutMapScripts.route(/\/projets-publics\/carte\/fichiers\/.*\.js$/, (route) => route.abort());
    const fallback = await withoutMapScripts.newPage();
    await fallback.goto('/projets-publics/carte?commune=95658');
    await expect(fallback.getByRole('img', { name: 'Carte des communes du Val-d’Oise et des projets publiés' })).toBeVisible();
    await expectNoHorizontalScroll(fallback);
    await expectAccessible(fallback, 'the portal map without its script, on a phone');
    await screenshot(fallback, 'map-portal-nojs-phone');
    await withoutMapScripts.close();
  });

  test('with no network beyond the server, every map draws its outlines', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const outside: string[] = [];
    await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]).*/, (route) => {
      outside.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    await page.goto('/projets-publics/carte');
    await expect(page.locator('#carte-interactive .leaflet-overlay-pane path:not([d="M0 0"])').first()).toBeVisible();
    // Communes are filled with the legend's steps, which the script reads from the page: white, and blues where projects are published.
    const fills = await page.locator('#carte-interactive .leaflet-overlay-pane path').evaluateAll((paths) => [...new Set(paths.map((p) => p.getAttribute('fill')))]);
    expect(fills).toContain('#ffffff');
    expect(fills.filter((f) => f !== '#ffffff' && f !== null).length).toBeGreaterThan(0);
    await expectAccessible(page, 'the portal map');
    await logInAsDemo(page, 'Karim Haddad');
    await page.goto('/carte');
    await expectOutlines(page);
    await openProject(page, 'Rénovation de la salle des fêtes');
    await openProjectSection(page, 'Carte');
    await expectOutlines(page, page.getByRole('region', { name: 'Carte', exact: true }));
    expect(outside).toEqual([]);
    await context.close();
  });
});
