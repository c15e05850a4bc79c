import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, followHeaderLink, logInAsDemo, logInThroughApi, openProjectSection, screenshot, whoIsLoggedIn } from './helpers.ts';

/** The rough edges found by trying every role (issue #16), each as a person meets it. */

/** The vertical middles of what the header shows: links, menu buttons, the search box, the account. */
async function headerRows(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const shown = [...document.querySelectorAll<HTMLElement>('.site-header .brand, .site-header .site-nav__list > li, .site-header .header-search, .site-header .account > *')].filter(
      (e) => e.offsetParent !== null,
    );
    return [...new Set(shown.map((e) => Math.round((e.getBoundingClientRect().top + e.getBoundingClientRect().bottom) / 2)))];
  });
}

test.describe('The header on a desktop', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  for (const name of ['Claire Martin', 'Julien Petit', 'Sophie Bernard', 'Isabelle Moreau', 'Thomas Girard', 'Anne Lambert']) {
    test(`fits on one line for ${name}`, async ({ page }) => {
      if (name === 'Thomas Girard') {
        // The accounts journey, run before, may have replaced the partner's password: log in through the API.
        await logInThroughApi(page, 'thomas.girard@demo.carnet.invalid');
        await page.goto('/');
      } else await logInAsDemo(page, name);
      const rows = await headerRows(page);
      expect(Math.max(...rows) - Math.min(...rows), `header items at heights ${rows.join(', ')}`).toBeLessThanOrEqual(6);
      // The search box is not squeezed (it was 45–90 px for the agents): « Rechercher… » reads whole, with every role's links.
      // 12rem is the style's minimum; a pixel less is rounding.
      const search = (await page.locator('#header-search').boundingBox())!;
      expect(search.width, 'width of the header search box').toBeGreaterThanOrEqual(190);
      await expectNoHorizontalScroll(page);
      await screenshot(page, `desktop-header-${name.replace(' ', '-').toLowerCase()}`, false);
    });
  }

  test('groups the administration links in « Plus », which the keyboard opens and closes', async ({ page }) => {
    await logInAsDemo(page, 'Isabelle Moreau');
    const nav = page.getByRole('navigation', { name: 'Menu principal' });
    await expect(nav.getByRole('link', { name: 'Administration' })).toBeHidden();
    const plus = nav.getByRole('button', { name: 'Plus de liens' });
    await plus.focus();
    await page.keyboard.press('Enter');
    await expect(plus).toHaveAttribute('aria-expanded', 'true');
    await expect(nav.getByRole('link', { name: 'Administration' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Audit' })).toBeVisible();
    await expectAccessible(page, 'the header with « Plus » open');
    await page.keyboard.press('Escape');
    await expect(plus).toHaveAttribute('aria-expanded', 'false');
    await expect(plus).toBeFocused();
    await plus.click();
    await nav.getByRole('link', { name: 'Administration' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
    await expect(plus).toHaveAttribute('aria-expanded', 'false');
  });
});

test.describe('The header search', () => {
  test('says in French, next to the box, that one letter is not enough (no browser bubble)', async ({ page }) => {
    await logInAsDemo(page, 'Sophie Bernard');
    const header = page.getByRole('search', { name: 'Rechercher dans le carnet' });
    const box = header.getByLabel('Rechercher (projets, questions, réponses, messages)');
    await box.fill('a');
    await page.keyboard.press('Enter');
    await expect(header.getByRole('alert')).toHaveText('Saisissez au moins 2 caractères.');
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(box).toHaveAccessibleDescription(/Saisissez au moins 2 caractères\./);
    await expect(box).toBeFocused();
    await expect(page).not.toHaveURL(/\/recherche/);
    expect(await box.evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(true);
    await expectAccessible(page, 'the header search with its message');
    // Typing again clears the message; two letters open the results page.
    await box.fill('ec');
    await expect(box).not.toHaveAttribute('aria-invalid', 'true');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/recherche\?q=ec$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Recherche' })).toBeVisible();
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test('gets the same message in the folded menu, without scrolling sideways', async ({ page }) => {
      await logInAsDemo(page, 'Isabelle Moreau');
      await page.getByRole('button', { name: /^Menu/ }).click();
      const box = page.getByRole('search', { name: 'Rechercher dans le carnet' }).getByLabel('Rechercher (projets, questions, réponses, messages)');
      await box.fill('a');
      await page.keyboard.press('Enter');
      await expect(box).toHaveAccessibleDescription(/Saisissez au moins 2 caractères\./);
      await expectNoHorizontalScroll(page);
    });
  });
});

test.describe('The project list', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('shows the commune filter whole: « Toutes les communes » and the longest name are not cut', async ({ page }) => {
    await logInAsDemo(page, 'Sophie Bernard');
    await page.goto('/');
    const commune = page.getByRole('search', { name: 'Filtrer les projets' }).getByLabel('Commune');
    await expect(commune.locator('option').nth(1)).toBeAttached();
    // Room left in the list once its longest option is written in its own font: at least the arrow's.
    const room = await commune.evaluate((select: HTMLSelectElement) => {
      const style = getComputedStyle(select);
      const probe = document.createElement('span');
      probe.style.font = style.font;
      probe.style.whiteSpace = 'pre';
      probe.style.position = 'absolute';
      document.body.append(probe);
      const widest = Math.max(
        ...[...select.options].map((option) => {
          probe.textContent = option.text;
          return probe.getBoundingClientRect().width;
        }),
      );
      probe.remove();
      return select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - widest;
    });
    expect(room, 'room left in the commune filter').toBeGreaterThanOrEqual(12);
    await expectNoHorizontalScroll(page);
  });
});

test.describe('Anonymous visitors', () => {
  test('see no search box of the app on the login page', async ({ page }) => {
    await page.goto('/connexion');
    await expect(page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();
    await expect(page.getByRole('search', { name: 'Rechercher dans le carnet' })).toHaveCount(0);
  });

  test('searching the app are sent to the portal’s search, with their words, and find the published project', async ({ page }) => {
    await page.goto('/recherche?q=terrain%20multisports');
    await expect(page).toHaveURL(/\/projets-publics\/recherche\?q=terrain\+multisports$/);
    await expect(page.getByLabel('Mots-clés')).toHaveValue('terrain multisports');
    await expect(page.getByRole('heading', { level: 2, name: '1 projet publié' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Un city-stade en accès libre, livré en quatre mois' })).toBeVisible();
    await expectAccessible(page, 'the portal’s search with words');
  });
});

test.describe('A mayor', () => {
  test('opening /tableau-de-bord gets their commune’s dashboard', async ({ page }) => {
    await logInAsDemo(page, 'Claire Martin');
    await page.goto('/tableau-de-bord');
    await expect(page).toHaveURL(/\/tableau-de-bord\/communes\/95002$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord — Ableiges' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Réessayer' })).toHaveCount(0);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test('sees the projects first, the filters folded behind « Filtres (n) », with no « Commune » filter', async ({ page }) => {
      await logInAsDemo(page, 'Claire Martin');
      await page.goto('/');
      const toggle = page.getByRole('button', { name: 'Filtres (0) actifs' });
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await expect(page.getByRole('search', { name: 'Filtrer les projets' })).toBeHidden();
      const firstCard = page.locator('.cards .card').first();
      await expect(firstCard).toBeInViewport();
      await toggle.click();
      const filters = page.getByRole('search', { name: 'Filtrer les projets' });
      await expect(filters).toBeVisible();
      await expect(filters.getByLabel('Commune')).toHaveCount(0);
      await filters.getByLabel('Étape').selectOption({ label: 'Études' });
      await expect(page.getByRole('button', { name: 'Filtres (1) actifs' })).toBeVisible();
      await expectAccessible(page, 'the project list on a phone, filters open');
      await screenshot(page, 'phone-project-list-filters');
    });
  });
});

test.describe('Questions', () => {
  test('wait the same time on the commune’s dashboard, in « À traiter » and on the project page; none is « Prise en charge » without a responsible', async ({ browser }) => {
    const mayor = await browser.newPage();
    await logInAsDemo(mayor, 'Claire Martin');
    await mayor.goto('/tableau-de-bord/communes/95002');
    await expect(mayor.getByRole('heading', { level: 2, name: 'Questions en attente' })).toBeVisible();
    const durations = new Map<string, string>();
    for (const card of await mayor.locator('.card').all()) {
      const question = (await card.locator('p').nth(1).textContent())!.trim();
      durations.set(question, /\(([^)]*)\)\s*$/.exec((await card.locator('.card__meta').textContent())!.trim())![1]);
    }

    const agent = await browser.newPage();
    await logInAsDemo(agent, 'Sophie Bernard');
    await agent.goto('/a-traiter');
    await expect(agent.locator('.queue__item').first()).toBeVisible();
    let compared = 0;
    for (const item of await agent.locator('.queue__item').all()) {
      const text = (await item.textContent())!;
      const question = [...durations.keys()].find((q) => text.includes(q));
      if (question) {
        expect(text, question).toContain(`(${durations.get(question)})`);
        compared++;
      }
      if (text.includes('sans responsable')) expect(text).not.toContain('Prise en charge');
    }
    expect(compared, 'questions found on both pages').toBeGreaterThan(0);

    // The project page says it the same way.
    const [question, duration] = [...durations].find(([q]) => q.length > 0)!;
    await mayor.locator('.card').filter({ hasText: question }).getByRole('link').first().click();
    await expect(mayor.locator('.question__waiting-since').filter({ hasText: `(${duration}).` }).first()).toBeVisible();
    await mayor.close();
    await agent.close();
  });
});

test.describe('The publication form', () => {
  test('has its fields styled like every other field', async ({ page }) => {
    await logInAsDemo(page, 'Sophie Bernard');
    await page.goto('/');
    await page.getByRole('link', { name: 'Création d’un city-stade' }).click();
    await openProjectSection(page, 'Publication');
    await page.getByRole('button', { name: 'Modifier la version à publier' }).click();
    const look = (label: string) =>
      page.getByLabel(label, { exact: true }).evaluate((e) => {
        const s = getComputedStyle(e);
        return { height: e.getBoundingClientRect().height, font: s.fontFamily, border: s.borderTopColor };
      });
    const reference = await look('Ce qui a été fait *');
    for (const label of ['Titre public *', 'Coût final (€ HT)', 'Financeur 1', 'Montant 1 (€ HT)', 'Pourquoi cette modification ? *']) {
      const field = await look(label);
      expect(field.height, label).toBeGreaterThanOrEqual(44);
      expect(field.font, label).toBe(reference.font);
      expect(field.border, label).toBe(reference.border);
    }
    for (const legend of ['Financements obtenus', 'Documents publics à montrer']) {
      const group = page.locator('fieldset').filter({ has: page.locator('legend', { hasText: legend }) });
      if ((await group.count()) === 0) continue;
      expect(await group.evaluate((e) => getComputedStyle(e).borderTopStyle), legend).toBe('none');
    }
    await expectAccessible(page, 'the publication form open');
    await screenshot(page, 'desktop-publication-form');
  });
});

test.describe('« Mon compte »', () => {
  test('an administrator chooses how her role is written, and the header says it so', async ({ page }) => {
    await logInAsDemo(page, 'Isabelle Moreau');
    await expect(whoIsLoggedIn(page)).toHaveText('Isabelle Moreau — Administratrice du Département du Val-d’Oise');
    await followHeaderLink(page, 'Mon compte');
    const choice = page.getByRole('region', { name: 'Votre fonction' });
    await expect(choice.getByLabel('Administratrice du Département')).toBeChecked();
    await choice.getByLabel('Administrateur du Département').check();
    await choice.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(choice.getByRole('status')).toHaveText('C’est enregistré : « Administrateur du Département » s’affiche désormais à côté de votre nom.');
    await expect(whoIsLoggedIn(page)).toHaveText('Isabelle Moreau — Administrateur du Département du Val-d’Oise');
    await expectAccessible(page, 'Mon compte after choosing the form of one’s role');
    // Back as the demo has it, for the other journeys.
    await choice.getByLabel('Administratrice du Département').check();
    await choice.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(whoIsLoggedIn(page)).toHaveText('Isabelle Moreau — Administratrice du Département du Val-d’Oise');
  });
});
