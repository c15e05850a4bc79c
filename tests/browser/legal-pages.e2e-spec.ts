import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, screenshot } from './helpers.ts';

// An anonymous visitor, no demo persona: the legal pages are open to everybody.
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

async function openStatementFromFooter(page: Page): Promise<void> {
  await page.getByRole('contentinfo').getByRole('link', { name: 'Accessibilité : non conforme' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Déclaration d’accessibilité' })).toBeVisible();
  await expect(page.getByText('Aucun audit n’a encore été réalisé')).toBeVisible();
  await expect(page.getByRole('link', { name: 'accessibilite@valdoise.example' })).toHaveAttribute('href', 'mailto:accessibilite@valdoise.example');
  await expect(page.getByRole('heading', { level: 2, name: 'Voies de recours' })).toBeVisible();
}

test.describe('Legal pages, without logging in', () => {
  test.describe('in the app', () => {
    test('the footer opens the accessibility statement; the three pages are axe-clean and fit a phone', async ({ page }) => {
      await page.setViewportSize(PHONE);
      await page.goto('/connexion');
      // The demo accounts arrive after the page and push the footer down: a click aimed at the footer
      // before they are drawn can land on « Se connecter en tant que… » (a CI run failed so).
      await expect(page.getByRole('heading', { level: 2, name: 'Comptes de démonstration' })).toBeVisible();
      await openStatementFromFooter(page);
      await expect(page).toHaveURL(/\/accessibilite$/);
      await expect(page).toHaveTitle('Déclaration d’accessibilité — Carnet de projets');
      await expectNoHorizontalScroll(page);
      await expectAccessible(page, 'the app’s accessibility statement');
      await screenshot(page, 'legal-app-accessibility-phone');

      // The other two, from the same footer.
      await page.getByRole('contentinfo').getByRole('link', { name: 'Données personnelles' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Données personnelles' })).toBeVisible();
      await expect(page).toHaveTitle('Données personnelles — Carnet de projets');
      await expectNoHorizontalScroll(page);
      await expectAccessible(page, 'the app’s personal-data page');

      await page.getByRole('contentinfo').getByRole('link', { name: 'Mentions légales' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Mentions légales' })).toBeVisible();
      await expect(page.getByText('Le service est hébergé par le Département du Val-d’Oise.')).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectAccessible(page, 'the app’s legal notice');

      await page.setViewportSize(DESKTOP);
      await page.goto('/accessibilite');
      await expect(page.getByRole('heading', { level: 1, name: 'Déclaration d’accessibilité' })).toBeVisible();
      await expectAccessible(page, 'the app’s accessibility statement on a desktop');
      await screenshot(page, 'legal-app-accessibility-desktop');
    });
  });

  test.describe('on the public portal', () => {
    test('the footer opens the accessibility statement; the three pages are axe-clean and fit a phone', async ({ page }) => {
      await page.setViewportSize(PHONE);
      await page.goto('/projets-publics');
      await openStatementFromFooter(page);
      await expect(page).toHaveURL(/\/projets-publics\/accessibilite$/);
      await expect(page).toHaveTitle('Déclaration d’accessibilité — Projets publics — Carnet de projets — Val-d’Oise');
      await expectNoHorizontalScroll(page);
      await expectAccessible(page, 'the portal’s accessibility statement');
      await screenshot(page, 'legal-portal-accessibility-phone');

      for (const name of ['Données personnelles', 'Mentions légales']) {
        await page.getByRole('contentinfo').getByRole('link', { name }).click();
        await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
        await expectNoHorizontalScroll(page);
        await expectAccessible(page, `the portal’s page « ${name} »`);
      }

      await page.setViewportSize(DESKTOP);
      await page.goto('/projets-publics/accessibilite');
      await expectAccessible(page, 'the portal’s accessibility statement on a desktop');
      await screenshot(page, 'legal-portal-accessibility-desktop');
    });
  });
});
