import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, linkMailedTo } from './helpers.ts';

/*
 * The Content-Security-Policy (ADR 0021) holds in a real browser: every page of the app for each role, the public
 * portal, the legal pages and the Swagger UI load and render without the browser reporting one violation.
 */

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

/** Records every `securitypolicyviolation` event and every CSP message of the console, from the first byte. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('__reportCspViolation', (v: Violation) => seen.push(`${v.directive} blocked ${v.blocked} ${v.sample}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation: (v: Violation) => void }).__reportCspViolation({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        sample: e.sample,
      });
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

/** Opens a page, waits until it has rendered its main heading and has nothing left to load. */
async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.headers()['content-security-policy'], `CSP header of ${path}`).toContain("frame-ancestors 'none'");
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
}

/**
 * Logs in with the demo password; a journey run before this one may have changed it (the accounts journey replaces
 * the partner's through « Mot de passe oublié »): then the password is replaced the same way, through the e-mail.
 */
async function logIn(page: Page, email: string): Promise<void> {
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

async function firstProjectId(page: Page): Promise<string> {
  const response = await page.request.get('/api/projects?limit=1');
  const body = (await response.json()) as { items: Array<{ id: string }> };
  expect(body.items.length).toBeGreaterThan(0);
  return body.items[0].id;
}

const LEGAL = ['/accessibilite', '/mentions-legales', '/donnees-personnelles'];
const EVERYONE = ['/', '/projets/nouveau', '/recherche', '/tableau-de-bord', '/notifications', '/mon-compte', ...LEGAL, '/page-qui-n-existe-pas'];

const ROLES: Array<{ who: string; email: string; pages: (projectId: string) => string[] }> = [
  { who: 'a mayor', email: 'claire.martin@demo.carnet.invalid', pages: (id) => [...EVERYONE, `/projets/${id}`, '/ma-commune'] },
  { who: 'a collaborator', email: 'julien.petit@demo.carnet.invalid', pages: (id) => [...EVERYONE, `/projets/${id}`, '/ma-commune'] },
  {
    who: 'a Département agent',
    email: 'sophie.bernard@demo.carnet.invalid',
    pages: (id) => [...EVERYONE, `/projets/${id}`, '/a-traiter', '/annuaire', '/tableau-de-bord/communes/95002'],
  },
  {
    who: 'a Département administrator',
    email: 'isabelle.moreau@demo.carnet.invalid',
    pages: (id) => [
      ...EVERYONE,
      `/projets/${id}`,
      '/a-traiter',
      '/annuaire',
      '/administration/communes',
      '/administration/partenaires',
      '/administration/comptes',
      '/communes/95002/membres',
      '/audit',
      `/audit/projets/${id}`,
    ],
  },
  { who: 'a partner', email: 'thomas.girard@demo.carnet.invalid', pages: () => [...EVERYONE, '/a-traiter'] },
  { who: 'an auditor', email: 'anne.lambert@demo.carnet.invalid', pages: (id) => [...EVERYONE, `/projets/${id}`, '/audit', `/audit/projets/${id}`] },
];

test.describe('Content-Security-Policy in Chromium', () => {
  for (const role of ROLES) {
    test(`no page of the app reports a violation for ${role.who}`, async ({ page }) => {
      const violations = await watchViolations(page);
      await logIn(page, role.email);
      const pages = role.pages(await firstProjectId(page));
      for (const path of pages) await visit(page, path);
      expect(violations, `CSP violations for ${role.who}`).toEqual([]);
    });
  }

  test('no page reports a violation without logging in: login, password pages, legal pages of the app', async ({ page }) => {
    const violations = await watchViolations(page);
    for (const path of ['/connexion', '/mot-de-passe-oublie', '/invitation/jeton-inconnu', '/mot-de-passe/jeton-inconnu', ...LEGAL]) await visit(page, path);
    expect(violations).toEqual([]);
  });

  test('no page of the public portal reports a violation, nor its legal pages', async ({ page, request }) => {
    const violations = await watchViolations(page);
    const projects = (await (await request.get('/api/public/v1/projects')).json()) as { items: Array<{ pageUrl: string; codeInsee: string }> };
    expect(projects.items.length).toBeGreaterThan(0);
    const paths = [
      '/projets-publics',
      '/projets-publics/recherche?theme=ecole',
      '/projets-publics/communes',
      new URL(projects.items[0].pageUrl, 'http://x').pathname,
      '/projets-publics/accessibilite',
      '/projets-publics/mentions-legales',
      '/projets-publics/donnees-personnelles',
    ];
    for (const path of paths) await visit(page, path);
    // The portal's stylesheet is inline and allowed by its hash: it must apply (the header is the primary colour).
    await expect(page.locator('.site-header')).toHaveCSS('background-color', 'rgb(31, 78, 121)');
    expect(violations).toEqual([]);
  });

  test('the Swagger UI renders the API without a violation', async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto('/api/docs');
    await expect(page.getByRole('heading', { name: /Carnet de projets — API/ })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  });

  test('the app’s component styles carry the nonce; an injected inline script is blocked and reported', async ({ page }) => {
    const violations = await watchViolations(page);
    await logIn(page, 'claire.martin@demo.carnet.invalid');
    // The inbox has component styles: Angular inserts them as <style> elements carrying this response's nonce.
    await visit(page, '/notifications');
    const nonces = await page.locator('style').evaluateAll((styles) => styles.map((s) => (s as HTMLStyleElement).nonce));
    expect(nonces.length).toBeGreaterThan(0);
    expect(nonces.every((n) => n.length >= 16)).toBe(true);
    expect(violations).toEqual([]);

    // What the policy is for: a script slipped into the page does not run, and the browser says so.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.head.append(script);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations.some((v) => v.startsWith('script-src-elem'))).toBe(true);
  });
});
