import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AdminAccountRow, Me, PendingStaffInvitation } from '@carnet/contracts';
import { formatDate } from '../core/format';
import { SessionStore } from '../core/session';
import { AdminAccounts } from './admin-accounts';

const me = (role: Me['role']): Me => ({
  id: role === 'departement_admin' ? 'u-admin' : 'u-agent',
  name: role === 'departement_admin' ? 'Isabelle Moreau' : 'Sophie Bernard',
  email: 'x@valdoise.example',
  role,
  communeInsee: null,
  communeName: null,
  seat: null,
  organisationId: null,
  organisationName: null,
  roleForm: null,
  departement: '95',
  departementName: 'Val-d’Oise',
  ofDepartement: 'du Val-d’Oise',
  csrfToken: 'csrf',
});

const agentInvitation: PendingStaffInvitation = {
  departement: '95',
  departementName: 'Val-d’Oise',
  id: 'i-agent',
  email: 'paul.mercier@valdoise.example',
  displayName: 'Paul Mercier',
  kind: 'departement_agent',
  kindLabel: 'Agent du Département',
  organisationId: null,
  organisationName: null,
  createdAt: '2026-03-01T10:00:00Z',
  expiresAt: '2026-03-08T10:00:00Z',
  invitedBy: 'Isabelle Moreau',
};
const partnerInvitation: PendingStaffInvitation = {
  departement: '95',
  departementName: 'Val-d’Oise',
  id: 'i-partner',
  email: 'ines.garcia@caue95.example',
  displayName: 'Inès Garcia',
  kind: 'partner_member',
  kindLabel: 'Partenaire',
  organisationId: 'org-caue-95',
  organisationName: 'CAUE 95',
  createdAt: '2026-03-02T10:00:00Z',
  expiresAt: '2026-03-09T10:00:00Z',
  invitedBy: 'Isabelle Moreau',
};

describe('AdminAccounts — pending invitations', () => {
  let fixture: ComponentFixture<AdminAccounts>;
  let backend: HttpTestingController;
  let el: HTMLElement;

  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const section = () => el.querySelector('section[aria-labelledby="pending-invitations-title"]');
  const table = () => section()?.querySelector('table') ?? null;
  const rows = () => Array.from(table()?.querySelectorAll('tbody tr') ?? [], (tr) => Array.from(tr.children, (cell) => text(cell)));
  const button = (name: string) => Array.from(el.querySelectorAll('button')).find((b) => text(b) === name);
  const dialog = () => Array.from(el.querySelectorAll('dialog')).find((d) => text(d.querySelector('h2')).startsWith('Retirer l’invitation'))!;
  const statusTexts = () => Array.from(el.querySelectorAll('[role="status"]'), (s) => text(s)).filter(Boolean);
  const alertTexts = () => Array.from(el.querySelectorAll('[role="alert"]'), (s) => text(s)).filter(Boolean);

  const open = async (who: Me, invitations: PendingStaffInvitation[] | null, accounts: AdminAccountRow[] = []) => {
    TestBed.inject(SessionStore).signedIn(who);
    fixture = TestBed.createComponent(AdminAccounts);
    el = fixture.nativeElement;
    await settle();
    backend.expectOne('/api/admin/accounts').flush(accounts);
    backend.expectOne('/api/admin/organisations').flush([{ id: 'org-caue-95', name: 'CAUE 95', kind: 'caue' }]);
    if (invitations) backend.expectOne('/api/admin/invitations').flush(invitations);
    await settle();
  };

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [AdminAccounts],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    try {
      backend.verify();
    } finally {
      TestBed.resetTestingModule();
    }
  });

  describe('the accounts', () => {
    const account = (id: string, displayName: string, kind: AdminAccountRow['kind'], roleForm: AdminAccountRow['roleForm']): AdminAccountRow => ({
      id, displayName, email: `${id}@valdoise.example`, kind, organisationId: null, commune: null, status: 'active', roleForm, teams: [], departement: '95', departementName: 'Val-d’Oise',
    });

    it('write each person’s role in the form they chose', async () => {
      await open(me('departement_admin'), [], [account('u1', 'Isabelle Moreau', 'departement_admin', 'feminine'), account('u2', 'Anne Lambert', 'auditor', 'feminine'), account('u3', 'Karim Haddad', 'departement_agent', null)]);
      const types = Array.from(el.querySelectorAll('td[data-label="Type"]'), (td) => [text(td.closest('tr')!.querySelector('th')), text(td)]);
      expect(Object.fromEntries(types.map(([who, type]) => [who.split(' ').slice(0, 2).join(' '), type]))).toEqual({
        'Isabelle Moreau': 'Administratrice du Département',
        'Anne Lambert': 'Auditrice',
        'Karim Haddad': 'Agent du Département',
      });
    });

    it('show each agent’s teams, and let the administrator change them (the questions are routed by team)', async () => {
      const karim = { ...account('u3', 'Karim Haddad', 'departement_agent', null), teams: ['aides' as const] };
      await open(me('departement_admin'), [], [karim]);
      const cell = () => el.querySelector('td[data-label="Organisme, commune ou équipes"]')!;
      expect(text(cell().querySelector('.agent-teams__text'))).toBe('Équipes : Service des aides aux communes');
      button('Modifier les équipes de Karim Haddad')!.click();
      await settle();
      const box = (label: string) => Array.from(cell().querySelectorAll<HTMLInputElement>('input[type=checkbox]')).find((i) => text(cell().querySelector(`label[for="${i.id}"]`)) === label)!;
      expect(box('Service des aides aux communes').checked).toBe(true);
      box('Conseil juridique aux collectivités').click();
      box('Service des aides aux communes').click();
      button('Enregistrer les équipes')!.click();
      await settle();
      const put = backend.expectOne({ method: 'PUT', url: '/api/admin/accounts/u3/teams' });
      expect(put.request.body).toEqual({ teams: ['juridique'] });
      put.flush(null);
      await settle();
      backend.expectOne('/api/admin/accounts').flush([{ ...karim, teams: ['juridique'] }]);
      await settle();
      expect(text(cell().querySelector('.agent-teams__text'))).toBe('Équipes : Conseil juridique aux collectivités');
      expect(text(cell())).toContain('Les équipes de Karim Haddad sont enregistrées.');
    });

    it('show an agent’s teams to an agent, without the form', async () => {
      await open(me('departement_agent'), null, [account('u3', 'Karim Haddad', 'departement_agent', null)]);
      expect(text(el.querySelector('.agent-teams__text'))).toBe('Aucune équipe : reçoit les questions de toutes les équipes');
      expect(button('Modifier les équipes de Karim Haddad')).toBeUndefined();
    });
  });

  describe('for the administrator, with two invitations waiting', () => {
    beforeEach(() => open(me('departement_admin'), [agentInvitation, partnerInvitation]));

    it('lists them in a table with a caption, column headers and one row header per person', () => {
      expect(text(section()!.querySelector('h3'))).toBe('Invitations en attente');
      expect(text(table()!.querySelector('caption'))).toBe('Invitations en attente des agents, administrateurs, auditeurs et partenaires');
      expect(Array.from(table()!.querySelectorAll('thead th'), (th) => [text(th), th.getAttribute('scope')])).toEqual([
        ['Personne invitée', 'col'],
        ['Type', 'col'],
        ['Organisme', 'col'],
        ['Valable jusqu’au', 'col'],
        ['Envoyée par', 'col'],
        ['Actions', 'col'],
      ]);
      expect(rows()).toEqual([
        ['Paul Mercier paul.mercier@valdoise.example', 'Agent du Département', '—', formatDate(agentInvitation.expiresAt, true), 'Isabelle Moreau', 'Retirer l’invitation de Paul Mercier'],
        ['Inès Garcia ines.garcia@caue95.example', 'Membre d’un partenaire', 'CAUE 95', formatDate(partnerInvitation.expiresAt, true), 'Isabelle Moreau', 'Retirer l’invitation d’Inès Garcia'],
      ]);
      expect(table()!.querySelector('tbody tr th')!.getAttribute('scope')).toBe('row');
      // On a phone each cell says which column it is.
      expect(Array.from(table()!.querySelectorAll('tbody tr:first-child td[data-label]'), (td) => td.getAttribute('data-label'))).toEqual([
        'Type',
        'Organisme',
        'Valable jusqu’au',
        'Envoyée par',
      ]);
    });

    it('asks for a confirmation before taking an invitation back, and changes nothing when cancelled', async () => {
      button('Retirer l’invitation d’Inès Garcia')!.click();
      await settle();
      expect(dialog().hasAttribute('open')).toBe(true);
      expect(text(dialog().querySelector('h2'))).toBe('Retirer l’invitation d’Inès Garcia ?');
      expect(text(dialog())).toContain('Le lien envoyé à ines.garcia@caue95.example ne fonctionnera plus');
      Array.from(dialog().querySelectorAll('button')).find((b) => text(b) === 'Annuler')!.click();
      await settle();
      expect(dialog().hasAttribute('open')).toBe(false);
      // No DELETE went out (verified after each test), and the row is still there.
      expect(rows()).toHaveLength(2);
    });

    it('takes it back once confirmed, says so politely and lists what is still waiting', async () => {
      button('Retirer l’invitation d’Inès Garcia')!.click();
      await settle();
      Array.from(dialog().querySelectorAll('button')).find((b) => text(b) === 'Retirer l’invitation')!.click();
      await settle();
      const revoke = backend.expectOne('/api/admin/invitations/i-partner');
      expect(revoke.request.method).toBe('DELETE');
      revoke.flush(null, { status: 204, statusText: 'No Content' });
      await settle();
      backend.expectOne('/api/admin/invitations').flush([agentInvitation]);
      await settle();
      expect(statusTexts()).toEqual([
        'L’invitation d’Inès Garcia est retirée : le lien envoyé à ines.garcia@caue95.example ne fonctionne plus.',
      ]);
      expect(rows().map((r) => r[0])).toEqual(['Paul Mercier paul.mercier@valdoise.example']);
      expect(document.activeElement?.id).toBe('pending-invitations-title');
    });

    it('shows the API’s French problem when the invitation is already gone, and refreshes the list', async () => {
      button('Retirer l’invitation de Paul Mercier')!.click();
      await settle();
      Array.from(dialog().querySelectorAll('button')).find((b) => text(b) === 'Retirer l’invitation')!.click();
      await settle();
      backend
        .expectOne('/api/admin/invitations/i-agent')
        .flush(
          { type: 'urn:carnet-de-projets:probleme:invitation_not_found', title: 'Cette invitation n’existe pas ou a déjà servi.', status: 404 },
          { status: 404, statusText: 'Not Found' },
        );
      await settle();
      backend.expectOne('/api/admin/invitations').flush([partnerInvitation]);
      await settle();
      expect(alertTexts()).toEqual(['L’invitation n’a pas pu être retirée. Cette invitation n’existe pas ou a déjà servi.']);
      expect(statusTexts()).toEqual([]);
      expect(rows().map((r) => r[0])).toEqual(['Inès Garcia ines.garcia@caue95.example']);
    });

    it('shows a new invitation as soon as it is sent', async () => {
      const input = (id: string, value: string) => {
        const field = el.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)!;
        field.value = value;
        field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
      };
      input('account-name', 'Léa Roux');
      input('account-email', 'lea.roux@valdoise.example');
      input('account-new-kind', 'auditor');
      await settle();
      button('Envoyer l’invitation')!.click();
      await settle();
      const sent = backend.expectOne({ method: 'POST', url: '/api/admin/invitations' });
      expect(sent.request.body).toEqual({ email: 'lea.roux@valdoise.example', displayName: 'Léa Roux', kind: 'auditor' });
      sent.flush({ id: 'i-lea', email: 'lea.roux@valdoise.example', expiresAt: '2026-03-10T10:00:00Z' }, { status: 201, statusText: 'Created' });
      await settle();
      backend.expectOne('/api/admin/accounts').flush([]);
      backend.expectOne({ method: 'GET', url: '/api/admin/invitations' }).flush([
        agentInvitation,
        partnerInvitation,
        { ...agentInvitation, id: 'i-lea', email: 'lea.roux@valdoise.example', displayName: 'Léa Roux', kind: 'auditor', kindLabel: 'Auditeur' },
      ]);
      await settle();
      expect(rows().map((r) => r.slice(0, 2))).toContainEqual(['Léa Roux lea.roux@valdoise.example', 'Auditeur']);
    });
  });

  describe('for the administrator, with none waiting', () => {
    beforeEach(() => open(me('departement_admin'), []));

    it('says so instead of an empty table', () => {
      expect(table()).toBeNull();
      expect(text(section())).toContain('Aucune invitation en attente.');
    });
  });

  describe('when the list cannot be read', () => {
    it('explains it in French', async () => {
      TestBed.inject(SessionStore).signedIn(me('departement_admin'));
      fixture = TestBed.createComponent(AdminAccounts);
      el = fixture.nativeElement;
      await settle();
      backend.expectOne('/api/admin/accounts').flush([]);
      backend.expectOne('/api/admin/organisations').flush([]);
      backend
        .expectOne('/api/admin/invitations')
        .flush({ type: 'x', title: 'Action non autorisée', status: 403, detail: 'Seul un administrateur du Département voit les invitations en attente des agents, auditeurs et partenaires.' }, { status: 403, statusText: 'Forbidden' });
      await settle();
      expect(text(section())).toContain(
        'Les invitations en attente n’ont pas pu être chargées. Seul un administrateur du Département voit les invitations en attente des agents, auditeurs et partenaires.',
      );
    });
  });

  describe('for a Département agent (read-only administration)', () => {
    beforeEach(() => open(me('departement_agent'), null));

    it('neither asks for the invitations nor shows the section', () => {
      expect(section()).toBeNull();
      const outsideDialogs = Array.from(el.querySelectorAll('button')).filter((b) => !b.closest('dialog'));
      expect(outsideDialogs.filter((b) => text(b).startsWith('Retirer l’invitation'))).toEqual([]);
    });
  });
});
