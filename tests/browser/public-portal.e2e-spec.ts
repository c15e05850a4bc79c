import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, followHeaderLink, screenshot } from './helpers.ts';

// The demo data publishes the city-stade of Vigny (today through version 1 events).
const PHONE = { width: 375, height: 740 };

test.describe('Public portal, without logging in', () => {
  test.describe.configure({ mode: 'serial' });
  test.use({ viewport: PHONE });

  // axe itself runs as JavaScript in the page: the pages are checked with it on (they carry no script of their own).
  test('home, search, project, commune and communes pages are readable on a phone and axe-clean', async ({ page }) => {
    await page.goto('/projets-publics');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1, name: 'Projets des communes du Val-d’Oise' })).toBeVisible();
    // The title names the page, the portal and the site (SITE_NAME).
    await expect(page).toHaveTitle('Accueil — Projets publics — Carnet de projets — Val-d’Oise');
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'the portal home');
    await screenshot(page, 'public-home-phone');

    // Keyboard: the skip link is the first stop and leads to the content.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();

    // Search with filters, as a form without JavaScript.
    await page.getByLabel('Commune').selectOption({ label: 'Vigny' });
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page).toHaveURL(/\/projets-publics\/recherche\?.*commune=95658/);
    await expect(page.getByRole('heading', { level: 2, name: /projets? publiés?/ })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'the portal search');

    // The project page.
    await page.locator('.cards a').first().click();
    await expect(page).toHaveURL(/\/projets-publics\/projets\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Ce qui a été fait' })).toBeVisible();
    await expect(page.getByText(/city-stade/).first()).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Avancement' })).toBeVisible();
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/projets-publics\/projets\//);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /Vigny/);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'a public project page');
    await screenshot(page, 'public-project-phone');

    // The commune page, with its outline.
    await page.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link', { name: 'Vigny' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Vigny' })).toBeVisible();
    await expect(page.getByRole('img', { name: 'Contour de la commune de Vigny' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'a public commune page');
    await screenshot(page, 'public-commune-phone');

    await page.goto('/projets-publics/communes');
    await expect(page.getByRole('link', { name: 'Vigny' })).toBeVisible();
    await expectAccessible(page, 'the public communes page');

    const missing = await page.goto('/projets-publics/projets/00000000-0000-4000-8000-000000000000');
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
    await expectAccessible(page, 'the portal’s not-found page');

    // Addresses that fail before any page is rendered answer a page of the portal too, not the API's problem+json.
    const unknown = await page.goto('/projets-publics/nimporte');
    expect(unknown?.status()).toBe(404);
    expect(unknown?.headers()['content-type']).toBe('text/html; charset=utf-8');
    await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
    await expectAccessible(page, 'the portal’s page for an unknown address');
    const invalid = await page.goto('/projets-publics/communes/%zz');
    expect(invalid?.status()).toBe(400);
    await expect(page).toHaveTitle('Adresse invalide — Projets publics — Carnet de projets — Val-d’Oise');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1, name: 'Adresse invalide' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Retour à l’accueil du portail' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'the portal’s page for an invalid address');
  });

  test('a project page shows its title and summary with JavaScript turned off', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto('/projets-publics/recherche?commune=95658');
    await page.locator('.cards a').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/.+/);
    await expect(page.getByText(/city-stade/).first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Aller au contenu' })).toHaveCount(1);
    await context.close();
  });

  // The open-data reusers' page (« Données ouvertes »): from the portal's menu, at 390 px and 1280 px, then without JavaScript.
  test('the « Données ouvertes » page is reached from the menu, readable on a phone and a desktop, axe-clean, and complete without JavaScript', async ({ browser }) => {
    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      const context = await browser.newContext({ viewport, locale: 'fr-FR' });
      const page = await context.newPage();
      await page.goto('/projets-publics');
      await page.getByRole('navigation', { name: 'Menu du portail' }).getByRole('link', { name: 'Données ouvertes', exact: true }).click();
      await expect(page).toHaveURL(/\/projets-publics\/donnees-ouvertes$/);
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
      await expect(page).toHaveTitle('Données ouvertes — Projets publics — Carnet de projets — Val-d’Oise');
      await expect(page.getByRole('heading', { level: 1, name: 'Données ouvertes' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 3, name: 'GET /api/public/v1/projects', exact: true })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Description OpenAPI' }).getByRole('link', { name: /\/api\/public\/v1\/openapi\.json$/ })).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectAccessible(page, `the « Données ouvertes » page at ${viewport.width} px`);
      await screenshot(page, `public-open-data-${viewport.width}`);
      // The footer names it the same way.
      await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Données ouvertes', exact: true })).toHaveAttribute('href', '/projets-publics/donnees-ouvertes');
      await context.close();
    }
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto('/projets-publics/donnees-ouvertes');
    await expect(page.getByRole('heading', { level: 1, name: 'Données ouvertes' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'GET /api/public/v1/changes', exact: true })).toBeVisible();
    await expect(page.getByText(/^curl -s '.+\/api\/public\/v1\/projects\?theme=ecole&limit=5'$/)).toBeVisible();
    await expectNoHorizontalScroll(page);
    await context.close();
  });

  test('sitemap and robots.txt list the portal for search engines', async ({ request }) => {
    const sitemap = await request.get('/sitemap.xml');
    expect(sitemap.headers()['content-type']).toMatch(/application\/xml/);
    expect(await sitemap.text()).toMatch(/<loc>[^<]+\/projets-publics\/projets\/[0-9a-f-]{36}<\/loc>/);
    expect(await sitemap.text()).toMatch(/<loc>[^<]+\/projets-publics\/donnees-ouvertes<\/loc>/);
    const robots = await request.get('/robots.txt');
    expect(await robots.text()).toMatch(/Sitemap: .+\/sitemap\.xml/);
  });
});

test.describe('The app links to the public portal', () => {
  test('from its header', async ({ page }) => {
    await page.goto('/connexion');
    await followHeaderLink(page, 'Projets publics');
    await expect(page).toHaveURL(/\/projets-publics$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Projets des communes du Val-d’Oise' })).toBeVisible();
  });
});
