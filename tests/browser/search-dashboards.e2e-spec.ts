import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, logInAsDemo, screenshot } from './helpers.ts';

test.describe('Search and dashboards in a browser', () => {
  test('a mayor searches « ecoles » from the header and finds their école project', async ({ page }) => {
    await logInAsDemo(page, 'Claire Martin');
    const header = page.getByRole('search', { name: 'Rechercher dans le carnet' });
    await header.getByLabel('Rechercher (projets, questions, réponses, messages)').fill('ecoles');
    await header.getByRole('button', { name: 'Rechercher' }).click();

    await expect(page).toHaveURL(/\/recherche\?q=ecoles/);
    await expect(page.getByRole('heading', { level: 1, name: 'Recherche' })).toBeVisible();
    // The count is announced (role=status) once the results are in.
    await expect(page.getByRole('status').filter({ hasText: /\d+ résultats? pour « ecoles »/ })).toBeVisible();
    const result = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Réfection de la toiture de l’école élémentaire' }) }).first();
    await expect(result).toBeVisible();
    await expect(result.locator('mark').first()).toHaveText(/^école$/i);
    // Nothing of another commune's unpublished projects (Nesles-la-Vallée's crossing mentions the school too).
    await expect(page.getByRole('link', { name: 'Sécurisation de la traversée du bourg' })).toHaveCount(0);
    // A mayor is not offered internal notes.
    await expect(page.getByLabel('Chercher dans').locator('option', { hasText: 'Note interne' })).toHaveCount(0);
    await expectAccessible(page, 'the search results');
    await screenshot(page, 'desktop-search');

    await page.getByRole('link', { name: 'Réfection de la toiture de l’école élémentaire' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Réfection de la toiture de l’école élémentaire' })).toBeVisible();

    // Their commune's dashboard.
    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord — Ableiges' })).toBeVisible();
    await expect(page.getByRole('img', { name: /^Nos projets par étape\./ })).toBeVisible();
    await expectAccessible(page, 'the commune dashboard');
  });

  test('an agent downloads the filtered list of projects as a spreadsheet file', async ({ page }) => {
    await logInAsDemo(page, 'Sophie Bernard');
    await page.goto('/');
    const filters = page.getByRole('search', { name: 'Filtrer les projets' });
    await filters.getByLabel('Commune').selectOption({ label: 'Ableiges' });
    await filters.getByRole('button', { name: 'Rechercher' }).click();
    const link = page.getByRole('link', { name: 'Télécharger la liste (tableur CSV)' });
    await expect(link).toHaveAttribute('href', /\/api\/projects\/export\.csv\?commune=95002$/);
    await expectAccessible(page, 'the project list with its download link');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^projets-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync(await download.path(), 'utf8');
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Commune;Code INSEE;Projet;Thème;Étape;Avancement (%);Coût estimé HT (€);Questions en attente;Publication;Créé le;Dernière modification;Lien;Coût HT du plan de financement (€);Financements demandés (€);Financements accordés (€);Financements versés (€);Autofinancement (%);Autofinancement minimal respecté');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.startsWith('Ableiges;95002;'))).toBe(true);
    expect(text).toContain('Réfection de la toiture de l’école élémentaire');
  });

  test('an agent opens the Département dashboard and reads its charts and their tables', async ({ page }) => {
    await logInAsDemo(page, 'Sophie Bernard');
    // On a large screen the header shows its links at once: no « Menu » button.
    await expect(page.getByRole('button', { name: /^Menu/ })).toBeHidden();
    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord du Département' })).toBeVisible();
    for (const name of [
      /^Projets par étape\. Idée/,
      /^Questions en attente, par ancienneté\. moins de 2 jours/,
      /^Projets par thème\./,
      /^Projets par commune et par étape\..*Ableiges/,
      /^Questions posées, répondues et en attente, par mois, de/,
      /^Délai médian de première réponse \(jours\), par mois/,
      /^Projets par étape en fin de mois\./,
    ]) {
      await expect(page.getByRole('img', { name })).toBeVisible();
    }
    await expect(page.getByText('Délai médian de première réponse', { exact: true })).toBeVisible();
    await expectAccessible(page, 'the Département dashboard');

    // Each chart's data as a table, opened from the keyboard.
    const chart = page.getByRole('figure').filter({ hasText: 'Projets par étape' }).first();
    const toggle = chart.getByRole('button', { name: 'Afficher le tableau des données' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(chart.getByRole('button', { name: 'Masquer le tableau des données' })).toHaveAttribute('aria-expanded', 'true');
    const table = chart.getByRole('table', { name: 'Projets par étape' });
    await expect(table.getByRole('columnheader')).toHaveText(['Étape', 'Projets']);
    await expect(table.getByRole('rowheader')).toHaveText(['Idée', 'Études', 'Financement', 'Travaux', 'Terminé']);
    const monthly = page.getByRole('figure').filter({ hasText: 'Questions posées, répondues et en attente' });
    await monthly.getByRole('button', { name: 'Afficher le tableau des données' }).click();
    await expect(monthly.getByRole('table').getByRole('row')).toHaveCount(13);
    await expectAccessible(page, 'the Département dashboard with its tables open');
    await screenshot(page, 'desktop-dashboard-departement');

    // On a phone: nothing wider than the screen.
    await page.setViewportSize({ width: 360, height: 740 });
    await expect(page.getByRole('img', { name: /^Projets par thème\./ })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'phone-dashboard-departement');
  });
});
