import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { ActorRole, Persona } from '../../libs/contracts/src/index.ts';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const screenshotDir = resolve(dirname(fileURLToPath(import.meta.url)), 'screenshots');
mkdirSync(screenshotDir, { recursive: true });

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

export async function personaWithRole(request: APIRequestContext, role: ActorRole): Promise<Persona> {
  const response = await request.get('/api/dev/personas');
  expect(response.ok()).toBe(true);
  const personas = (await response.json()) as Persona[];
  const persona = personas.find((p) => p.role === role);
  if (!persona) throw new Error(`no demo persona with role ${role}`);
  return persona;
}

/** Chooses who one is, in the header, as a user would. */
export async function actAs(page: Page, persona: Persona): Promise<void> {
  await page.getByLabel('Vous êtes').selectOption(persona.id);
  await expect(page.getByLabel('Vous êtes')).toHaveValue(persona.id);
}
