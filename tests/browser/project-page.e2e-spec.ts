import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, logInAsDemo, openProjectSection, screenshot } from './helpers.ts';

/** No id used twice: a label would name the wrong element (issue #16, bug 1). */
async function expectUniqueIds(page: Page): Promise<void> {
  const duplicates = await page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
  expect(duplicates, 'ids used more than once').toEqual([]);
}

/**
 * The project page of issue #16: a summary that fits on the screen, then one section at a time, each with
 * its own address; forms opened on demand, closed after success, with the focus where the person expects it.
 */
test.describe('The project page: a summary and its sections', () => {
  test.describe.configure({ mode: 'serial' });

  const title = `Réfection du lavoir ${Date.now().toString(36)}`;
  let projectUrl = '';

  test('the summary says where the project is and what comes next, and each section has its own address', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await logInAsDemo(page, 'Claire Martin');
    await page.goto('/');
    await page.getByRole('link', { name: 'Réfection de la toiture de l’école élémentaire' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Réfection de la toiture de l’école élémentaire' })).toBeVisible();
    const summary = page.getByRole('region', { name: 'Résumé' });
    await expect(summary.getByRole('definition').filter({ hasText: 'Travaux' }).first()).toBeVisible();
    await expect(summary).toContainText('Prochaine action attendue');
    await expect(summary).toContainText('Réponse du Département à une question');
    await expect(summary.getByRole('link', { name: '1 question', exact: true })).toHaveAttribute('href', /\/questions$/);
    await expect(summary.getByRole('link', { name: '2 documents', exact: true })).toHaveAttribute('href', /\/documents$/);
    await expect(summary).toContainText('Dernière activité');
    await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '60');
    // The sections' tabs show on the first screen of a laptop, and no form is open.
    const tabs = page.getByRole('navigation', { name: 'Sections du projet' });
    const box = (await tabs.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    await expect(page.getByRole('main').locator('form')).toHaveCount(0);
    await expect(tabs.getByRole('link', { name: 'Présentation' })).toHaveAttribute('aria-current', 'page');
    // The « Questions » tab counts what the summary counts: the questions waiting for an answer, not the closed one.
    await expect(tabs.getByRole('link', { name: 'Questions 1 en attente', exact: true })).toBeVisible();
    await expect(tabs.getByRole('link', { name: /^Questions/ }).locator('.section-tabs__count')).toHaveText(/^1/);
    await expectUniqueIds(page);
    await expectAccessible(page, 'the project page summary (desktop)');
    await screenshot(page, 'desktop-project-summary');

    const projectPath = new URL(page.url()).pathname;
    for (const [label, path, heading] of [
      ['Questions', 'questions', 'Questions au Département'],
      ['Échanges', 'echanges', 'Échanges avec le Département'],
      ['Documents', 'documents', 'Documents'],
      ['Publication', 'publication', 'Publication'],
      ['Historique', 'historique', 'Historique'],
    ] as const) {
      await openProjectSection(page, label);
      await expect(page).toHaveURL(new RegExp(`${projectPath}/${path}$`));
      await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
      await expect(page).toHaveTitle(`${label} — Réfection de la toiture de l’école élémentaire — Carnet de projets`);
      await expectAccessible(page, `the « ${label} » section`);
    }
    // The history reads the most recent first, in time order.
    const dates = await page.locator('.history time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!));
    expect(dates).toEqual([...dates].sort().reverse());

    // A closed question offers « Rouvrir la question » as one button; its form opens on demand and Escape closes it.
    await openProjectSection(page, 'Questions');
    const closed = page.locator('.questions > li').filter({ hasText: 'Quelles aides peut-on solliciter' });
    const reopen = closed.getByRole('button', { name: 'Rouvrir la question' });
    await expect(closed.getByLabel('Rouvrir la question : pourquoi ?')).toHaveCount(0);
    await reopen.click();
    await expect(closed.getByLabel('Rouvrir la question : pourquoi ?')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(closed.getByLabel('Rouvrir la question : pourquoi ?')).toHaveCount(0);
    await expect(reopen).toBeFocused();

    // An address opens its section directly, also after a reload (as from a link in an e-mail).
    await page.goto(`${projectPath}/documents`);
    await expect(page.getByRole('heading', { level: 2, name: 'Documents' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Sections du projet' }).getByRole('link', { name: /^Documents/ })).toHaveAttribute('aria-current', 'page');
    await page.goBack();
    await expect(page.getByRole('heading', { level: 2, name: 'Questions au Département' })).toBeVisible();
  });

  test('« Modifier les informations » renames the project (bug 1), and Escape closes the form back to its button', async ({ page }) => {
    await logInAsDemo(page, 'Claire Martin');
    await page.goto('/projets/nouveau');
    await page.getByLabel('Titre *').fill(`${title} (brouillon)`);
    await page.getByLabel('Thème *').selectOption({ label: 'Patrimoine' });
    await page.getByRole('button', { name: 'Créer le projet' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${title} (brouillon)` })).toBeVisible();
    projectUrl = new URL(page.url()).pathname;

    const opener = page.getByRole('button', { name: 'Modifier les informations' });
    await opener.click();
    await expect(opener).toHaveAttribute('aria-expanded', 'true');
    // The title field is named by its label, and has the focus.
    const titleField = page.getByLabel('Titre *', { exact: true });
    await expect(titleField).toBeFocused();
    await expectUniqueIds(page);
    await page.keyboard.press('Escape');
    await expect(titleField).toHaveCount(0);
    await expect(opener).toBeFocused();

    await opener.click();
    await page.getByLabel('Titre *', { exact: true }).fill(title);
    await page.getByLabel('Coût estimé hors taxes, en euros').fill('38 500');
    await expectAccessible(page, 'the details form open');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Les informations du projet ont été mises à jour.' });
    await expect(done).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
    await expect(page.locator('.facts').getByText('38 500 €')).toBeVisible();
    // The form closed; the focus is on the outcome, not lost on the page.
    await expect(page.getByLabel('Titre *', { exact: true })).toHaveCount(0);
    await expect(done.locator('.alert--success')).toBeFocused();
  });

  test('« Changer l’étape » closes after success with the focus on the outcome', async ({ page }) => {
    await logInAsDemo(page, 'Claire Martin');
    await page.goto(projectUrl);
    await page.getByRole('button', { name: 'Changer l’étape' }).click();
    await expect(page.getByLabel('Nouvelle étape')).toBeFocused();
    await page.getByLabel('Nouvelle étape').selectOption('etudes');
    await page.getByLabel('Avancement, en %').fill('15');
    await page.getByRole('button', { name: 'Enregistrer l’étape' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Étape enregistrée : Études, 15 %.' });
    await expect(done.locator('.alert--success')).toBeFocused();
    await expect(page.getByLabel('Nouvelle étape')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Résumé' })).toContainText('Terminer les études et préparer le plan de financement');
  });

  test('after sending a question, the focus goes to the new question (bug 11), on a phone too', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await logInAsDemo(page, 'Claire Martin');
    await page.goto(`${projectUrl}/questions`);
    await expect(page.getByText('Aucune question pour l’instant.')).toBeVisible();
    await page.getByRole('button', { name: 'Poser une question' }).click();
    await page.getByLabel('Sujet *').selectOption({ label: 'Juridique' });
    await page.getByLabel('Votre question *').fill('Le lavoir est-il dans le périmètre d’un monument historique ?');
    await page.getByRole('button', { name: 'Envoyer la question' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Votre question a été envoyée au Département.' })).toBeVisible();
    const asked = page.locator('.questions > li').filter({ hasText: 'Le lavoir est-il dans le périmètre' });
    await expect(asked).toBeFocused();
    await expect(page.locator('body')).not.toBeFocused();
    await expect(page.getByLabel('Votre question *')).toHaveCount(0);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'the questions section after a question (phone)');
    await screenshot(page, 'phone-project-questions');

    await page.goto(projectUrl);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, 'the project page summary (phone)');
    await screenshot(page, 'phone-project-summary');
    // On a phone the tabs sit below the summary: opening a section does not jump back to the top of the page.
    const history = page.getByRole('navigation', { name: 'Sections du projet' }).getByRole('link', { name: 'Historique' });
    await history.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(0);
    await history.click();
    await expect(page.getByRole('heading', { level: 2, name: 'Historique' })).toBeVisible();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await expect(history).toHaveAttribute('aria-current', 'page');
  });

  test('after a message is sent with the button, the focus goes to the outcome, not back to the top of the page', async ({ page }) => {
    await logInAsDemo(page, 'Claire Martin');
    await page.goto(`${projectUrl}/echanges`);
    await page.getByLabel('Écrire un message').fill('Bonjour, le devis de charpente est arrivé.');
    await page.getByRole('button', { name: 'Envoyer le message' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Votre message a été envoyé.' });
    await expect(done.locator('.alert--success')).toBeFocused();
    await expect(page.getByText('Bonjour, le devis de charpente est arrivé.', { exact: true })).toBeVisible();
  });

  test('an anonymous visitor sent to a section is asked to log in, and comes back to that section', async ({ page }) => {
    await page.goto(`${projectUrl}/questions`);
    await expect(page.getByRole('heading', { level: 1, name: 'Projet introuvable' })).toBeVisible();
    const id = projectUrl.split('/').pop()!;
    await expect(page.getByRole('main').getByRole('link', { name: 'connectez-vous' })).toHaveAttribute('href', new RegExp(`^/connexion\\?retour=(%2F|/)projets(%2F|/)${id}(%2F|/)questions$`));
  });
});

test.describe('The public portal’s cards and the identity', () => {
  for (const [width, name] of [
    [1280, 'desktop'],
    [390, 'phone'],
  ] as const) {
    test(`the home and the search show each published project with its picture (${name})`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/projets-publics');
      const cards = page.locator('.cards > li');
      expect(await cards.count()).toBeGreaterThanOrEqual(4);
      await expect(cards.filter({ hasText: 'Le lavoir communal restauré' })).toContainText('La Roche-Guyon');
      // Each picture is the project's own, loaded, and decorative next to the title link.
      for (const img of await page.locator('.cards img').all()) {
        await expect(img).toHaveAttribute('alt', '');
        await img.scrollIntoViewIfNeeded();
        await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
      }
      await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/marque/favicon.svg');
      await expect(page.getByRole('banner').getByRole('link', { name: /Carnet de projets — Val-d’Oise/ })).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectAccessible(page, `the portal home with its cards (${name})`);
      await screenshot(page, `${name}-portal-cards`);

      await page.goto('/projets-publics/recherche?commune=95523');
      await expect(page.locator('.cards > li')).toHaveCount(1);
      await expect(page.locator('.cards img')).toHaveAttribute('src', /\/api\/public\/v1\/projects\/.+\/documents\//);
      await expectAccessible(page, `the portal search with its cards (${name})`);
    });
  }

  test('the app wears the same name, logo and favicon', async ({ page, request }) => {
    await page.goto('/connexion');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Carnet de projets — Val-d’Oise' })).toBeVisible();
    await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/marque/favicon.svg');
    const logo = await request.get('/marque/logo');
    expect(logo.headers()['content-type']).toBe('image/svg+xml');
    expect(await logo.text()).toContain('<svg');
    expect((await request.get('/marque/favicon.svg')).status()).toBe(200);
  });
});
