import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { demoPdf } from '../../apps/api/src/demo/demo-files.ts';
import { expectAccessible, expectNoHorizontalScroll, logInAsDemo, openProjectSection, screenshot } from './helpers.ts';

test.describe('Documents of a project in a browser', () => {
  test.describe.configure({ mode: 'serial' });

  const title = `Préau de l’école ${Date.now().toString(36)}`;
  const pdf = demoPdf(['Devis du préau', 'Charpente bois et couverture zinc : 44 800 EUR HT']);

  test('a collaborator uploads a PDF to a project, sees it listed, then downloads it', async ({ page }) => {
    await logInAsDemo(page, 'Julien Petit');
    await page.goto('/projets/nouveau');
    await page.getByLabel('Titre *').fill(title);
    await page.getByLabel('Thème *').selectOption({ label: 'École et petite enfance' });
    await page.getByRole('button', { name: 'Créer le projet' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

    await openProjectSection(page, 'Documents');
    await expect(page).toHaveURL(/\/documents$/);
    const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Documents' }) });
    await expect(section.getByText('Aucun document pour l’instant.')).toBeVisible();
    // The form opens on demand, the focus on its first field.
    await section.getByRole('button', { name: 'Ajouter un document' }).click();
    await expect(section.getByLabel('Titre du document *')).toBeFocused();

    // Too big: said before anything is sent, next to the field, which gets the focus.
    await section.getByLabel('Titre du document *').fill('Devis du préau');
    await section.getByLabel('Fichier *').setInputFiles({ name: 'plans.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(21 * 1024 * 1024, 0x20) });
    await section.getByRole('button', { name: 'Ajouter le document' }).click();
    await expect(section.getByText('Ce fichier dépasse la taille maximale de 20 Mo.')).toBeVisible();
    await expect(section.getByLabel('Fichier *')).toBeFocused();
    await expect(section.getByLabel('Fichier *')).toHaveAccessibleDescription(/Ce fichier dépasse la taille maximale de 20 Mo\./);
    await expectAccessible(page, 'the documents form with an error');

    // With the keyboard: choose the real file, then submit with Enter from the title field.
    await section.getByLabel('Fichier *').setInputFiles({ name: 'Devis préau.pdf', mimeType: 'application/pdf', buffer: pdf });
    await section.getByLabel('Titre du document *').focus();
    await page.keyboard.press('Enter');
    await expect(section.getByRole('status').filter({ hasText: 'Le document « Devis du préau » a été ajouté.' })).toBeVisible();

    // The form closed; the focus is on the new document.
    const item = section.locator('.document').filter({ has: page.getByRole('heading', { level: 3, name: 'Devis du préau' }) });
    await expect(section.getByLabel('Titre du document *')).toHaveCount(0);
    await expect(item).toBeFocused();
    await expect(item).toContainText('PDF');
    await expect(item).toContainText('Version 1');
    await expect(item).toContainText('Non public');
    await expect(item).toContainText('Devis préau.pdf');
    await expectAccessible(page, 'the project page with a document');
    await screenshot(page, 'desktop-documents');

    const downloading = page.waitForEvent('download');
    await item.getByRole('link', { name: /^Télécharger « Devis du préau »/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Devis préau.pdf');
    expect(readFileSync((await download.path())!)).toEqual(pdf);

    // A new version: one button per document, the form only on demand (Escape closes it, back to the button).
    const newVersion = item.getByRole('button', { name: 'Déposer une nouvelle version de « Devis du préau »' });
    const versionFile = item.locator('input[type="file"]');
    await expect(versionFile).toHaveCount(0);
    await newVersion.click();
    await expect(versionFile).toHaveAccessibleName(/^Nouvelle version de « Devis du préau »/);
    await expect(versionFile).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(versionFile).toHaveCount(0);
    await expect(newVersion).toBeFocused();
    await newVersion.click();
    await versionFile.setInputFiles({ name: 'Devis préau signé.pdf', mimeType: 'application/pdf', buffer: demoPdf(['Devis du préau', 'Signé']) });
    await item.getByRole('button', { name: 'Déposer la nouvelle version' }).click();
    const deposited = item.getByRole('status').filter({ hasText: 'La nouvelle version a été déposée.' });
    await expect(deposited).toBeVisible();
    await expect(deposited.getByText('La nouvelle version a été déposée.')).toBeFocused();
    await expect(versionFile).toHaveCount(0);
    await expect(item).toContainText('Version 2');
    await expect(item).toContainText('Devis préau signé.pdf');
  });

  test('on a phone, the section fits the screen and the document can be made public', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await logInAsDemo(page, 'Claire Martin');
    await page.goto('/');
    await page.getByRole('link', { name: title }).click();
    await openProjectSection(page, 'Documents');
    const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Documents' }) });
    await section.getByRole('button', { name: 'Rendre public « Devis du préau »' }).click();
    await expect(section.locator('.document').first()).toContainText('Public');
    await expect(section.getByRole('button', { name: 'Ne plus rendre public « Devis du préau »' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'the documents section on a phone');
    await screenshot(page, 'phone-documents');
  });

  test('on a phone, a collaborator removes a document with a reason; the history keeps the reason', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await logInAsDemo(page, 'Julien Petit');
    await page.goto('/');
    await page.getByRole('link', { name: title }).click();
    await openProjectSection(page, 'Documents');
    const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Documents' }) });

    // A document put there by mistake.
    await section.getByRole('button', { name: 'Ajouter un document' }).click();
    await section.getByLabel('Titre du document *').fill('Plan provisoire');
    await section.getByLabel('Fichier *').setInputFiles({ name: 'plan-provisoire.pdf', mimeType: 'application/pdf', buffer: demoPdf(['Plan provisoire']) });
    await section.getByRole('button', { name: 'Ajouter le document' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Le document « Plan provisoire » a été ajouté.' })).toBeVisible();
    const item = section.locator('.document').filter({ has: page.getByRole('heading', { level: 3, name: 'Plan provisoire' }) });
    const open = item.getByRole('button', { name: 'Retirer « Plan provisoire »' });

    // Opened then left with Escape: nothing sent, focus back on the button.
    await open.click();
    await expect(item.getByLabel('Motif du retrait *')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(item.getByLabel('Motif du retrait *')).toHaveCount(0);
    await expect(open).toBeFocused();
    await expect(open).toHaveAttribute('aria-expanded', 'false');

    // Opened with the keyboard; without a reason, the error is said next to the field.
    await page.keyboard.press('Enter');
    const reason = item.getByLabel('Motif du retrait *');
    await expect(reason).toBeFocused();
    await expect(open).toHaveAttribute('aria-expanded', 'true');
    await item.getByRole('button', { name: 'Retirer le document' }).click();
    await expect(item.getByText('Indiquez pourquoi le document est retiré.')).toBeVisible();
    await expect(reason).toBeFocused();
    await expect(reason).toHaveAccessibleDescription(/Indiquez pourquoi le document est retiré\./);
    await expectAccessible(page, 'the removal form with an error');

    await reason.fill('Mauvaise version, le plan définitif suivra');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'the removal form open on a phone');
    await item.getByRole('heading', { level: 3 }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'phone-document-removal', false);
    await item.getByRole('button', { name: 'Retirer le document' }).click();

    await expect(section.getByRole('status').filter({ hasText: 'Le document « Plan provisoire » a été retiré du projet.' })).toBeVisible();
    await expect(section.getByRole('heading', { level: 3, name: 'Plan provisoire' })).toHaveCount(0);
    await expect(section.getByRole('heading', { level: 3, name: 'Devis du préau' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Documents' })).toBeFocused();

    await openProjectSection(page, 'Historique');
    const history = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Historique' }) });
    await expect(history.getByRole('listitem').filter({ hasText: 'Document « Plan provisoire » retiré du projet — motif : Mauvaise version, le plan définitif suivra' })).toContainText(
      'Julien Petit',
    );
    await expectAccessible(page, 'the project page after a removal');
  });
});
