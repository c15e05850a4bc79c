import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { DemoAccount } from '../../libs/contracts/src/index.ts';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const screenshotDir = resolve(dirname(fileURLToPath(import.meta.url)), 'screenshots');
mkdirSync(screenshotDir, { recursive: true });

export const DEMO_PASSWORD = 'demo-carnet-2026';

/** Zero WCAG 2.1 A/AA violations found by axe-core on the page as it is now. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, `accessibility violations on ${what}`).toEqual([]);
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: resolve(screenshotDir, `${name}.png`), fullPage });
}

/** The page fits the viewport's width: nothing to scroll sideways. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'horizontal overflow in CSS pixels').toBeLessThanOrEqual(0);
}

/** A demo account, as the login page lists them (development only). */
export async function demoAccount(request: APIRequestContext, roleLabel: string, communeName?: string): Promise<DemoAccount> {
  const response = await request.get('/api/dev/demo-accounts');
  expect(response.ok()).toBe(true);
  const accounts = (await response.json()) as DemoAccount[];
  const account = accounts.find((a) => a.roleLabel === roleLabel && (communeName === undefined || a.communeName === communeName));
  if (!account) throw new Error(`no demo account « ${roleLabel} »${communeName ? ` in ${communeName}` : ''}`);
  return account;
}

/** The header names who is logged in: « Claire Martin — Maire (Ableiges) ». */
export function whoIsLoggedIn(page: Page) {
  return page.locator('.account__who');
}

/** Logs in by typing the e-mail address and the password, as a person would. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD, displayName?: string): Promise<void> {
  if (!page.url().includes('/connexion')) await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await expect(page).not.toHaveURL(/\/connexion/);
  if (displayName) await expect(whoIsLoggedIn(page)).toContainText(displayName);
}

/** One click on a demo account of the login page. */
export async function logInAsDemo(page: Page, displayName: string): Promise<void> {
  await page.goto('/connexion');
  await page.getByRole('button', { name: `Se connecter en tant que ${displayName}` }).click();
  await expect(whoIsLoggedIn(page)).toContainText(displayName);
  // The login ends with a navigation, after which the app moves the focus to the page's content (app.ts): wait for
  // it, or a key pressed right away may land on the content instead of where the test put the focus (a CI run once
  // pressed Enter on « Plus » while the focus was moving, and the menu stayed closed).
  await expect(page.locator('main#contenu')).toBeFocused();
}

/** On a phone the header's links, search box and account are folded behind « Menu »: unfolds them. */
export async function openMenuOnPhone(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: /^Menu/ });
  // isVisible() does not wait: right after a login the header may not be drawn yet. On a phone
  // (40rem = 640 px and less, the stylesheet's breakpoint) the toggle is awaited before deciding.
  if ((page.viewportSize()?.width ?? 1280) <= 640) await toggle.waitFor({ state: 'visible' });
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/**
 * Follows a link of the header: on a desktop, the links used less often are in « Plus » and « Mon compte »
 * in the menu under the person's name (issue #16); on a phone, all are behind « Menu ».
 */
export async function followHeaderLink(page: Page, name: string): Promise<void> {
  await openMenuOnPhone(page);
  const header = page.locator('.site-header');
  const link = header.getByRole('link', { name, exact: true });
  // The header's links come with the person's session: wait until this one is in the page, shown or folded.
  await header.getByRole('link', { name, exact: true, includeHidden: true }).first().waitFor({ state: 'attached' });
  if (!(await link.isVisible())) {
    // The link is hidden in its closed menu: find the menu that holds it among hidden elements too.
    const menu = header.locator('app-header-menu').filter({ has: page.getByRole('link', { name, exact: true, includeHidden: true }) });
    await menu.getByRole('button').click();
  }
  await link.click();
}

/** Opens the menu under the person's name (desktop), where « Mon compte » and « Se déconnecter » are. */
export async function openAccountMenu(page: Page): Promise<void> {
  await openMenuOnPhone(page);
  const toggle = page.locator('.account .header-menu__toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

export async function logOut(page: Page): Promise<void> {
  await openAccountMenu(page);
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await expect(page).toHaveURL(/\/connexion/);
  await expect(page.getByRole('link', { name: 'Se connecter' })).toHaveCount(0);
  await expect(whoIsLoggedIn(page)).toHaveCount(0);
}

const outbox = () => resolve(process.env['BROWSER_DATA_DIR'] ?? '', 'outbox');

/**
 * The path of the last link to `pathPrefix` mailed to `email`, read from the API's outbox (no SMTP in tests).
 * Waits for the message: the API may write it just after answering.
 */
export async function linkMailedTo(email: string, pathPrefix: '/invitation/' | '/mot-de-passe/'): Promise<string> {
  let found: string | null = null;
  await expect
    .poll(
      () => {
        let files: string[] = [];
        try {
          files = readdirSync(outbox()).sort();
        } catch {
          return null;
        }
        for (const file of files.reverse()) {
          const text = readFileSync(resolve(outbox(), file), 'utf8');
          if (!new RegExp(`^To: .*${email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'mi').test(text)) continue;
          const match = text.match(new RegExp(`https?://[^\\s/]+(${pathPrefix}[A-Za-z0-9_\\-]+)`));
          if (match) {
            found = match[1];
            return found;
          }
        }
        return null;
      },
      { message: `a message to ${email} with a link to ${pathPrefix}…`, timeout: 10_000 },
    )
    .not.toBeNull();
  return found!;
}

/** Opens a section of the project page (« Questions », « Documents »…) by its tab, as a person would. */
export async function openProjectSection(page: Page, label: string): Promise<void> {
  const tabs = page.getByRole('navigation', { name: 'Sections du projet' });
  await tabs.getByRole('link', { name: new RegExp(`^${label}`) }).click();
  await expect(tabs.getByRole('link', { name: new RegExp(`^${label}`) })).toHaveAttribute('aria-current', 'page');
}

/**
 * Logs in through the API with the demo password; a journey run before may have changed it (the accounts journey
 * replaces the partner's through « Mot de passe oublié »): then the password is replaced the same way, through the
 * e-mail. The page's context gets the session cookie.
 */
export async function logInThroughApi(page: Page, email: string): Promise<void> {
  let response = await page.request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  if (response.status() === 401) {
    const password = 'Le marronnier de la cour refleurit';
    expect((await page.request.post('/api/auth/password-reset', { data: { email } })).status()).toBe(202);
    const token = (await linkMailedTo(email, '/mot-de-passe/')).split('/mot-de-passe/')[1];
    expect((await page.request.post(`/api/auth/password-reset/${token}`, { data: { password } })).status()).toBe(204);
    response = await page.request.post('/api/auth/login', { data: { email, password } });
  }
  expect(response.status()).toBe(200);
}
