import { expect, test, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { expectAccessible, expectNoHorizontalScroll, logInAsDemo, openProjectSection, screenshot } from './helpers';

const SHOTS = resolve(import.meta.dirname, 'screenshots');

/*
 * The worked example of the financing brief, through the web app: a commune of fewer than 2,000
 * inhabitants, the energy renovation of its school, 300,000 € HT (360,000 € TTC), no private money.
 */

const WIDTHS = [
  { name: 'telephone', width: 390, height: 844 },
  { name: 'ordinateur', width: 1280, height: 900 },
];

async function estimateSchool(page: Page): Promise<void> {
  await page.getByLabel('Catégorie de travaux').selectOption({ label: 'Rénovation énergétique d’une école' });
  await page.getByLabel('Coût HT, en euros').fill('300 000');
  await page.getByLabel('Coût TTC, en euros').fill('360 000');
  await page.getByRole('button', { name: 'Estimer les aides' }).click();
  await expect(page.getByRole('heading', { name: /^Estimation pour Ableiges/ })).toBeFocused();
}

for (const size of WIDTHS) {
  test.describe(`financing (${size.name})`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('the mayor estimates the school’s aid, keeps the estimate, requests the aid and sees the plan checked', async ({ page }) => {
      await logInAsDemo(page, 'Claire Martin');
      // A fresh project of Ableiges (1 108 inhabitants) for this journey.
      await page.goto('/projets/nouveau');
      await page.getByLabel('Titre').fill(`Rénovation énergétique de l’école (${size.name})`);
      await page.getByLabel('Thème').selectOption({ label: 'École et petite enfance' });
      await page.getByLabel('Coût estimé hors taxes, en euros').fill('300000');
      await page.getByRole('button', { name: 'Créer le projet' }).click();
      await expect(page.getByRole('heading', { level: 1, name: `Rénovation énergétique de l’école (${size.name})` })).toBeVisible();

      await openProjectSection(page, 'Financement');
      const financing = page.getByRole('region', { name: 'Financement' });
      await expect(financing.getByText('Aucun financement enregistré pour l’instant.')).toBeVisible();
      await financing.getByRole('link', { name: 'Estimer les aides de ce projet' }).click();

      await expect(page.getByRole('heading', { level: 1, name: 'Estimer les aides d’un projet' })).toBeVisible();
      await expectAccessible(page, `simulator form (${size.name})`);
      await estimateSchool(page);
      const result = page.getByRole('region', { name: /^Estimation pour Ableiges/ });
      await expect(result.getByText('Vous atteignez la règle des 20 % d’autofinancement : au plus 30 000 € d’aide de l’État.')).toBeVisible();
      const row = (name: RegExp) => result.getByRole('row', { name });
      await expect(row(/Contrat rural — Région/)).toContainText('120 000 €');
      await expect(row(/Contrat rural — Département/)).toContainText('90 000 €');
      await expect(row(/^DETR/)).toContainText('30 000 €');
      await expect(result.getByText('60 000 €', { exact: true })).toBeVisible(); // the commune's share
      await expect(result.getByText(/^59 054 €/)).toBeVisible(); // FCTVA
      await expect(result.getByText('Estimation non contractuelle : seuls les financeurs décident de leurs aides.')).toBeVisible();
      await expect(result.getByText(/version 1 en vigueur le 01\/01\/2026/)).toBeVisible();
      await result.getByText('Comment ce montant est calculé').nth(3).click(); // DETR
      await expect(row(/^DETR/).getByText(/Aide de l’État encore possible : 30 000 €/)).toBeVisible();
      await expect(result.getByText(/Rénovation énergétique des bâtiments publics locaux : 56 subventions, médiane 202 117 €/)).toBeVisible();
      await expectAccessible(page, `simulator result (${size.name})`);
      await expectNoHorizontalScroll(page);
      await screenshot(page, `financement-simulateur-${size.name}`);
      await result.screenshot({ path: resolve(SHOTS, `financement-simulateur-resultat-${size.name}.png`) });

      await page.getByRole('button', { name: 'Enregistrer cette estimation sur le projet' }).click();
      await expect(page.getByText('Estimation enregistrée sur le projet, avec la version des règles utilisée.')).toBeVisible();
      await page.getByRole('link', { name: 'Voir l’estimation dans le financement du projet' }).click();
      // The link opens the project on its « Financement » section.
      await expect(page).toHaveURL(/\/projets\/[0-9a-f-]{36}\/financement(\?|$)/);
      await expect(page.getByRole('navigation', { name: 'Sections du projet' }).getByRole('link', { name: /^Financement/ })).toHaveAttribute('aria-current', 'page');

      await expect(financing.getByText(/Vous atteignez la règle des 20 % d’autofinancement/)).toBeVisible();
      await financing.getByRole('button', { name: /^Rejouer avec les règles de l’époque/ }).click();
      await expect(financing.getByText('Rejouée avec la version 1 des règles : résultat identique à ce qui a été dit.')).toBeVisible();
      await financing.getByRole('button', { name: 'Demander ces aides (lignes « demandée »)' }).click();
      await expect(financing.getByText('Les aides de l’estimation sont enregistrées comme demandées.')).toBeVisible();
      await expect(financing.getByRole('row', { name: /DETR/ })).toContainText('Demandée');

      // The cost estimated when the project was created is offered, not typed again.
      await expect(financing.getByText('(la présentation du projet l’estime à 300 000 € : enregistrez le coût ci-dessous pour calculer le plan)')).toBeVisible();
      await expect(financing.getByLabel('Coût hors taxes (HT), en euros')).toHaveValue('300 000');
      // The cost, then a DETR of 60,000 € granted by the prefect: the plan now breaks the 20 % rule, flagged and not refused.
      await financing.getByLabel('Coût hors taxes (HT), en euros').fill('300 000');
      await financing.getByLabel('Coût toutes taxes comprises (TTC), en euros').fill('360 000');
      await financing.getByRole('button', { name: 'Ajouter un poste' }).click();
      await financing.getByLabel('Poste 1', { exact: true }).fill('Isolation des combles');
      await financing.getByLabel('Montant HT du poste 1').fill('120 000');
      await financing.getByRole('button', { name: 'Ajouter un poste' }).click();
      await financing.getByLabel('Poste 2', { exact: true }).fill('Chaudière et ventilation');
      await financing.getByLabel('Montant HT du poste 2').fill('150 000');
      await financing.getByRole('button', { name: 'Enregistrer le coût' }).click();
      await expect(financing.getByText('Les postes font 270 000 € HT : ils doivent faire le coût HT.').first()).toBeVisible();
      await expect(financing.getByLabel('Montant HT du poste 1')).toBeFocused();
      await financing.getByLabel('Montant HT du poste 2').fill('180 000');
      await financing.getByRole('button', { name: 'Enregistrer le coût' }).click();
      await expect(financing.getByText('Le coût du projet est enregistré.')).toBeVisible();
      await expect(financing.getByText('59 054 €', { exact: false }).first()).toBeVisible();
      await expect(financing.getByText('Isolation des combles : 120 000 € ; Chaudière et ventilation : 180 000 €')).toBeVisible();

      const detr = financing.getByRole('row', { name: /DETR/ });
      await detr.getByText('Mettre à jour').click();
      await detr.getByLabel('Ce qui s’est passé').selectOption({ label: 'Accordé' });
      await detr.getByLabel('Montant accordé, en euros').fill('60 000');
      await detr.getByLabel('Référence de la décision (arrêté, convention)').fill('Arrêté préfectoral n° 2026-41');
      await detr.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(financing.getByText('Règle d’autofinancement minimal non respectée')).toBeVisible();
      await expect(financing.getByText(/Il manque 30 000 € d’autofinancement/)).toBeVisible();

      // A payment above what was granted is refused with a clear reason.
      const granted = financing.getByRole('row', { name: /DETR/ });
      const update = granted.locator('details').filter({ hasText: 'Mettre à jour' });
      if ((await update.getAttribute('open')) === null) await update.getByText('Mettre à jour').click();
      await expect(granted.getByLabel('Ce qui s’est passé')).toHaveValue('payments');
      await granted.getByLabel('Montant versé, en euros').fill('70 000');
      await granted.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(granted.getByRole('alert')).toContainText('porterait le total versé à 70 000 €, au-delà des 60 000 € accordés');
      await expectAccessible(page, `financing section (${size.name})`);
      await expectNoHorizontalScroll(page);
      await financing.scrollIntoViewIfNeeded();
      await screenshot(page, `financement-projet-${size.name}`);
      await financing.screenshot({ path: resolve(SHOTS, `financement-section-${size.name}.png`) });
    });
  });
}

test('the simulator is reached and used with the keyboard alone', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await logInAsDemo(page, 'Claire Martin');
  await page.goto('/simulateur');
  await page.getByLabel('Catégorie de travaux').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Coût HT, en euros')).toBeFocused();
  await page.keyboard.type('300000');
  await page.keyboard.press('Tab');
  await page.keyboard.type('360000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Estimation pour Ableiges/ })).toBeFocused();
  await expect(page.getByText('Vous atteignez la règle des 20 % d’autofinancement : au plus 30 000 € d’aide de l’État.')).toBeVisible();
});

test('the Département’s dashboard shows funding per funder and year and the plans below the minimum own share', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await logInAsDemo(page, 'Sophie Bernard');
  await page.goto('/tableau-de-bord');
  await expect(page.getByRole('heading', { level: 2, name: 'Financements' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Financements demandés, accordés et versés, par financeur et par année' });
  await expect(table.getByRole('row', { name: /État/ }).first()).toBeVisible();
  const breaking = page.getByRole('list', { name: 'Plans sous l’autofinancement minimal' });
  await expect(breaking.getByRole('link', { name: /Rénovation énergétique de l’école/ }).first()).toBeVisible();
  await expect(breaking).toContainText('il manque 30 000 €');
  await expectAccessible(page, 'Département dashboard with financing');
  await page.getByRole('heading', { level: 2, name: 'Financements' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'financement-tableau-de-bord', false);
});

test('an administrator publishes new financing rules; works starting after their effective date are estimated with them', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await logInAsDemo(page, 'Isabelle Moreau');
  await page.goto('/administration/regles-de-financement');
  await expect(page.getByRole('heading', { level: 2, name: 'Règles de financement' })).toBeVisible();
  const versions = page.getByRole('table', { name: 'Versions publiées' });
  await expect(versions.getByRole('row', { name: /^1 Règles de départ du Val-d’Oise/ })).toContainText('Plateforme');
  await expectAccessible(page, 'financing rules administration');

  await page.getByLabel('Titre').fill('Taux du FCTVA de la loi de finances 2030');
  await page.getByLabel('Date d’effet').fill('2030-01-01');
  await page.getByLabel('Ce qui change').fill('FCTVA à 14,85 %');
  const json = page.getByLabel('Dispositifs et règles (JSON publicodes)');
  await json.fill((await json.inputValue()).replace('"16.404%"', '"14.85%"'));
  await page.getByRole('button', { name: 'Publier cette version' }).click();
  await expect(page.getByText('Version 2 publiée.')).toBeVisible();
  await expect(versions.getByRole('row', { name: /^2 Taux du FCTVA/ })).toContainText('Isabelle Moreau');
  await screenshot(page, 'financement-regles-admin', false);

  await page.goto('/simulateur');
  await page.getByLabel('Commune *').selectOption({ label: 'Piscop (768 habitants)' });
  await page.getByLabel('Début prévu des travaux').fill('2030-03-01');
  await page.getByLabel('Coût HT, en euros').fill('300 000');
  await page.getByLabel('Coût TTC, en euros').fill('360 000');
  await page.getByRole('button', { name: 'Estimer les aides' }).click();
  const result = page.getByRole('region', { name: /^Estimation pour Piscop \(768 habitants\)/ });
  await expect(result.getByText(/^53 460 €/)).toBeVisible();
  await expect(result.getByText(/version 2 en vigueur le 01\/01\/2030/)).toBeVisible();
});

test('an auditor replays a project’s financing as of a date', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await logInAsDemo(page, 'Anne Lambert');
  const list = await (await page.request.get('/api/projects?q=' + encodeURIComponent('Rénovation énergétique de l’école (ordinateur)'))).json();
  const project = list.items.find((p: { title: string }) => p.title === 'Rénovation énergétique de l’école (ordinateur)');
  await page.goto(`/audit/projets/${project.id}`);
  await page.getByLabel('Voir le plan de financement et les estimations à la fin du …').fill(new Date().toISOString().slice(0, 10));
  await page.getByRole('button', { name: 'Voir le financement à cette date' }).click();
  const replay = page.getByRole('list', { name: /événements rejoués/ });
  await expect(replay.getByText(/Accordée : 60 000 € le .* \(Arrêté préfectoral n° 2026-41\) — Claire Martin/)).toBeVisible();
  await expect(page.getByText(/Vous atteignez la règle des 20 % d’autofinancement : au plus 30 000 € d’aide de l’État\. Part communale 60 000 €, FCTVA 59 054 € \(règles version 1\)/)).toBeVisible();
  await page.getByLabel('Voir le plan de financement et les estimations à la fin du …').fill('2020-01-01');
  await page.getByRole('button', { name: 'Voir le financement à cette date' }).click();
  await expect(page.getByText('Aucun financement à cette date.')).toBeVisible();
  await expectAccessible(page, 'audit: financing as of a date');
});
