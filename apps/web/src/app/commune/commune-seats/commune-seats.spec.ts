import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CommuneMembers, Me, MemberView, PendingInvitation } from '@carnet/contracts';
import { SessionStore } from '../../core/session';
import { CommuneSeats } from './commune-seats';
import { NO_FREE_SEAT, seatSlots } from './seat-slots';

const member = (userId: string, name: string, seat: 'mayor' | 'collaborator', since = '2026-03-01T10:00:00Z'): MemberView => ({
  userId,
  name,
  email: `${userId}@ableiges.example`,
  seat,
  since,
});
const mayor = member('u-mayor', 'Claire Martin', 'mayor');
const julien = member('u-julien', 'Julien Petit', 'collaborator', '2026-04-01T10:00:00Z');
const invitation = (id: string, displayName: string): PendingInvitation => ({
  id,
  email: `${id}@ableiges.example`,
  displayName,
  seat: 'collaborator',
  expiresAt: '2026-12-06T10:00:00Z',
  invitedBy: 'Claire Martin',
});
const me = (role: Me['role'], seat: Me['seat']): Me => ({
  id: seat === 'mayor' ? 'u-mayor' : 'u-julien',
  name: seat === 'mayor' ? 'Claire Martin' : 'Julien Petit',
  email: 'x@ableiges.example',
  role,
  communeInsee: '95002',
  communeName: 'Ableiges',
  seat,
  organisationId: null,
  organisationName: null,
  roleForm: null,
  departement: '95',
  departementName: 'Val-d’Oise',
  ofDepartement: 'du Val-d’Oise',
  csrfToken: 'csrf',
});

describe('seatSlots', () => {
  it('draws four places, the free ones as « Place libre »', () => {
    const slots = seatSlots({ codeInsee: '95002', communeName: 'Ableiges', mayor, collaborators: [julien], freeCollaboratorSeats: 2 });
    expect(slots.map((s) => [s.label, s.kind])).toEqual([
      ['Maire', 'taken'],
      ['Collaborateur 1', 'taken'],
      ['Collaborateur 2', 'free'],
      ['Collaborateur 3', 'free'],
    ]);
  });

  it('counts places reserved by pending invitations as taken, even when the API counts held seats only', () => {
    const slots = seatSlots(
      { codeInsee: '95002', communeName: 'Ableiges', mayor, collaborators: [julien], freeCollaboratorSeats: 2 },
      [invitation('i1', 'Léa Roux'), invitation('i2', 'Paul Durand')],
    );
    expect(slots.map((s) => s.kind)).toEqual(['taken', 'taken', 'reserved', 'reserved']);
  });

  it('shows places reserved by a pending invitation, with the invited person', () => {
    const slots = seatSlots(
      { codeInsee: '95002', communeName: 'Ableiges', mayor: null, collaborators: [julien], freeCollaboratorSeats: 1 },
      [invitation('i1', 'Léa Roux')],
    );
    expect(slots[0]).toEqual({ kind: 'free', label: 'Maire' });
    expect(slots[2]).toMatchObject({ kind: 'reserved', label: 'Collaborateur 2', invitation: { displayName: 'Léa Roux' } });
    expect(slots[3]).toEqual({ kind: 'free', label: 'Collaborateur 3' });
  });
});

describe('CommuneSeats', () => {
  let fixture: ComponentFixture<CommuneSeats>;
  let backend: HttpTestingController;
  let el: HTMLElement;

  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  const open = async (who: Me, members: CommuneMembers, invitations: PendingInvitation[] | null) => {
    TestBed.inject(SessionStore).signedIn(who);
    fixture = TestBed.createComponent(CommuneSeats);
    el = fixture.nativeElement;
    await settle();
    backend.expectOne('/api/communes/95002/members').flush(members);
    await settle();
    if (invitations) backend.expectOne('/api/communes/95002/invitations').flush(invitations);
    await settle();
  };
  const slotTexts = () =>
    Array.from(el.querySelectorAll('.seat'), (li) =>
      Array.from(li.children, (child) => child.textContent!.replace(/\s+/g, ' ').trim()).join(' '),
    );
  const button = (name: string) => Array.from(el.querySelectorAll('button')).find((b) => b.textContent!.includes(name));

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [CommuneSeats],
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

  describe('for the mayor, with two free collaborator places', () => {
    beforeEach(() =>
      open(me('commune_mayor', 'mayor'), { codeInsee: '95002', communeName: 'Ableiges', mayor, collaborators: [julien], freeCollaboratorSeats: 2 }, []),
    );

    it('shows the four places, the free ones as « Place libre »', () => {
      const slots = slotTexts();
      expect(slots).toHaveLength(4);
      expect(slots[0]).toContain('Maire');
      expect(slots[0]).toContain('Claire Martin');
      expect(slots[1]).toContain('Julien Petit');
      expect(slots[2]).toBe('Collaborateur 2 Place libre');
      expect(slots[3]).toBe('Collaborateur 3 Place libre');
    });

    it('offers to release a collaborator’s place, not their own', () => {
      const releases = Array.from(el.querySelectorAll('.seat button'));
      expect(releases.map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).toEqual(['Libérer la place de Julien Petit']);
    });

    it('lets them invite a collaborator', () => {
      expect(el.querySelector<HTMLFieldSetElement>('fieldset')!.disabled).toBe(false);
      expect(el.textContent).not.toContain(NO_FREE_SEAT);
    });
  });

  describe('for the mayor, when the three collaborator places are taken or reserved', () => {
    beforeEach(() =>
      open(
        me('commune_mayor', 'mayor'),
        {
          codeInsee: '95002',
          communeName: 'Ableiges',
          mayor,
          collaborators: [julien, member('u-2', 'Marc Leroy', 'collaborator')],
          // The API counts the held seats only; Léa's pending invitation reserves the third one.
          freeCollaboratorSeats: 1,
        },
        [invitation('i1', 'Léa Roux')],
      ),
    );

    it('disables the invitation form and says why', () => {
      const fieldset = el.querySelector<HTMLFieldSetElement>('fieldset')!;
      expect(fieldset.disabled).toBe(true);
      expect(fieldset.getAttribute('aria-describedby')).toBe('invite-full');
      expect(el.querySelector('#invite-full')!.textContent).toContain('Les trois places de collaborateur sont occupées ou réservées');
      expect(slotTexts().some((s) => s.includes('Place libre'))).toBe(false);
      expect(slotTexts()[3]).toContain('Invitation envoyée à Léa Roux');
    });

    it('lets them take the pending invitation back', () => {
      expect(button('Retirer l’invitation')!.textContent).toContain('de Léa Roux');
    });
  });

  describe('for a collaborator', () => {
    beforeEach(() =>
      open(me('commune_member', 'collaborator'), { codeInsee: '95002', communeName: 'Ableiges', mayor, collaborators: [julien], freeCollaboratorSeats: 2 }, null),
    );

    it('shows the places without any action', () => {
      expect(slotTexts()).toHaveLength(4);
      expect(el.querySelectorAll('button')).toHaveLength(0);
      expect(el.querySelector('form')).toBeNull();
      expect(el.textContent).toContain('Seul le maire peut inviter');
    });
  });

  describe('when the API refuses the page', () => {
    it('explains it in French', async () => {
      TestBed.inject(SessionStore).signedIn(me('commune_member', 'collaborator'));
      fixture = TestBed.createComponent(CommuneSeats);
      el = fixture.nativeElement;
      await settle();
      backend
        .expectOne('/api/communes/95002/members')
        .flush({ type: 'x', title: 'Accès refusé', status: 403 }, { status: 403, statusText: 'Forbidden' });
      await settle();
      expect(el.textContent).toContain('Accès refusé : cette page est réservée aux membres de la commune et au Département.');
    });
  });
});
