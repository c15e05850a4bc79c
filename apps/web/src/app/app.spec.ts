import { Component } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { App } from './app';
import { SessionStore } from './core/session';

@Component({ template: '<h1>Page</h1>' })
class Page {}

describe('App header search', () => {
  let fixture: ComponentFixture<App>;
  let backend: HttpTestingController;
  let router: Router;
  let el: HTMLElement;

  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  const form = () => el.querySelector<HTMLFormElement>('form[role=search]')!;
  const input = () => el.querySelector<HTMLInputElement>('#header-search')!;
  const type = async (text: string) => {
    input().value = text;
    input().dispatchEvent(new Event('input'));
    await settle();
  };
  const submit = async () => {
    form().querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await settle();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: '', component: Page },
          { path: 'recherche', component: Page },
        ]),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    TestBed.inject(SessionStore).signedIn({
      id: 'agent',
      name: 'Sophie Bernard',
      email: 'sophie.bernard@valdoise.example',
      role: 'departement_agent',
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
    fixture = TestBed.createComponent(App);
    el = fixture.nativeElement;
    document.body.appendChild(el);
    await settle();
  });

  afterEach(() => {
    // The unread count the header asks for on each navigation: not what these tests look at.
    backend.match('/api/notifications/unread-count').forEach((r) => r.flush({ unread: 0 }));
    el.remove();
    TestBed.resetTestingModule();
  });

  it('checks the words itself, without the browser’s own bubble (in the browser’s language)', () => {
    expect(form().noValidate).toBe(true);
    expect(input().hasAttribute('minlength')).toBe(false);
    expect(input().getAttribute('maxlength')).toBe('200');
  });

  it('says in French, next to the field, that one letter is not enough, and keeps the focus there', async () => {
    const navigate = vi.spyOn(router, 'navigate');
    await type('a');
    await submit();

    const error = el.querySelector('#header-search-error')!;
    expect(error.textContent).toContain('Saisissez au moins 2 caractères.');
    expect(error.closest('[role=alert]')).toBeTruthy();
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(input().getAttribute('aria-describedby')).toBe('header-search-error');
    expect(document.activeElement).toBe(input());
    expect(navigate).not.toHaveBeenCalled();
  });

  it('says it also for spaces only, and the message goes as soon as the person types again', async () => {
    await type('   ');
    await submit();
    expect(el.querySelector('#header-search-error')).toBeTruthy();

    await type('éc');
    expect(el.querySelector('#header-search-error')).toBeNull();
    expect(input().hasAttribute('aria-invalid')).toBe(false);
    expect(input().hasAttribute('aria-describedby')).toBe(false);
  });

  it('opens the results page with the words, trimmed', async () => {
    const navigate = vi.spyOn(router, 'navigate');
    await type('  ecoles ');
    await submit();
    expect(navigate).toHaveBeenCalledWith(['/recherche'], { queryParams: { q: 'ecoles' } });
    expect(el.querySelector('#header-search-error')).toBeNull();
  });
});
