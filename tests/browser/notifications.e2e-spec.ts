import { expect, test, type APIRequestContext } from '@playwright/test';
import { request as playwrightRequest } from '@playwright/test';
import { expectAccessible, expectNoHorizontalScroll, followHeaderLink, logInAsDemo, screenshot } from './helpers.ts';

const run = Date.now().toString(36);

/** A person using the API directly (session cookie + CSRF header), to set the scene. */
async function apiAs(baseURL: string, email: string): Promise<{ api: APIRequestContext; csrf: string }> {
  const api = await playwrightRequest.newContext({ baseURL });
  const login = await api.post('/api/auth/login', { data: { email, password: 'demo-carnet-2026' } });
  expect(login.status()).toBe(200);
  const csrf = (await api.storageState()).cookies.find((c) => c.name === 'carnet_csrf')!.value;
  return { api, csrf };
}

test.describe('Notifications in a browser', () => {
  test.describe.configure({ mode: 'serial' });

  test('a collaborator sees the Département’s answer in « Notifications », opens it, and it is marked read', async ({ page, baseURL }) => {
    const title = `Toiture de la mairie ${run}`;
    // Julien Petit (collaborator, Ableiges) asks; Sophie Bernard (Département) answers with the AnswerQuestion endpoint.
    const julien = await apiAs(baseURL!, 'julien.petit@demo.carnet.invalid');
    const created = await julien.api.post('/api/projects', {
      headers: { 'X-CSRF-Token': julien.csrf },
      data: { codeInsee: '95002', title, theme: 'batiment_public', estimatedCostHt: 80000 },
    });
    expect(created.status()).toBe(201);
    const projectId = (await created.json()).id as string;
    const asked = await julien.api.post(`/api/projects/${projectId}/questions`, {
      headers: { 'X-CSRF-Token': julien.csrf },
      data: { category: 'financement', text: 'Quelles aides pour la toiture ?' },
    });
    const { position } = await asked.json();
    const detail = await (await julien.api.get(`/api/projects/${projectId}?minPosition=${position}`)).json();
    const sophie = await apiAs(baseURL!, 'sophie.bernard@demo.carnet.invalid');
    const answered = await sophie.api.post(`/api/projects/${projectId}/questions/${detail.questions[0].id}/answers`, {
      headers: { 'X-CSRF-Token': sophie.csrf },
      data: { text: 'La DSIL peut financer 30 %.' },
    });
    expect(answered.status()).toBe(201);
    await julien.api.get(`/api/notifications?minPosition=${(await answered.json()).position}`);

    await logInAsDemo(page, 'Julien Petit');
    const nav = page.getByRole('navigation', { name: 'Menu principal' });
    await page.goto('/');
    const inboxLink = nav.getByRole('link', { name: /^Notifications \(\d+ non lues?\)$/ });
    await expect(inboxLink).toBeVisible();
    const before = Number(/\((\d+) non/.exec((await inboxLink.textContent()) ?? '')?.[1] ?? (await inboxLink.locator('.badge').textContent()));

    await inboxLink.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    await expect(page).toHaveTitle('Notifications — Carnet de projets');
    const item = page.locator('.inbox__item').filter({ hasText: title }).filter({ hasText: 'Sophie Bernard a répondu à une question.' });
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Non lue');
    await expect(item).toContainText('(Ableiges)');
    await expectAccessible(page, 'the notifications page');
    await screenshot(page, 'desktop-notifications');

    // Opened with the keyboard: the project page, and the notification is read.
    await item.getByRole('link', { name: title }).focus();
    await page.keyboard.press('Enter');
    // …on the question answered, in the project's « Questions » section.
    await expect(page).toHaveURL(new RegExp(`/projets/${projectId}/questions#question-${detail.questions[0].id}$`));
    await expect(page.locator(`#question-${detail.questions[0].id}`)).toBeFocused();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    // The button says what it does, the line under it where things stand.
    await expect(page.getByRole('button', { name: 'Ne plus suivre ce projet' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Vous recevez les notifications de ce projet.' })).toBeVisible();
    await expectAccessible(page, 'the project page with its follow button');
    await expect(nav.getByRole('link', { name: /^Notifications/ })).not.toHaveAccessibleName(`Notifications (${before} non ${before > 1 ? 'lues' : 'lue'})`);

    await nav.getByRole('link', { name: /^Notifications/ }).click();
    const readItem = page.locator('.inbox__item').filter({ hasText: title }).filter({ hasText: 'a répondu' });
    await expect(readItem).toContainText('Lue');
    await expect(readItem).not.toContainText('Non lue');
    await expect(readItem.getByRole('button', { name: /Marquer comme lue/ })).toHaveCount(0);

    // Everything else at once.
    if (await page.getByRole('button', { name: 'Tout marquer comme lu' }).count()) {
      await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Toutes les notifications sont marquées comme lues.' })).toBeVisible();
      await expect(page.getByText('Tout est lu.')).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
    }

    // On a phone: no horizontal scrolling.
    await page.setViewportSize({ width: 375, height: 740 });
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'mobile-notifications');
    await page.setViewportSize({ width: 1280, height: 800 });
    await julien.api.dispose();
    await sophie.api.dispose();
  });

  test('a commune member chooses how to be told by e-mail in « Mon compte »', async ({ page }) => {
    await logInAsDemo(page, 'Julien Petit');
    await followHeaderLink(page, 'Mon compte');
    const group = page.getByRole('group', { name: /Quand voulez-vous être prévenu par e-mail/ });
    await expect(group.getByLabel('Un récapitulatif par jour (le matin) — choix par défaut')).toBeChecked();
    await expectAccessible(page, 'Mon compte with the e-mail preference');
    await group.getByLabel('Un e-mail à chaque notification').check();
    await page.getByRole('region', { name: 'E-mails de notification' }).getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Votre choix est enregistré.' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('group', { name: /Quand voulez-vous/ }).getByLabel('Un e-mail à chaque notification')).toBeChecked();
    // Back to the default for the other journeys.
    await page.getByLabel('Un récapitulatif par jour (le matin) — choix par défaut').check();
    await page.getByRole('region', { name: 'E-mails de notification' }).getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Votre choix est enregistré.' })).toBeVisible();
  });
});
