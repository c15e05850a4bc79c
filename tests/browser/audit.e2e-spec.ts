import { expect, test, type Page } from '@playwright/test';
import type { AuditHistory } from '../../libs/contracts/src/index.ts';
import { expectAccessible, expectNoHorizontalScroll, followHeaderLink, logIn, screenshot, whoIsLoggedIn } from './helpers.ts';

const AUDITOR_EMAIL = 'anne.lambert@demo.carnet.invalid';

/** The value a `datetime-local` input takes for an instant, in the browser's time zone. */
const localValue = (page: Page, iso: string) =>
  page.evaluate((at) => {
    const d = new Date(at);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, iso);

test.describe('Audit in a browser', () => {
  test('an auditor opens a project’s audit page, travels back in time and sees the log verified', async ({ page }) => {
    await logIn(page, AUDITOR_EMAIL, undefined, 'Anne Lambert');
    await expect(whoIsLoggedIn(page)).toHaveText('Anne Lambert — Auditrice (Val-d’Oise)');

    await followHeaderLink(page, 'Audit');
    await expect(page.getByRole('heading', { level: 1, name: 'Audit' })).toBeVisible();
    await expect(page.getByText(/Journal intègre : \d+ événements vérifiés/)).toBeVisible();
    // The last audit anchor and its age (issue #13): the log of a fresh server may not be sealed yet.
    const anchor = page.getByRole('region', { name: 'Dernière ancre d’audit' });
    await expect(anchor).toContainText(/Aucune ancre n’a encore été enregistrée|Dernière ancre (à l’instant|il y a)/);
    await expect(anchor).toContainText('Le serveur enregistre une ancre à chaque démarrage');
    await page.getByLabel('Commune').selectOption({ label: 'Marines' });
    await expect(page.getByRole('heading', { name: 'Places de la commune de Marines' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Nathalie Fournier prend la place de maire' })).toBeVisible();
    await expectAccessible(page, 'the audit home');
    await screenshot(page, 'desktop-audit-home');
    // On a phone, the anchor's fingerprint wraps instead of widening the page.
    const desktop = page.viewportSize()!;
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'phone-audit-home');
    await page.setViewportSize(desktop);

    await page.getByRole('link', { name: 'Extension du restaurant scolaire' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit : Extension du restaurant scolaire' })).toBeVisible();
    await expect(page.getByText(/Journal intègre : \d+ événements vérifiés/)).toBeVisible();
    const table = page.getByRole('table', { name: /Historique du projet/ });
    await expect(table.getByRole('row')).toHaveCount(7);
    await expect(table).toContainText('Étape : Travaux → Financement');
    await expect(table).toContainText('Une subvention attendue a été refusée');
    await expectAccessible(page, 'the audit page of a project');

    // Time travel: between « travaux » and the return to « financement ».
    const id = page.url().split('/').pop()!;
    const history = (await (await page.request.get(`/api/audit/projects/${id}/history`)).json()) as AuditHistory;
    const inTravaux = new Date(Date.parse(history.entries[2].at) + 86_400_000).toISOString();
    await page.getByLabel('Voir le projet tel qu’il était le …').fill(await localValue(page, inTravaux));
    await page.getByRole('button', { name: 'Afficher' }).click();
    const rebuilt = page.getByRole('article', { name: /Tel qu’il était le/ });
    await expect(rebuilt).toContainText('Reconstruit à partir de 3 événements');
    await expect(rebuilt.getByRole('definition').nth(3)).toHaveText('Travaux');
    await expect(rebuilt.getByRole('definition').nth(4)).toHaveText('50 %');
    await expect(rebuilt).toContainText('Aucune question à cette date.');

    // Compare that date with today.
    await page.getByLabel('Première date').fill(await localValue(page, inTravaux));
    await page.getByRole('button', { name: 'Comparer' }).click();
    const differences = page.getByRole('table', { name: /Différences entre le/ });
    await expect(differences.getByRole('row', { name: /Étape Travaux Financement/ })).toBeVisible();
    // …and what happened in between: the return to an earlier step, with its reason.
    const between = page.getByRole('list', { name: 'Ce qui s’est passé entre les deux dates' });
    await expect(between.getByRole('listitem').filter({ hasText: 'Retour à une étape précédente' })).toContainText('Pourquoi :');

    // An empty date is said in French next to the form (no browser bubble), and a « Du » after « Au » too.
    await page.getByLabel('Première date').fill('');
    await page.getByRole('button', { name: 'Comparer' }).click();
    await expect(page.getByText('Indiquez les deux dates et heures.')).toBeVisible();
    await page.getByLabel('Du', { exact: true }).fill('2026-06-02');
    await page.getByLabel('Au', { exact: true }).fill('2026-06-01');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await expect(page.getByText('La date « Du » doit être avant la date « Au » (ou le même jour).')).toBeVisible();
    await page.getByLabel('Du', { exact: true }).fill('');
    await page.getByLabel('Au', { exact: true }).fill('');

    // Filter the history: the return to an earlier step only.
    await page.getByLabel('Type d’événement').selectOption({ label: 'Retour à une étape précédente' });
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await expect(page.getByText('1 événement affiché sur 6')).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(2);
    await expectAccessible(page, 'the audit page after time travel and comparison');
    await screenshot(page, 'desktop-audit-project');

    // The printable report opens in a new tab with the same lines.
    const [report] = await Promise.all([page.waitForEvent('popup'), page.getByRole('link', { name: /Ouvrir la version imprimable/ }).click()]);
    await expect(report.getByRole('heading', { level: 1, name: 'Rapport d’audit : Extension du restaurant scolaire' })).toBeVisible();
    await expect(report.getByRole('row')).toHaveCount(7);
    await expectAccessible(report, 'the printable audit report');
    await report.close();

    const json = page.getByRole('link', { name: 'Télécharger l’export JSON' });
    const [download] = await Promise.all([page.waitForEvent('download'), json.click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-projet-.+\.json$/);

    // Phone.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText(/Journal intègre/)).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'the audit page on a phone');
    await screenshot(page, 'phone-audit-project');
  });
});
