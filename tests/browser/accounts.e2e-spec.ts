import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { demoAccount, expectAccessible, expectNoHorizontalScroll, followHeaderLink, linkMailedTo, logIn, logInAsDemo, logOut, screenshot, whoIsLoggedIn } from './helpers.ts';

const run = Date.now().toString(36);
const newPassword = 'Le tilleul de la place fleurit en juin';

test.describe('Accounts, seats and administration in a browser', () => {
  test.describe.configure({ mode: 'serial' });

  const lea = { name: 'Léa Roux', email: `lea.roux.${run}@exemple.fr` };
  let leaContext: BrowserContext | null = null;
  let leaPage: Page | null = null;

  test.afterAll(async () => {
    await leaContext?.close();
  });

  test('the login page says why a login is refused, and lists the demo accounts', async ({ page, request }) => {
    const mayor = await demoAccount(request, 'Maire', 'Ableiges');
    await page.goto('/connexion');
    await expect(page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();
    await expect(page).toHaveTitle('Se connecter — Carnet de projets');
    await expect(page.getByRole('heading', { name: 'Comptes de démonstration' })).toBeVisible();
    expect(await page.getByRole('button', { name: /^Se connecter en tant que / }).count()).toBeGreaterThanOrEqual(9);
    await expectAccessible(page, 'the login page');
    await screenshot(page, 'desktop-login');

    // Nothing typed: each field says what to do, and the first one gets the focus.
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await expect(page.getByText('Indiquez votre adresse e-mail.')).toBeVisible();
    await expect(page.getByLabel('Adresse e-mail')).toBeFocused();
    await expect(page.getByLabel('Adresse e-mail')).toHaveAccessibleDescription(/Indiquez votre adresse e-mail\./);

    // A wrong password: the API's French sentence, without saying which of the two was wrong.
    await page.getByLabel('Adresse e-mail').fill(mayor.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill('pas le bon mot de passe');
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect.' })).toBeVisible();
    await expect(page).toHaveURL(/\/connexion/);

    // Too many attempts on one address: how long to wait.
    await page.getByLabel('Adresse e-mail').fill(`personne.${run}@exemple.fr`);
    for (let attempt = 0; attempt < 5; attempt++) {
      await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
      await expect(page.getByRole('button', { name: 'Se connecter', exact: true })).toBeEnabled();
    }
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    const throttled = page.getByRole('alert').filter({ hasText: 'Trop de tentatives de connexion.' });
    await expect(throttled).toContainText(/Vous pourrez réessayer dans \d+ minutes\./);
    await expectAccessible(page, 'the login page with an error');
    await screenshot(page, 'desktop-login-throttled');
  });

  test('the mayor invites a collaborator, who accepts in another browser and sees the commune’s projects', async ({ page, browser }) => {
    await logInAsDemo(page, 'Claire Martin');
    await followHeaderLink(page, 'Ma commune');
    await expect(page.getByRole('heading', { level: 1, name: 'Ma commune — Ableiges' })).toBeVisible();
    const slots = page.locator('.seat');
    await expect(slots).toHaveCount(4);
    await expect(slots.nth(0)).toContainText('Maire');
    await expect(slots.nth(0)).toContainText('Claire Martin');
    await expect(slots.nth(1)).toContainText('Julien Petit');
    await expect(slots.filter({ hasText: 'Place libre' })).toHaveCount(2);
    await expectAccessible(page, 'Ma commune (mayor)');
    await screenshot(page, 'desktop-ma-commune');

    await page.getByLabel('Prénom et nom').fill(lea.name);
    await page.getByLabel('Adresse e-mail').fill(lea.email);
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Invitation envoyée à ${lea.name}` })).toBeVisible();
    await expect(page.locator('.invitation').filter({ hasText: lea.email })).toBeVisible();
    await expect(slots.nth(2)).toContainText(`Place réservée`);
    await expect(slots.nth(2)).toContainText(`Invitation envoyée à ${lea.name}`);

    // Léa opens the link of her e-mail on her own computer.
    const link = await linkMailedTo(lea.email, '/invitation/');
    leaContext = await browser.newContext();
    leaPage = await leaContext.newPage();
    await leaPage.goto(link);
    await expect(leaPage.getByRole('heading', { level: 1, name: 'Invitation' })).toBeVisible();
    await expect(leaPage.getByText('Vous êtes invité·e à rejoindre l’espace de la commune d’Ableiges comme collaborateur.')).toBeVisible();
    await expect(leaPage.getByLabel('Prénom et nom *')).toHaveValue(lea.name);
    // The rules are there before typing.
    await expect(leaPage.getByLabel('Mot de passe *', { exact: true })).toHaveAccessibleDescription(/12 caractères minimum.*phrase de passe/);
    await expectAccessible(leaPage, 'the invitation page');
    await screenshot(leaPage, 'desktop-invitation');

    await leaPage.getByLabel('Mot de passe *', { exact: true }).fill('trop court');
    await leaPage.getByLabel('Confirmez le mot de passe *').fill('trop court');
    await leaPage.getByRole('button', { name: 'Accepter l’invitation' }).click();
    await expect(leaPage.getByText('Le mot de passe doit compter au moins 12 caractères')).toBeVisible();
    await expect(leaPage.getByLabel('Mot de passe *', { exact: true })).toBeFocused();
    await expectAccessible(leaPage, 'the invitation page with an error');

    await leaPage.getByLabel('Mot de passe *', { exact: true }).fill(newPassword);
    await leaPage.getByLabel('Confirmez le mot de passe *').fill(newPassword);
    await leaPage.getByRole('button', { name: 'Accepter l’invitation' }).click();
    await expect(leaPage).toHaveURL(/\/$/);
    await expect(whoIsLoggedIn(leaPage)).toHaveText('Léa Roux — Collaborateur de la commune (Ableiges)');
    await expect(leaPage.getByLabel('Commune', { exact: true })).toHaveCount(0); // their commune's projects only
    await expect(leaPage.locator('.cards > li').filter({ hasText: 'Non publié' }).first()).toBeVisible();

    // A collaborator sees the places, without the mayor's actions.
    await followHeaderLink(leaPage, 'Ma commune');
    await expect(leaPage.locator('.seat').filter({ hasText: lea.name })).toBeVisible();
    await expect(leaPage.getByRole('button', { name: 'Envoyer l’invitation' })).toHaveCount(0);
    await expect(leaPage.getByRole('button', { name: /Libérer la place/ })).toHaveCount(0);
    await expectAccessible(leaPage, 'Ma commune (collaborator)');

    // The link served once.
    const otherContext = await browser.newContext();
    const again = await otherContext.newPage();
    await again.goto(link);
    await expect(again.getByRole('heading', { level: 1, name: 'Invitation déjà utilisée ou inconnue' })).toBeVisible();
    await expectAccessible(again, 'a used invitation');
    await screenshot(again, 'desktop-invitation-used');
    await otherContext.close();
  });

  test('the mayor fills the three collaborator places; the form is then disabled and says why', async ({ page }) => {
    await logInAsDemo(page, 'Claire Martin');
    await page.goto('/ma-commune');
    await expect(page.locator('.seat').filter({ hasText: 'Place libre' })).toHaveCount(1);
    await page.getByLabel('Prénom et nom').fill('Paul Durand');
    await page.getByLabel('Adresse e-mail').fill(`paul.durand.${run}@exemple.fr`);
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Invitation envoyée à Paul Durand' })).toBeVisible();

    await expect(page.locator('.seat').filter({ hasText: 'Place libre' })).toHaveCount(0);
    const explanation = page.getByText('Les trois places de collaborateur sont occupées ou réservées');
    await expect(explanation).toBeVisible();
    await expect(page.getByRole('button', { name: 'Envoyer l’invitation' })).toBeDisabled();
    await expect(page.getByLabel('Prénom et nom')).toBeDisabled();
    await expect(page.getByRole('group', { name: 'Personne à inviter' })).toHaveAccessibleDescription(/Les trois places/);
    await expectAccessible(page, 'Ma commune with no free place');
    await screenshot(page, 'desktop-ma-commune-full');

    // Cancelling the invitation frees the place again.
    await page.getByRole('button', { name: 'Retirer l’invitation de Paul Durand' }).click();
    const confirm = page.getByRole('dialog', { name: 'Retirer l’invitation de Paul Durand ?' });
    await expect(confirm).toContainText('la place redevient libre');
    await expectAccessible(page, 'Ma commune: taking an invitation back');
    await confirm.getByRole('button', { name: 'Retirer l’invitation' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'L’invitation de Paul Durand est retirée' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Invitations en attente' })).toBeFocused();
    await expect(page.getByRole('button', { name: 'Envoyer l’invitation' })).toBeEnabled();
    await expect(explanation).toHaveCount(0);
  });

  test('the mayor releases a collaborator, whose next navigation is refused', async ({ page }) => {
    expect(leaPage, 'the collaborator accepted her invitation').not.toBeNull();
    await logInAsDemo(page, 'Claire Martin');
    await page.goto('/ma-commune');
    const release = page.getByRole('button', { name: `Libérer la place de ${lea.name}` });
    await release.click();
    const dialog = page.getByRole('dialog', { name: `Libérer la place de ${lea.name} ?` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('n’aura plus accès à l’espace de la commune');
    await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
    await expectAccessible(page, 'the release confirmation');
    await screenshot(page, 'desktop-release-dialog', false);
    // Escape changes nothing and gives the focus back.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(release).toBeFocused();

    await release.click();
    await dialog.getByLabel('Motif (facultatif)').fill('Départ de la mairie');
    await dialog.getByRole('button', { name: 'Libérer la place' }).click();
    await expect(page.getByRole('status').filter({ hasText: `La place de ${lea.name} est libérée.` })).toBeVisible();
    await expect(page.locator('.seat').filter({ hasText: lea.name })).toHaveCount(0);
    await expect(release).toBeFocused({ timeout: 1000 }).catch(() => undefined);

    // Léa's next click is refused.
    await leaPage!.getByRole('link', { name: 'Projets', exact: true }).click();
    await expect(leaPage!).toHaveURL(/\/acces-retire$/);
    await expect(leaPage!.getByRole('heading', { level: 1, name: 'Accès retiré' })).toBeVisible();
    await expect(leaPage!.getByRole('link', { name: 'Ma commune' })).toHaveCount(0);
    await expectAccessible(leaPage!, 'the « accès retiré » page');
    await screenshot(leaPage!, 'desktop-access-removed');
    await leaPage!.goto('/ma-commune');
    await expect(leaPage!).toHaveURL(/\/acces-retire$/);
  });

  test('a mayor hands the mayor’s role to a collaborator, and loses access', async ({ page }) => {
    await logInAsDemo(page, 'Hélène Roux');
    await followHeaderLink(page, 'Ma commune');
    await expect(page.getByRole('heading', { level: 1, name: 'Ma commune — Nesles-la-Vallée' })).toBeVisible();
    await page.getByRole('button', { name: 'Transmettre le rôle de maire' }).click();
    await expect(page.getByText('Choisissez le collaborateur qui deviendra maire.')).toBeVisible();
    await page.getByLabel('Nouveau maire').selectOption({ label: 'Marc Lefèvre' });
    await page.getByRole('button', { name: 'Transmettre le rôle de maire' }).click();
    const dialog = page.getByRole('dialog', { name: 'Transmettre le rôle de maire à Marc Lefèvre ?' });
    await expect(dialog).toContainText('Vous perdrez votre place de maire et votre accès à l’espace de la commune');
    await expectAccessible(page, 'the mayor transfer confirmation');
    await dialog.getByRole('button', { name: 'Transmettre le rôle de maire' }).click();
    await expect(page).toHaveURL(/\/acces-retire$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Accès retiré' })).toBeVisible();

    await logInAsDemo(page, 'Marc Lefèvre');
    await expect(whoIsLoggedIn(page)).toHaveText('Marc Lefèvre — Maire (Nesles-la-Vallée)');
  });

  test('the Département’s administrator invites a mayor, adds a partner, invites and disables accounts', async ({ page, browser }) => {
    await logInAsDemo(page, 'Isabelle Moreau');
    await followHeaderLink(page, 'Administration');
    await expect(page).toHaveURL(/\/administration\/communes$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Communes', exact: true })).toHaveAttribute('aria-current', 'page');
    const table = page.getByRole('table', { name: /Communes du Val-d’Oise/ });
    await expect(table).toBeVisible();
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(180);
    await expectAccessible(page, 'Administration: communes');
    await screenshot(page, 'desktop-admin-communes', false);

    await page.getByLabel('Commune ou code INSEE').fill('cergy');
    await expect(page.getByRole('status').filter({ hasText: '1 commune' })).toBeVisible();
    await expect(table.locator('tbody tr').first()).toContainText('Non');
    await page.getByLabel('Commune ou code INSEE').fill('aincourt');
    await expect(page.getByRole('status').filter({ hasText: '2 communes' })).toBeVisible(); // Aincourt, Seraincourt
    await page.getByLabel('Commune ou code INSEE').fill('95008');
    await expect(page.getByRole('status').filter({ hasText: '1 commune' })).toBeVisible();
    const row = table.locator('tbody tr').filter({ hasText: 'Aincourt' });
    await expect(row).toContainText('Oui');
    await expect(row).toContainText('Aucun');
    await row.getByRole('link', { name: 'Inviter le maire d’Aincourt' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Membres — Aincourt' })).toBeVisible();
    await expect(page.getByLabel('Place', { exact: true })).toHaveValue('mayor');
    await page.getByLabel('Prénom et nom').fill('Bernard Lenoir');
    await page.getByLabel('Adresse e-mail').fill(`maire.aincourt.${run}@exemple.fr`);
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Invitation envoyée à Bernard Lenoir' })).toBeVisible();
    await expect(page.locator('.invitation').filter({ hasText: 'place de maire' })).toBeVisible();
    await expect(page.locator('.seat').first()).toContainText('Place réservée');
    await expectAccessible(page, 'a commune’s members, seen by the administrator');
    await linkMailedTo(`maire.aincourt.${run}@exemple.fr`, '/invitation/');

    // Partners
    await page.goto('/administration/partenaires');
    await expect(page.getByRole('table', { name: 'Organismes partenaires' })).toContainText('CAUE');
    await page.getByLabel('Nom de l’organisme').fill(`Agence locale de l’énergie ${run}`);
    await page.getByLabel('Type').selectOption({ label: 'Agence de l’énergie' });
    await page.getByRole('button', { name: 'Ajouter le partenaire' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'est ajouté' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Organismes partenaires' })).toContainText(`Agence locale de l’énergie ${run}`);
    await expectAccessible(page, 'Administration: partners');

    // Accounts
    await page.getByRole('link', { name: 'Comptes du Département et partenaires' }).click();
    const accounts = page.getByRole('table', { name: /Comptes du Département/ });
    await expect(accounts).toContainText('Sophie Bernard');
    await page.getByLabel('Prénom et nom').fill('Julie Caron');
    await page.getByLabel('Adresse e-mail').fill(`julie.caron.${run}@exemple.fr`);
    await page.getByLabel('Type de compte', { exact: true }).last().selectOption('partner_member');
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await expect(page.getByText('Choisissez l’organisme partenaire')).toBeVisible();
    await page.getByLabel('Organisme partenaire').selectOption({ label: `Agence locale de l’énergie ${run}` });
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Invitation envoyée à Julie Caron' })).toBeVisible();
    // Julie accepts on her own computer (the demo accounts stay untouched for the other journeys).
    const julieContext = await browser.newContext();
    const juliePage = await julieContext.newPage();
    await juliePage.goto(await linkMailedTo(`julie.caron.${run}@exemple.fr`, '/invitation/'));
    await juliePage.getByLabel('Mot de passe *', { exact: true }).fill(newPassword);
    await juliePage.getByLabel('Confirmez le mot de passe *').fill(newPassword);
    await juliePage.getByRole('button', { name: 'Accepter l’invitation' }).click();
    await expect(whoIsLoggedIn(juliePage)).toContainText('Julie Caron');
    await julieContext.close();
    await page.reload();

    await page.getByRole('button', { name: 'Désactiver le compte de Julie Caron' }).click();
    const dialog = page.getByRole('dialog', { name: 'Désactiver le compte de Julie Caron ?' });
    await expect(dialog).toContainText('ne pourra plus se connecter');
    await dialog.getByRole('button', { name: 'Désactiver le compte' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Le compte de Julie Caron est désactivé.' })).toBeVisible();
    await expect(accounts.locator('tr').filter({ hasText: 'Julie Caron' })).toContainText('Désactivé');
    // The button pressed is gone: keyboard users land on the section's heading, not at the top of the page.
    await expect(page.getByRole('heading', { level: 2, name: 'Comptes' })).toBeFocused();
    await expectAccessible(page, 'Administration: accounts');
    // Every row's buttons are in sight: the table does not scroll sideways inside its frame.
    const tableOverflow = await accounts.locator('xpath=ancestor::div[contains(@class, "table-wrap")]').evaluate((wrap) => wrap.scrollWidth - wrap.clientWidth);
    expect(tableOverflow, 'accounts table overflow in CSS pixels').toBeLessThanOrEqual(0);
    await screenshot(page, 'desktop-admin-accounts');

    // A disabled account cannot log in any more.
    await logOut(page);
    await page.getByLabel('Adresse e-mail').fill(`julie.caron.${run}@exemple.fr`);
    await page.getByLabel('Mot de passe', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: /incorrect|désactivé/ })).toBeVisible();

    // GDPR: the administrator erases the disabled person's data; the account leaves the list.
    await logInAsDemo(page, 'Isabelle Moreau');
    await followHeaderLink(page, 'Administration');
    await page.getByRole('link', { name: 'Comptes du Département et partenaires' }).click();
    await page.getByRole('button', { name: 'Effacer les données de Julie Caron' }).click();
    const erase = page.getByRole('dialog', { name: 'Effacer les données personnelles de Julie Caron ?' });
    await expect(erase).toContainText('ne peut pas être annulée');
    await expectAccessible(page, 'Administration: erasure dialog');
    await erase.getByRole('button', { name: 'Effacer définitivement' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Les données personnelles ont été effacées.' })).toBeVisible();
    await expect(page.getByRole('table', { name: /Comptes du Département/ })).not.toContainText('Julie Caron');

    // The communes' elected officials are listed too, with the seat they hold, so that their data can be erased on request.
    await page.locator('#account-kind').selectOption({ label: 'Élu ou collaborateur d’une commune' });
    const communeAccounts = page.getByRole('table', { name: 'Élus et collaborateurs des communes' });
    await expect(communeAccounts.getByRole('row').filter({ hasText: /Maire — / }).first()).toBeVisible();
    await expect(communeAccounts.getByRole('button', { name: /^Effacer les données de / }).first()).toBeVisible();
    await expect(communeAccounts.getByRole('button', { name: /^Désactiver/ })).toHaveCount(0);
    await expectAccessible(page, 'Administration: commune accounts');
  });

  test('the administrator sees a partner member’s pending invitation and takes it back; its link is refused', async ({ page, browser }) => {
    const marc = { name: 'Marc Vidal', email: `marc.vidal.${run}@exemple.fr` };
    await logInAsDemo(page, 'Isabelle Moreau');
    await followHeaderLink(page, 'Administration');
    await page.getByRole('link', { name: 'Comptes du Département et partenaires' }).click();
    await expect(page.getByRole('heading', { name: 'Invitations en attente' })).toBeVisible();

    await page.getByLabel('Prénom et nom').fill(marc.name);
    await page.getByLabel('Adresse e-mail').fill(marc.email);
    await page.getByLabel('Type de compte', { exact: true }).last().selectOption('partner_member');
    await page.getByLabel('Organisme partenaire').selectOption({ label: 'CAUE du Val-d’Oise' });
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Invitation envoyée à ${marc.name}` })).toBeVisible();

    // The new invitation is listed at once, with what it is for and who sent it.
    const pending = page.getByRole('table', { name: 'Invitations en attente des agents, administrateurs, auditeurs et partenaires' });
    const row = pending.getByRole('row', { name: new RegExp(marc.name) });
    await expect(row).toContainText(marc.email);
    await expect(row).toContainText('Membre d’un partenaire');
    await expect(row).toContainText('CAUE du Val-d’Oise');
    await expect(row).toContainText('Isabelle Moreau');
    // A commune's invitation (the mayor of Aincourt, invited above) is on that commune's page, not here.
    await expect(pending).not.toContainText('Bernard Lenoir');
    await expectAccessible(page, 'Administration: pending invitations');
    await screenshot(page, 'desktop-admin-pending-invitations');

    // Taking it back asks first; « Annuler » has the focus.
    await row.getByRole('button', { name: `Retirer l’invitation de ${marc.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Retirer l’invitation de ${marc.name} ?` });
    await expect(dialog).toContainText(`Le lien envoyé à ${marc.email} ne fonctionnera plus`);
    await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
    await expectAccessible(page, 'Administration: revoking an invitation');
    await dialog.getByRole('button', { name: 'Retirer l’invitation' }).click();
    await expect(page.getByRole('status').filter({ hasText: `L’invitation de ${marc.name} est retirée` })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(marc.name) })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Invitations en attente' })).toBeFocused();
    await expectAccessible(page, 'Administration: invitation taken back');

    // The link Marc received no longer works.
    const marcContext = await browser.newContext();
    const marcPage = await marcContext.newPage();
    await marcPage.goto(await linkMailedTo(marc.email, '/invitation/'));
    await expect(marcPage.getByRole('heading', { level: 1, name: 'Invitation déjà utilisée ou inconnue' })).toBeVisible();
    await marcContext.close();
  });

  test('a Département agent reads the administration; a mayor is refused it', async ({ page }) => {
    await logInAsDemo(page, 'Sophie Bernard');
    await followHeaderLink(page, 'Administration');
    await expect(page.getByText('Vous consultez l’administration en lecture seule')).toBeVisible();
    await expect(page.getByRole('table', { name: /Communes du Val-d’Oise/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /^Inviter le maire/ })).toHaveCount(0);
    await page.getByRole('link', { name: 'Comptes du Département et partenaires' }).click();
    await expect(page.getByRole('table', { name: /Comptes du Département/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Désactiver/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Envoyer l’invitation' })).toHaveCount(0);
    await expectAccessible(page, 'Administration, read-only');

    await logInAsDemo(page, 'Claire Martin');
    await expect(page.getByRole('link', { name: 'Administration' })).toHaveCount(0);
    await page.goto('/administration');
    await expect(page.getByText('Accès refusé : l’administration est réservée au Département.')).toBeVisible();
    await page.goto('/communes/95446/membres');
    await expect(page.getByText(/Accès refusé|n'existe pas/)).toBeVisible();
    await expectAccessible(page, 'another commune’s members, refused');
  });

  test('a forgotten password is replaced through the e-mailed link; « Mon compte » logs out everywhere', async ({ page, request }) => {
    const partner = await demoAccount(request, 'Partenaire');
    await page.goto('/connexion');
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' })).toBeVisible();
    await expectAccessible(page, 'the forgotten password page');
    await page.getByLabel('Adresse e-mail').fill(partner.email);
    await page.getByRole('button', { name: 'Recevoir un lien' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Si un compte existe pour ${partner.email}` })).toBeVisible();
    await screenshot(page, 'desktop-forgot-password');

    const link = await linkMailedTo(partner.email, '/mot-de-passe/');
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: 'Choisir un nouveau mot de passe' })).toBeVisible();
    await expectAccessible(page, 'the new password page');
    await page.getByLabel('Mot de passe *', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirmez le mot de passe *').fill(`${newPassword}.`);
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect(page.getByText('Les deux mots de passe ne sont pas identiques.')).toBeVisible();
    await page.getByLabel('Confirmez le mot de passe *').fill(newPassword);
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect(page).toHaveURL(/\/connexion\?raison=mot_de_passe/);
    await expect(page.getByText('Votre mot de passe a été changé.')).toBeVisible();
    await logIn(page, partner.email, newPassword, partner.displayName);

    await page.goto(link);
    await page.getByLabel('Mot de passe *', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirmez le mot de passe *').fill(newPassword);
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Lien (déjà utilisé ou inconnu|expiré)/ })).toBeVisible();

    await page.goto('/');
    await followHeaderLink(page, 'Mon compte');
    await expect(page.getByRole('heading', { level: 1, name: 'Mon compte' })).toBeVisible();
    await expect(page.getByText(partner.email)).toBeVisible();
    await expectAccessible(page, 'Mon compte');
    await screenshot(page, 'desktop-my-account');

    // Changing one's password from « Mon compte »: the current one is asked, this browser stays logged in.
    await page.getByRole('button', { name: 'Changer de mot de passe' }).click();
    await expect(page.getByLabel('Mot de passe actuel *')).toBeFocused();
    await page.getByLabel('Mot de passe actuel *').fill('pas le mot de passe actuel');
    await page.getByLabel('Nouveau mot de passe *', { exact: true }).fill(`${newPassword} bis`);
    await page.getByLabel('Confirmez le nouveau mot de passe *').fill(`${newPassword} bis`);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect(page.getByText('Ce n’est pas votre mot de passe actuel.')).toBeVisible();
    await expect(page.getByLabel('Mot de passe actuel *')).toBeFocused();
    // A text field in error is outlined like a list in error (its own style used to win over the error's).
    await expect(page.getByLabel('Mot de passe actuel *')).toHaveCSS('border-top-width', '2px');
    await expectAccessible(page, 'Mon compte, changing the password, with an error');
    await page.getByLabel('Mot de passe actuel *').fill(newPassword);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect(page.getByText('Votre mot de passe est changé. Vos connexions sur d’autres appareils sont fermées.')).toBeVisible();
    // Still logged in, with the new session's token: the next command is accepted.
    await page.getByRole('button', { name: 'Se déconnecter de tous les appareils' }).click();
    await expect(page).toHaveURL(/\/connexion\?raison=partout/);
    await expect(page.getByText('Vous êtes déconnecté·e de tous vos appareils.')).toBeVisible();
    await page.goto('/mon-compte');
    await expect(page).toHaveURL(/\/connexion\?retour=%2Fmon-compte/);
  });

  test.describe('on a phone (375 × 740)', () => {
    test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

    test('the login, invitation, Ma commune and administration pages fit the screen', async ({ page }) => {
      await page.goto('/connexion');
      await expect(page.getByRole('heading', { name: 'Comptes de démonstration' })).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectAccessible(page, 'the login page on a phone');
      await screenshot(page, 'phone-login');

      await logInAsDemo(page, 'Claire Martin');
      await page.goto('/ma-commune');
      await expect(page.locator('.seat')).toHaveCount(4);
      await expectNoHorizontalScroll(page);
      await expectAccessible(page, 'Ma commune on a phone');
      await screenshot(page, 'phone-ma-commune');
      await page.getByLabel('Prénom et nom').fill('Inès Garcia');
      await page.getByLabel('Adresse e-mail').fill(`ines.garcia.${run}@exemple.fr`);
      await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Invitation envoyée à Inès Garcia' })).toBeVisible();
      await expectNoHorizontalScroll(page);
      await page.getByRole('button', { name: /^Libérer la place de/ }).first().click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoHorizontalScroll(page);
      await screenshot(page, 'phone-release-dialog', false);
      await page.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click();

      const link = await linkMailedTo(`ines.garcia.${run}@exemple.fr`, '/invitation/');
      await logOut(page);
      await page.goto(link);
      await expect(page.getByText('comme collaborateur')).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectAccessible(page, 'the invitation page on a phone');
      await screenshot(page, 'phone-invitation');

      await logInAsDemo(page, 'Isabelle Moreau');
      await page.goto('/administration/communes');
      await page.getByLabel('Commune ou code INSEE').fill('a');
      await expect(page.getByRole('table')).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectAccessible(page, 'Administration on a phone');
      await screenshot(page, 'phone-admin-communes', false);
      await page.goto('/administration/comptes');
      await expect(page.getByRole('table', { name: /Comptes du Département/ })).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectAccessible(page, 'Administration accounts on a phone');
      await screenshot(page, 'phone-admin-accounts');

      // A pending invitation reads as a card, and is taken back from the phone too.
      await page.getByLabel('Prénom et nom').fill('Chloé Lemaire');
      await page.getByLabel('Adresse e-mail').fill(`chloe.lemaire.${run}@exemple.fr`);
      await page.getByLabel('Type de compte', { exact: true }).last().selectOption('auditor');
      await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
      const invitation = page.getByRole('row', { name: /Chloé Lemaire/ });
      await expect(invitation).toContainText('Auditeur');
      await expectNoHorizontalScroll(page);
      await expectAccessible(page, 'Administration pending invitations on a phone');
      await invitation.scrollIntoViewIfNeeded();
      await screenshot(page, 'phone-admin-pending-invitations', false);
      await invitation.getByRole('button', { name: 'Retirer l’invitation de Chloé Lemaire' }).click();
      await expectNoHorizontalScroll(page);
      await screenshot(page, 'phone-admin-revoke-dialog', false);
      await page.getByRole('dialog').getByRole('button', { name: 'Retirer l’invitation' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'L’invitation de Chloé Lemaire est retirée' })).toBeVisible();
      await expect(invitation).toHaveCount(0);
    });
  });
});
