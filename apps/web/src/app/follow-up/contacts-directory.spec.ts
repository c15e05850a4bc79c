import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { CommuneView, ContactView, Me } from '@carnet/contracts';
import { SessionStore } from '../core/session';
import { ContactsDirectory } from './contacts-directory';

const mayor: Me = {
  id: 'u-mayor',
  name: 'Claire Martin',
  email: 'claire.martin@example.fr',
  role: 'commune_member',
  communeInsee: '95002',
  communeName: 'Ableiges',
  seat: 'mayor',
  organisationId: null,
  organisationName: null,
  roleForm: null,
  departement: '95',
  departementName: 'Val-d’Oise',
  ofDepartement: 'du Val-d’Oise',
  csrfToken: 'csrf',
};

const commune = (codeInsee: string, name: string): CommuneView => ({ codeInsee, name, population: 1000, eligible: true, projectCount: 0 });

const contact: ContactView = {
  id: 'c1',
  name: 'Paul Mercier',
  jobTitle: 'Chargé de mission voirie',
  organisation: 'Département du Val-d’Oise',
  email: null,
  phone: null,
  themes: ['voirie'],
  communes: ['95446', '95002', '78001'],
  accountId: null,
  archived: false,
  updatedAt: '2026-03-01T10:00:00Z',
};

describe('ContactsDirectory — communes by name', () => {
  let fixture: ComponentFixture<ContactsDirectory>;
  let backend: HttpTestingController;
  let el: HTMLElement;
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [ContactsDirectory], providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionStore).signedIn(mayor);
    fixture = TestBed.createComponent(ContactsDirectory);
    el = fixture.nativeElement;
    await settle();
    backend.expectOne((r) => r.url === '/api/contacts').flush([contact]);
    backend.expectOne('/api/communes').flush([commune('95446', 'Nesles-la-Vallée'), commune('95002', 'Ableiges')]);
    await settle();
  });

  afterEach(() => {
    try {
      backend.verify();
    } finally {
      TestBed.resetTestingModule();
    }
  });

  it('names the communes a contact covers, in alphabetical order (a code it does not know stays a code)', () => {
    expect(text(el.querySelector('.contact-card .byline'))).toBe('Thèmes : Voirie — Communes : 78001, Ableiges, Nesles-la-Vallée');
  });

  it('filters by a commune chosen by its name and asks the API with its code', async () => {
    const select = el.querySelector<HTMLSelectElement>('#contact-commune')!;
    expect(Array.from(select.options, (o) => o.textContent?.trim())).toEqual(['Toutes les communes', 'Ableiges', 'Nesles-la-Vallée']);
    select.value = select.options[2].value;
    select.dispatchEvent(new Event('change'));
    el.querySelector<HTMLButtonElement>('form[role="search"] button[type="submit"]')!.click();
    await settle();
    backend.expectOne((r) => r.url === '/api/contacts' && r.params.get('commune') === '95446').flush([]);
    await settle();
    expect(text(el)).toContain('Aucun contact ne correspond à votre recherche.');
  });
});
