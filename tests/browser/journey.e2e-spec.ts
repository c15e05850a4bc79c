import { expect, test } from '@playwright/test';
import { demoAccount, expectAccessible, expectNoHorizontalScroll, logIn, logInAsDemo, openProjectSection, screenshot, whoIsLoggedIn } from './helpers.ts';

test.describe('Carnet de projets in a browser', () => {
  test.describe.configure({ mode: 'serial' });

  let projectUrl = '';
  const title = `Aire de jeux du centre-bourg ${Date.now().toString(36)}`;
  const questionText = 'Quelles aides le Département propose-t-il pour une aire de jeux ?';
  const answerText = 'Le fonds d’aide aux communes rurales peut financer jusqu’à 40 % du coût HT.';

  test('an anonymous visitor lands on the public portal: published projects only, no login needed', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/projets-publics$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Espace des communes' })).toBeVisible();
    // The published city-stade of Vigny (demo data), in its approved version.
    await expect(page.getByRole('link', { name: /Un city-stade en accès libre/ }).first()).toBeVisible();
    await expect(page.getByText('Réfection de la toiture de l’école élémentaire')).toHaveCount(0);
    await expectAccessible(page, 'the public portal home');

    // Keyboard users can skip the header.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Aller au contenu' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#contenu$/);

    // The app's own pages ask to log in.
    await page.goto('/projets/nouveau');
    await expect(page).toHaveURL(/\/connexion/);
  });

  test('a commune mayor logs in, creates a project, moves it on and asks a question', async ({ page, request }) => {
    const mayor = await demoAccount(request, 'Maire', 'Ableiges');
    // A page that needs a login leads to the login page, then back.
    await page.goto('/projets/nouveau');
    await expect(page).toHaveURL(/\/connexion\?retour=%2Fprojets%2Fnouveau/);
    await logIn(page, mayor.email, undefined, mayor.displayName);
    await expect(page).toHaveURL(/\/projets\/nouveau$/);
    await expect(whoIsLoggedIn(page)).toHaveText('Claire Martin — Maire (Ableiges)');
    await page.getByRole('link', { name: 'Projets', exact: true }).click();
    // A mayor sees their commune's projects only: no « Commune » filter with one choice (issue #16).
    await expect(page.getByLabel('Commune', { exact: true })).toHaveCount(0);
    // The commune's people see their projects in preparation too.
    await expect(page.locator('.cards > li').filter({ hasText: 'Non publié' }).first()).toBeVisible();

    await page.getByRole('link', { name: 'Nouveau projet' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nouveau projet' })).toBeVisible();
    await expect(page.getByLabel('Commune *')).toBeDisabled();
    await expect(page.getByLabel('Commune *')).toContainText(mayor.communeName!);

    // Nothing filled in: every missing field says what to do.
    await page.getByRole('button', { name: 'Créer le projet' }).click();
    await expect(page.getByText('Indiquez le titre du projet.')).toBeVisible();
    await expect(page.getByLabel('Titre *')).toBeFocused();
    await expectAccessible(page, 'the creation form with errors');
    await screenshot(page, 'desktop-create-errors');

    await page.getByLabel('Titre *').fill(title);
    await page.getByLabel('Description').fill('Remplacer les jeux vieillissants et rendre l’aire accessible aux poussettes.');
    await page.getByLabel('Thème *').selectOption({ label: 'Espaces verts et nature' });
    await page.getByLabel('Coût estimé hors taxes, en euros').fill('45 000');
    await page.getByRole('button', { name: 'Créer le projet' }).click();

    // The page waits for the new project without saying so in the address, then says it was created, focused.
    await expect(page).toHaveURL(/\/projets\/[0-9a-f-]{36}$/);
    projectUrl = new URL(page.url()).pathname;
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const created = page.getByRole('status').filter({ hasText: 'Projet créé.' });
    await expect(created).toBeVisible();
    await expect(created.getByText('Projet créé.')).toBeFocused();
    await expect(page.locator('.facts').getByText('45 000 €')).toBeVisible();
    await expect(page.locator('[aria-current="step"]')).toContainText('Idée');

    // Move it on: « Changer l’étape » opens the form, which closes once the step is saved.
    await page.getByRole('button', { name: 'Changer l’étape' }).click();
    await page.getByLabel('Nouvelle étape').selectOption('etudes');
    await page.getByLabel('Avancement, en %').fill('20');
    await page.getByRole('button', { name: 'Enregistrer l’étape' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Étape enregistrée : Études, 20 %.' })).toBeVisible();
    await expect(page.locator('[aria-current="step"]')).toContainText('Études');
    await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '20');

    // Going back needs a reason.
    await page.getByRole('button', { name: 'Changer l’étape' }).click();
    await page.getByLabel('Nouvelle étape').selectOption('idee');
    await page.getByRole('button', { name: 'Enregistrer l’étape' }).click();
    const comment = page.getByLabel('Commentaire *');
    await expect(comment).toHaveAccessibleDescription(/Indiquez pourquoi le projet revient à une étape précédente/);
    await expect(comment).toBeFocused();
    await page.getByRole('button', { name: 'Annuler' }).click();

    // Ask the Département.
    await openProjectSection(page, 'Questions');
    await page.getByRole('button', { name: 'Poser une question' }).click();
    await page.getByLabel('Sujet *').selectOption({ label: 'Financement' });
    await page.getByLabel('Votre question *').fill(questionText);
    await page.getByRole('button', { name: 'Envoyer la question' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Votre question a été envoyée au Département.' })).toBeVisible();
    await expect(page.locator('.questions').getByText(questionText)).toBeVisible();
    await expect(page.getByText('En attente de réponse.')).toBeVisible();
    await openProjectSection(page, 'Historique');
    await expect(page.getByRole('heading', { name: 'Historique' })).toBeVisible();
    await expect(page.locator('.history li')).toHaveCount(3);
    await expect(page.locator('.history li').first()).toContainText('Question');
    await openProjectSection(page, 'Questions');
    await expectAccessible(page, 'the project page (commune)');
    await screenshot(page, 'desktop-project-commune');
  });

  test('a project in preparation is not shown to an anonymous visitor, who is told why', async ({ page }) => {
    expect(projectUrl, 'the previous journey created a project').not.toBe('');
    await page.goto(projectUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Projet introuvable' })).toBeVisible();
    await expect(page.getByText('un projet en préparation n’est visible que par sa commune')).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'connectez-vous' })).toBeVisible();
    await expectAccessible(page, 'a project refused to an anonymous visitor');
  });

  test('a Département agent answers, and the commune sees the answer, even after a reload', async ({ page, request }) => {
    expect(projectUrl, 'the previous journey created a project').not.toBe('');
    const agent = await demoAccount(request, 'Agent du Département');
    const mayor = await demoAccount(request, 'Maire', 'Ableiges');

    await logInAsDemo(page, agent.displayName);
    await page.goto(`${projectUrl}/questions`);
    await expect(page.getByRole('button', { name: 'Poser une question' })).toHaveCount(0);
    await page.getByLabel('Répondre à cette question').fill(answerText);
    await page.getByRole('button', { name: 'Répondre', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Votre réponse a été publiée.' })).toBeVisible();
    await expect(page.locator('.questions').getByText(answerText)).toBeVisible();
    await expect(page.getByText(`Réponse de ${agent.displayName}`)).toBeVisible();
    await expectAccessible(page, 'the project page (Département)');
    await screenshot(page, 'desktop-project-departement');

    await logInAsDemo(page, mayor.displayName);
    await page.goto(`${projectUrl}/questions`);
    await expect(page.getByLabel('Répondre à cette question')).toHaveCount(0);
    await expect(page.locator('.questions').getByText(answerText)).toBeVisible();

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(whoIsLoggedIn(page)).toContainText(mayor.displayName);
    await expect(page.locator('.questions').getByText(answerText)).toBeVisible();
    await expect(page.locator('.questions').getByText(questionText)).toBeVisible();
    await expect(page.locator('[aria-current="step"]')).toContainText('Études');
  });

  test('a change made meanwhile by someone else is reported and the page reloaded', async ({ browser, request }) => {
    const mayor = await demoAccount(request, 'Maire', 'Ableiges');
    const context = await browser.newContext();
    const first = await context.newPage();
    const second = await context.newPage();
    await logInAsDemo(first, mayor.displayName);
    for (const page of [first, second]) {
      await page.goto(projectUrl);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    }
    await first.getByRole('button', { name: 'Changer l’étape' }).click();
    await second.getByRole('button', { name: 'Changer l’étape' }).click();
    await second.getByLabel('Nouvelle étape').selectOption('financement');
    await second.getByRole('button', { name: 'Enregistrer l’étape' }).click();
    await expect(second.getByRole('status').filter({ hasText: 'Étape enregistrée' })).toBeVisible();

    await first.getByLabel('Avancement, en %').fill('30');
    await first.getByRole('button', { name: 'Enregistrer l’étape' }).click();
    await expect(first.getByRole('alert').filter({ hasText: 'Ce projet a été modifié entre-temps par quelqu’un d’autre.' })).toBeVisible();
    await expect(first.locator('[aria-current="step"]')).toContainText('Financement');
    await context.close();
  });

  test('the commune edits, finishes and publishes its project with the mayor’s consent', async ({ page, request }) => {
    const mayor = await demoAccount(request, 'Maire', 'Ableiges');
    await logInAsDemo(page, mayor.displayName);
    await page.goto(projectUrl);

    await page.getByRole('button', { name: 'Modifier les informations' }).click();
    await page.getByLabel('Coût estimé hors taxes, en euros').fill('52000');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Les informations du projet ont été mises à jour.' })).toBeVisible();
    await expect(page.locator('.facts').getByText('52 000 €')).toBeVisible();

    await page.getByRole('button', { name: 'Changer l’étape' }).click();
    await page.getByLabel('Nouvelle étape').selectOption('termine');
    await expect(page.getByLabel('Avancement, en %')).toHaveValue('100');
    await page.getByRole('button', { name: 'Enregistrer l’étape' }).click();
    await expect(page.locator('[aria-current="step"]')).toContainText('Terminé');
    await expect(page.getByText('Partager le retour d’expérience : demander la publication')).toBeVisible();
    await openProjectSection(page, 'Publication');
    await page.getByRole('button', { name: 'Rédiger la fiche publique' }).click();
    await expect(page.getByLabel('Titre public *')).toBeFocused();

    // The public content: what was done, the cost, the funding obtained, the lessons learned.
    await page.getByLabel('Titre public *').fill('Une aire de jeux accessible à tous les enfants');
    await page.getByLabel('Ce qui a été fait *').fill('Une aire de jeux accessible, financée à 40 % par le Département.');
    await page.getByLabel('Coût final (€ HT)').fill('51 800');
    await page.getByRole('button', { name: 'Ajouter un financement' }).click();
    await page.getByLabel('Financeur 1').fill('Département du Val-d’Oise');
    await page.getByLabel('Montant 1 (€ HT)').fill('20720');
    await page.getByLabel('Retour d’expérience').fill('Consulter les parents avant de choisir les jeux.');
    await page.getByRole('button', { name: 'Demander la publication' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Publication demandée' })).toBeVisible();
    const version = page.getByRole('article', { name: /Version 1/ });
    await expect(version).toContainText('En attente de l’accord du maire');
    await expect(version).toContainText('Département du Val-d’Oise : 20 720 €');
    await expect(version).toContainText('Empreinte de cette version');
    await expectAccessible(page, 'the project page awaiting publication');
    // The mayor confirms having read this exact version before approving it.
    await page.getByRole('button', { name: 'Approuver la version 1' }).click();
    await expect(page.getByText('Cochez la case pour confirmer que vous avez relu cette version.')).toBeVisible();
    await page.getByLabel('J’ai relu la version 1').check();
    await page.getByRole('button', { name: 'Approuver la version 1' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'La version 1 est publiée.' })).toBeVisible();
    await expect(page.getByText(/Le public lit la version 1, approuvée par/)).toBeVisible();
    await expect(page.locator('.project__meta')).toContainText('Publié');
    await screenshot(page, 'desktop-project-published');

    // A later edit is a new version awaiting the mayor; the public keeps reading version 1.
    await page.getByRole('button', { name: 'Modifier la version à publier' }).click();
    await page.getByLabel('Retour d’expérience').fill('Consulter les parents, et prévoir de l’ombre.');
    await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
    await expect(page.getByText('Indiquez pourquoi vous modifiez la version à publier.')).toBeVisible();
    await page.getByLabel('Pourquoi cette modification ? *').fill('Retour d’expérience complété');
    await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Nouvelle version enregistrée' })).toBeVisible();
    await expect(page.getByRole('article', { name: /Version 2/ })).toContainText('En attente de l’accord du maire');
    await expect(page.getByText(/Le public lit la version 1/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Approuver la version 2' })).toBeVisible();
    await expectAccessible(page, 'the project page with a version awaiting approval');

    // The mayor withdraws the publication, with a reason.
    await page.getByRole('button', { name: 'Retirer la publication' }).click();
    await expect(page.getByText('Indiquez pourquoi vous retirez la publication.')).toBeVisible();
    await page.getByLabel('Raison du retrait *').fill('Travaux de reprise à venir');
    await page.getByRole('button', { name: 'Retirer la publication' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'La publication est retirée.' })).toBeVisible();
    await expect(page.locator('.project__meta')).toContainText('Publication retirée');
    await screenshot(page, 'desktop-project-withdrawn');
  });

  test('an auditor reads but is not offered to create or change anything', async ({ page, request }) => {
    const auditor = await demoAccount(request, 'Auditrice');
    await logInAsDemo(page, auditor.displayName);
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Nouveau projet' })).toHaveCount(0);
    await page.goto(projectUrl);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Changer l’étape' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Modifier les informations' })).toHaveCount(0);
  });

  test('an unknown address shows « Page introuvable »', async ({ page }) => {
    await page.goto('/cette-page-n-existe-pas');
    await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
    await expectAccessible(page, 'the 404 page');
  });

  test.describe('on a phone (375 × 740)', () => {
    test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

    test('the portal, the list and a project page fit the screen', async ({ page, request }) => {
      await page.goto('/');
      await expect(page.locator('.cards > li').first()).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectAccessible(page, 'the public portal on a phone');
      await screenshot(page, 'phone-portal');

      const mayor = await demoAccount(request, 'Maire', 'Ableiges');
      await logInAsDemo(page, mayor.displayName);
      await page.goto('/');
      await expect(page.locator('.cards > li').first()).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectAccessible(page, 'the project list on a phone');
      await screenshot(page, 'phone-list');

      await page.goto(`${projectUrl}/questions`);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(page.locator('.questions').getByText(answerText)).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectAccessible(page, 'the project page on a phone');
      await screenshot(page, 'phone-project');
      await screenshot(page, 'phone-project-top', false);
    });
  });
});
