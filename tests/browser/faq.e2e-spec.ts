import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, logInAsDemo, openMenuOnPhone, openProjectSection, screenshot } from './helpers.ts';

/**
 * Issue #11 in a browser: an agent turns an answered demo question into a public FAQ entry (the
 * draft carries no name; it is found without accents, on the portal too); a mayor typing
 * « subvention école » sees suggestions, opens one and leaves; the Département's dashboard counts
 * one question avoided. axe and keyboard on the FAQ page, the suggestion panel and the review screen.
 */
test.describe('Collaborative FAQ in a browser', () => {
  test.describe.configure({ mode: 'serial' });

  const newQuestion = 'Qui peut aider une commune à comparer des devis d’éclairage public ?';
  let entryPath = '';

  async function openProject(page: Page, title: string): Promise<void> {
    await page.goto('/');
    await page.getByRole('link', { name: title }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  test('an agent turns an answered demo question into a public entry without the names it held', async ({ page }) => {
    await logInAsDemo(page, 'Sophie Bernard');
    await openProject(page, 'Passage de l’éclairage public en LED');
    await openProjectSection(page, 'Questions');
    const question = page.locator('.questions > li').filter({ hasText: 'Qui peut nous aider à comparer les devis' });
    await expect(question.getByRole('list', { name: 'Réponse' })).toContainText('contactez Élodie Marchand');
    await question.getByRole('link', { name: 'Proposer pour la FAQ' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Relire l’entrée' })).toBeVisible();
    await expect(page.getByText('Retirés automatiquement : 1 nom de personne.', { exact: false })).toBeVisible();
    await expect(page.getByText('Brouillon', { exact: true })).toBeVisible();
    const answer = page.getByLabel('Réponse *');
    await expect(answer).not.toHaveValue(/Élodie|Marchand|Ableiges/);
    await expect(answer).toHaveValue(/\[nom\]/);
    await expectAccessible(page, 'the review screen of a draft');
    await screenshot(page, 'desktop-faq-review-draft');

    // The agent edits before publishing: a general question, a cleaner answer, for everybody.
    await page.getByLabel('Question *').fill(newQuestion);
    await answer.fill('Le conseiller en énergie partagé de votre secteur compare gratuitement les devis d’éclairage public : demandez-le à la Mission d’accompagnement des communes.');
    await page.getByLabel('Mots-clés').fill('éclairage, devis, LED');
    await page.getByLabel('Tout public (aussi sur le portail)').check();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Modifications enregistrées.' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Relire l’entrée' })).toBeFocused();

    // Publishing from the keyboard.
    const publish = page.getByRole('button', { name: 'Publier', exact: true });
    await publish.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Entrée publiée : elle est visible de tous, sur le portail aussi.' })).toBeVisible();
    await expect(page.getByText('Publiée', { exact: true })).toBeVisible();
    const history = page.getByRole('region', { name: 'Historique' });
    await expect(history.getByText('Brouillon rédigé — Sophie Bernard', { exact: false })).toBeVisible();
    await expect(history.getByText('Entrée publiée — Sophie Bernard', { exact: false })).toBeVisible();
    await expectAccessible(page, 'the review screen of a published entry');
    entryPath = new URL(page.url()).pathname;

    // Found by a search without accents, and on the portal and in the public API.
    await page.goto('/faq?q=eclairage%20devis');
    await expect(page.getByRole('button', { name: newQuestion })).toBeVisible();
    const id = entryPath.split('/').pop()!;
    const portal = await page.request.get(`/projets-publics/faq?q=eclairage`);
    expect(await portal.text()).toContain(newQuestion);
    const api = await (await page.request.get('/api/public/v1/faq?q=eclairage%20devis')).json();
    expect(api.items.map((e: { id: string }) => e.id)).toContain(id);
    expect(JSON.stringify(api)).not.toContain('Marchand');
  });

  test('the FAQ page works with the keyboard alone and is axe-clean, phone and desktop', async ({ page }) => {
    await logInAsDemo(page, 'Claire Martin');
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/faq');
      await expect(page.getByRole('heading', { level: 1, name: 'Questions fréquentes' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: 'Financement' })).toBeVisible();
      await expectAccessible(page, `the FAQ page at ${width} px`);
      await expectNoHorizontalScroll(page);
      await screenshot(page, `${width < 500 ? 'phone' : 'desktop'}-faq-page`);
    }
    // Search by keyboard: type, Enter; open an answer with Enter; vote with Space.
    await page.getByLabel('Mots cherchés').focus();
    await page.keyboard.type('subventions ecole');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: /réponses? pour « subventions ecole »/ })).toBeVisible();
    const first = page.locator('.faq-entry__toggle').first();
    await first.focus();
    await page.keyboard.press('Enter');
    await expect(first).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Tab');
    const yes = page.getByRole('group', { name: 'Cette réponse m’a été utile' }).getByRole('button', { name: 'Oui' });
    await yes.focus();
    await page.keyboard.press('Space');
    await expect(page.getByRole('status').filter({ hasText: 'Merci : votre avis « utile » est enregistré.' })).toBeVisible();
    await expect(yes).toHaveAttribute('aria-pressed', 'true');
    await expectAccessible(page, 'the FAQ page with an answer open and a vote');
    await screenshot(page, 'desktop-faq-search-vote');
  });

  test('a mayor typing « subvention école » sees entries, opens one and leaves; the dashboard counts one question avoided', async ({ page }) => {
    await logInAsDemo(page, 'Claire Martin');
    await openProject(page, 'Réfection de la toiture de l’école élémentaire');
    await openProjectSection(page, 'Questions');
    await page.getByRole('button', { name: 'Poser une question' }).click();
    const text = page.getByLabel('Votre question *');
    await text.fill('subvention école');
    const panel = page.getByRole('complementary', { name: 'Avant d’envoyer : des réponses existent peut-être' });
    await expect(panel).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /réponses? déjà publiées? pourrai(en)?t vous aider/ })).toHaveCount(1);
    await expect(panel.getByText(/réponses? déjà publiées? pourrai(en)?t vous aider/)).toBeVisible();
    const suggestions = panel.getByRole('listitem');
    expect(await suggestions.count()).toBeGreaterThan(0);
    expect(await suggestions.count()).toBeLessThanOrEqual(5);
    await expect(panel.getByRole('button', { name: /école/ }).first()).toBeVisible();
    // The panel follows the text field in the keyboard order.
    await text.focus();
    await page.keyboard.press('Tab');
    const firstSuggestion = panel.locator('.faq-suggestion__toggle').first();
    await expect(firstSuggestion).toBeFocused();
    const opened = page.waitForResponse((r) => r.url().includes('/api/faq/asking/') && r.url().endsWith('/openings'));
    await page.keyboard.press('Enter');
    await expect(firstSuggestion).toHaveAttribute('aria-expanded', 'true');
    expect((await opened).status()).toBe(201);
    await expectAccessible(page, 'the suggestion panel with an entry open');
    await screenshot(page, 'desktop-faq-suggestions');
    await page.locator('form[aria-labelledby="question-form-title"]').screenshot({ path: 'tests/browser/screenshots/desktop-faq-question-form.png' });
    await page.setViewportSize({ width: 390, height: 900 });
    await expectNoHorizontalScroll(page);
    await panel.screenshot({ path: 'tests/browser/screenshots/phone-faq-suggestions.png' });

    // She leaves without sending the question.
    const abandoned = page.waitForResponse((r) => r.url().endsWith('/abandon'));
    await openMenuOnPhone(page);
    await page.getByRole('link', { name: 'Projets', exact: true }).click();
    expect((await abandoned).status()).toBe(200);

    await page.setViewportSize({ width: 1280, height: 900 });
    await logInAsDemo(page, 'Sophie Bernard');
    await page.goto('/tableau-de-bord');
    const faq = page.getByRole('region', { name: 'Foire aux questions' });
    await expect(faq.locator('.kpi').filter({ hasText: 'Questions évitées (12 mois)' }).locator('dd')).toHaveText('1');
    await expect(faq.getByRole('img', { name: /Questions évitées/ })).toBeVisible();
    await expectAccessible(page, 'the Département dashboard with the FAQ figures');
    await faq.screenshot({ path: 'tests/browser/screenshots/desktop-faq-dashboard.png' });
  });

  test('a mayor proposes an entry; the agent declines it with a reason she then reads', async ({ page }) => {
    const proposal = 'Faut-il une délibération du conseil municipal pour chaque demande de subvention ?';
    await logInAsDemo(page, 'Claire Martin');
    await page.goto('/faq');
    await page.getByRole('link', { name: 'Proposer une question et sa réponse' }).click();
    await page.getByRole('button', { name: 'Envoyer la proposition' }).click();
    await expect(page.getByLabel('Question *')).toBeFocused();
    await expect(page.getByText('Écrivez la question (5 caractères au moins).')).toBeVisible();
    await page.getByLabel('Question *').fill(proposal);
    await page.getByLabel('Réponse *').fill('Oui : la délibération approuve le projet et son plan de financement.');
    await page.getByLabel('Catégorie *').selectOption({ label: 'Prochaine étape' });
    await expectAccessible(page, 'the proposal form with errors fixed');
    await page.getByRole('button', { name: 'Envoyer la proposition' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Merci : votre proposition est envoyée au Département' })).toBeVisible();
    const mine = page.getByRole('region', { name: 'Les propositions de votre commune' });
    await expect(mine.getByText(proposal)).toBeVisible();
    await expect(mine.getByText('Proposée par une commune')).toBeVisible();

    await logInAsDemo(page, 'Sophie Bernard');
    await page.goto('/faq/a-revoir');
    await page.getByRole('region', { name: /Propositions des communes/ }).getByRole('link', { name: proposal }).click();
    await expect(page.getByText('Proposée par la commune : Ableiges.')).toBeVisible();
    await expectAccessible(page, 'the review screen of a commune’s proposal');
    await page.getByRole('button', { name: 'Refuser la proposition' }).click();
    await expect(page.getByLabel('Motif (pour refuser, retirer ou archiver)')).toBeFocused();
    await page.keyboard.type('Une entrée existe déjà sur le plan de financement.');
    await page.getByRole('button', { name: 'Refuser la proposition' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Proposition refusée : la commune lira le motif.' })).toBeVisible();

    await logInAsDemo(page, 'Claire Martin');
    await page.goto('/faq');
    await expect(page.getByRole('region', { name: 'Les propositions de votre commune' }).getByText('Motif : Une entrée existe déjà sur le plan de financement.')).toBeVisible();
  });

  test('the agent’s review list and the portal’s FAQ are axe-clean on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 900 });
    await logInAsDemo(page, 'Sophie Bernard');
    await page.goto('/faq/a-revoir');
    await expect(page.getByRole('heading', { level: 1, name: 'À revoir dans la FAQ' })).toBeVisible();
    await expectAccessible(page, 'the review list');
    // The Département lists the entries of another status, e.g. the proposals it declined.
    await page.goto('/faq');
    await page.getByLabel('Statut').selectOption({ label: 'Proposition refusée' });
    await page.getByRole('button', { name: 'Rechercher', exact: true }).last().click();
    await expect(page.getByRole('status').filter({ hasText: '1 entrée « Proposition refusée ».' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Faut-il une délibération du conseil municipal pour chaque demande de subvention ?' })).toBeVisible();
    await expectAccessible(page, 'the FAQ page listing declined proposals');
    await page.goto(entryPath);
    await expect(page.getByRole('heading', { level: 1, name: 'Relire l’entrée' })).toBeVisible();
    await expectAccessible(page, 'the review screen on a phone');
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'phone-faq-review');
    await page.goto('/projets-publics/faq');
    await expect(page.getByRole('heading', { level: 1, name: 'Questions fréquentes des communes' })).toBeVisible();
    await expect(page.getByRole('link', { name: newQuestion })).toBeVisible();
    await expect(page.getByText('Qui contacter au Département pour préparer un projet d’école ?')).toHaveCount(0);
    await expectAccessible(page, 'the portal’s FAQ');
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'phone-portal-faq');
    await page.getByRole('link', { name: newQuestion }).click();
    await expect(page.getByRole('heading', { level: 1, name: newQuestion })).toBeVisible();
    await expectAccessible(page, 'a portal FAQ entry');
  });
});
