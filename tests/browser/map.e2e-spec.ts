import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, logInAsDemo, openMenuOnPhone, screenshot } from './helpers.ts';

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
    await expect(page.getByRole('region', { name: 'Historique' }).getByText(/Placé sur la carte au point 49,0\d{4} N, 1,9\d{4} E/)).toBeVisible();
    await expectAccessible(page, 'the project page with its map, after placing the point');
    await screenshot(page, 'map-project-desktop');

    // A point typed outside the commune (in Paris's direction) is refused, and said why.
    await section.getByLabel('Latitude (nord)').fill('49,0');
    await section.getByLabel('Longitude (est)').fill('2,3');
    await section.getByRole('button', { name: 'Enregistrer ce point' }).click();
    await expect(section.getByRole('alert')).toContainText('Ce point est en dehors de la commune');
    await expect(section.getByLabel('Latitude (nord)')).toBeFocused();
    await expectAccessible(page, 'the project map with a refused point');
    await screenshot(page, 'map-project-refused', false);
  });

  test('on a phone, a mayor places their project by tapping the map', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await logInAsDemo(page, 'Hélène Roux');
    await openProject(page, 'Sécurisation de la traversée du bourg');
    const section = page.getByRole('region', { name: 'Carte', exact: true });
    const map = section.getByRole('region', { name: /^Carte du projet et de sa commune/ });
    await expectOutlines(page, section);
    await map.scrollIntoViewIfNeeded();
    await map.click();
    await section.getByRole('button', { name: 'Enregistrer ce point' }).click();
    await expect(section.getByText('Le point du projet a été enregistré')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Historique' }).getByText(/Placé sur la carte au point/)).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'the project map on a phone');
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'map-project-phone');
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
    await screenshot(page, 'map-agent-empty-communes');
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
      const zoomBefore = await transform();
      await page.keyboard.press('Enter');
      // The group zooms in: wait for the end of Leaflet's zoom animation.
      await expect.poll(transform).not.toBe(zoomBefore);
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
  });
});
