import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { LegalPageSlug } from '@carnet/contracts';
import { App } from '../app';
import { LegalPageView } from './legal-page';

describe('LegalPageView', () => {
  let fixture: ComponentFixture<LegalPageView>;
  let backend: HttpTestingController;
  let el: HTMLElement;
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };

  const open = async (page: LegalPageSlug) => {
    TestBed.configureTestingModule({ imports: [LegalPageView], providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LegalPageView);
    fixture.componentRef.setInput('page', page);
    el = fixture.nativeElement;
    await settle();
  };

  afterEach(() => {
    try {
      backend.verify();
    } finally {
      TestBed.resetTestingModule();
    }
  });

  describe('when the accessibility statement is opened', () => {
    beforeEach(async () => {
      await open('accessibilite');
      backend.expectOne('/api/site-info').flush({ contactEmail: 'a11y@cd95.test', hostedBy: 'le Département du Val-d’Oise' });
      await settle();
    });

    it('says honestly that no audit was carried out', () => {
      expect(el.querySelector('h1')?.textContent).toBe('Déclaration d’accessibilité');
      expect(el.textContent).toContain('non conforme');
      expect(el.textContent).toContain('Aucun audit n’a encore été réalisé');
    });

    it('gives the configured contact address as a mail link, and the Défenseur des droits', () => {
      const mail = el.querySelector<HTMLAnchorElement>('a[href="mailto:a11y@cd95.test"]');
      expect(mail?.textContent).toBe('a11y@cd95.test');
      expect(el.querySelector('a[href="https://www.defenseurdesdroits.fr"]')).not.toBeNull();
    });
  });

  describe('when the legal notice is opened', () => {
    beforeEach(async () => {
      await open('mentions-legales');
      backend.expectOne('/api/site-info').flush({ contactEmail: 'a11y@cd95.test', hostedBy: 'Val d’Oise Numérique' });
      await settle();
    });

    it('names the configured host and links to the other legal pages inside the app', () => {
      expect(el.textContent).toContain('Le service est hébergé par Val d’Oise Numérique.');
      expect(el.querySelector('a[href="/accessibilite"]')?.textContent).toBe('déclaration d’accessibilité');
      expect(el.querySelector('a[href="/donnees-personnelles"]')).not.toBeNull();
    });
  });

  describe('when the contact address cannot be read', () => {
    beforeEach(async () => {
      await open('donnees-personnelles');
      backend.expectOne('/api/site-info').flush('down', { status: 503, statusText: 'Unavailable' });
      await settle();
    });

    it('keeps the page’s title and says what went wrong', () => {
      expect(el.querySelector('h1')?.textContent).toBe('Données personnelles');
      expect(el.querySelector('.alert')).not.toBeNull();
    });
  });
});

describe('App footer', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('links to the three legal pages, accessibility status first', async () => {
    TestBed.configureTestingModule({ imports: [App], providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const links = [...(fixture.nativeElement as HTMLElement).querySelectorAll<HTMLAnchorElement>('footer nav[aria-label="Informations légales"] a')];
    expect(links.map((a) => [a.textContent?.trim(), a.getAttribute('href')])).toEqual([
      ['Accessibilité : non conforme', '/accessibilite'],
      ['Mentions légales', '/mentions-legales'],
      ['Données personnelles', '/donnees-personnelles'],
    ]);
  });
});
