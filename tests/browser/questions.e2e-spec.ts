import { expect, test } from '@playwright/test';
import { demoPdf } from '../../apps/api/src/demo/demo-files.ts';
import { expectAccessible, expectNoHorizontalScroll, followHeaderLink, logInAsDemo, openProjectSection, screenshot } from './helpers.ts';

/**
 * Issue #4 in a browser: a collaborator asks a financing question with a document; the agent of
 * the team it is routed to (aides) finds it in « À traiter », takes it in charge and answers it
 * with a contact of the directory; the collaborator sees the answer in the project and in the inbox.
 */
test.describe('Questions as work items in a browser', () => {
  test.describe.configure({ mode: 'serial' });

  let projectUrl = '';
  const title = `Chauffage de la mairie ${Date.now().toString(36)}`;
  const questionText = 'Quelles aides pour remplacer la chaudière fioul de la mairie ?';
  const answerText = 'Le fonds départemental de rénovation énergétique finance jusqu’à 30 % ; appelez le service des aides.';
  const quote = demoPdf(['Devis de la chaudière', 'Pompe à chaleur air-eau : 38 400 EUR HT']);

  test('a collaborator asks a financing question with a document, routed to the aides team', async ({ page }) => {
    await logInAsDemo(page, 'Julien Petit');
    await page.goto('/projets/nouveau');
    await page.getByLabel('Titre *').fill(title);
    await page.getByLabel('Thème *').selectOption({ label: 'Énergie et rénovation' });
    await page.getByRole('button', { name: 'Créer le projet' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    projectUrl = new URL(page.url()).pathname;

    await openProjectSection(page, 'Questions');
    await page.getByRole('button', { name: 'Poser une question' }).click();
    await page.getByLabel('Sujet *').selectOption({ label: 'Financement' });
    await page.getByLabel('Votre question *').fill(questionText);
    await page.getByLabel('Joindre un fichier (facultatif)').setInputFiles({ name: 'Devis chaudière.pdf', mimeType: 'application/pdf', buffer: quote });
    await page.getByRole('button', { name: 'Envoyer la question' }).click();
    const question = page.locator('.questions > li').filter({ hasText: questionText });
    await expect(question).toBeVisible();
    // The file joined the project's documents (not public) and the question points to it.
    await expect(question.getByRole('list', { name: 'Documents joints à la question' }).getByRole('link', { name: 'Devis chaudière.pdf' })).toBeVisible();
    await expect(question.getByText('Nouvelle', { exact: true })).toBeVisible();
    await expect(question.getByText('Orientée vers : Service des aides aux communes')).toBeVisible();
    await expect(question.getByText('Pas encore de responsable.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Prendre en charge' })).toHaveCount(0);
    await expectAccessible(page, 'the project page with a new question (commune)');
    await openProjectSection(page, 'Documents');
    await expect(page.locator('.document').filter({ hasText: 'Devis chaudière.pdf' })).toBeVisible();
    // A commune member never gets the internal notes section, nor the buttons of the Département.
    await openProjectSection(page, 'Échanges');
    await expect(page.getByRole('heading', { name: 'Échanges avec le Département' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Notes internes/ })).toHaveCount(0);
  });

  test('the routed agent finds it « À traiter », takes it in charge and answers with a contact', async ({ page }) => {
    expect(projectUrl, 'the previous test created a project').not.toBe('');
    await logInAsDemo(page, 'Karim Haddad');
    await page.getByRole('link', { name: 'À traiter' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'À traiter' })).toBeVisible();
    await expect(page.getByText('Vos équipes : Service des aides aux communes.')).toBeVisible();
    const unassigned = page.getByRole('region', { name: /Sans responsable dans mes équipes/ });
    await expect(unassigned.getByText(questionText, { exact: false })).toBeVisible();
    await expectAccessible(page, 'the « À traiter » page');
    await screenshot(page, 'desktop-waiting-queue');

    await unassigned.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    // The link opens the project's « Questions » section.
    await expect(page).toHaveURL(/\/questions#question-/);
    const question = page.locator('.questions > li').filter({ hasText: questionText });
    // The agent opens the attached quote.
    const [download] = await Promise.all([page.waitForEvent('download'), question.getByRole('link', { name: 'Devis chaudière.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('Devis chaudière.pdf');
    await question.getByRole('button', { name: 'Prendre en charge' }).click();
    await expect(question.getByText('Prise en charge', { exact: true })).toBeVisible();
    await expect(question.getByText('Suivie par Karim Haddad.')).toBeVisible();

    await question.getByLabel('Répondre à cette question').fill(answerText);
    await question.getByLabel('Recommander un contact de l’annuaire (facultatif)').selectOption({ label: 'Karim Haddad — Chargé des aides aux communes (Département du Val-d’Oise — Service des aides aux communes)' });
    await question.getByRole('button', { name: 'Répondre', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Votre réponse a été publiée.' })).toBeVisible();
    await expect(question.getByText('Répondue', { exact: true })).toBeVisible();
    await expect(question.getByText(/Première réponse en/)).toBeVisible();

    // Staff see the internal notes and may write one.
    await openProjectSection(page, 'Échanges');
    await page.getByLabel('Ajouter une note interne').fill('Dossier à suivre avec le service énergie.');
    await page.getByRole('button', { name: 'Ajouter la note' }).click();
    await expect(page.locator('.thread__item--note').getByText('Dossier à suivre avec le service énergie.')).toBeVisible();
    await expectAccessible(page, 'the project page (agent, answered question)');
  });

  test('the collaborator sees the answer and the recommended contact, even on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await logInAsDemo(page, 'Julien Petit');
    await page.goto(`${projectUrl}/questions`);
    const question = page.locator('.questions > li').filter({ hasText: questionText });
    await expect(question.getByText(answerText)).toBeVisible();
    await expect(question.getByText('Répondue', { exact: true })).toBeVisible();
    const contact = question.getByRole('group', { name: 'Contact recommandé : Karim Haddad' });
    await expect(contact).toBeVisible();
    await expect(contact.getByRole('link', { name: 'karim.haddad@departement95.example' })).toBeVisible();
    await expect(page.getByText('Dossier à suivre avec le service énergie.')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: /Notes internes/ })).toHaveCount(0);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'the project page with the answer (commune, phone)');
    await screenshot(page, 'mobile-question-answered');

    // …and in « Notifications », which leads back to the project.
    await page.goto('/notifications');
    const notice = page.locator('.inbox__item').filter({ hasText: title }).filter({ hasText: 'Karim Haddad a répondu à une question.' });
    await expect(notice).toHaveCount(1);
    await expectAccessible(page, 'the inbox with the answer (commune, phone)');
    await notice.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

    // On a phone the header's links are folded behind « Menu ».
    const menu = page.getByRole('button', { name: /^Menu/ });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('link', { name: 'Annuaire' })).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expectAccessible(page, 'the header menu unfolded (phone)');
    await screenshot(page, 'mobile-menu-open', false);
    await followHeaderLink(page, 'Annuaire');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await page.getByLabel('Nom, fonction ou organisme').fill('elodie');
    await page.getByRole('main').getByRole('button', { name: 'Rechercher' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Élodie Marchand' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'the contacts directory (phone)');
  });
});
