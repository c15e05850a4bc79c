import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { SessionStore } from '../../core/session';
import { readProjectArrival } from '../shared/project-arrival';
import { ProjectCreate, validateCreateProject } from './project-create';

describe('ProjectCreate', () => {
  let fixture: ComponentFixture<ProjectCreate>;
  let backend: HttpTestingController;
  let el: HTMLElement;

  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  const set = async (selector: string, value: string, event = 'input') => {
    const input = el.querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event(event));
    await settle();
  };

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ProjectCreate],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionStore).signedIn({
      id: 'maire',
      name: 'Marie Dupont',
      email: 'marie.dupont@ableiges.example',
      role: 'commune_mayor',
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
    });
    fixture = TestBed.createComponent(ProjectCreate);
    el = fixture.nativeElement;
    await settle();
    backend.expectOne('/api/communes').flush([]);
    await settle();
  });

  afterEach(() => {
    // Reset even when verify fails, so that one failure does not cascade into the next tests.
    try {
      backend.verify();
    } finally {
      TestBed.resetTestingModule();
    }
  });

  describe('when the person belongs to a commune', () => {
    it('creates the project for their commune, without letting them choose another', () => {
      const commune = el.querySelector<HTMLSelectElement>('#codeInsee')!;
      expect(commune.disabled).toBe(true);
      expect(commune.selectedOptions[0].textContent).toContain('Ableiges');
    });
  });

  describe('when required fields are empty', () => {
    it('names each field to fill in, tied to it', async () => {
      el.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await settle();
      expect(el.querySelector('#title-error')!.textContent).toContain('Indiquez le titre du projet.');
      expect(el.querySelector('#theme-error')!.textContent).toContain('Choisissez un thème.');
      expect(el.querySelector('#title')!.getAttribute('aria-describedby')).toContain('title-error');
    });
  });

  describe('when the API refuses a field', () => {
    it('shows its message next to that field', async () => {
      await set('#title', 'Toiture de la mairie');
      await set('#theme', 'batiment_public', 'change');
      await set('#estimatedCostHt', '120 000');
      el.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await settle();

      const request = backend.expectOne('/api/projects');
      expect(request.request.body).toEqual({
        codeInsee: '95002',
        title: 'Toiture de la mairie',
        description: '',
        theme: 'batiment_public',
        estimatedCostHt: 120000,
      });
      request.flush(
        {
          type: 'urn:carnet-de-projets:probleme:invalid_cost',
          title: 'Le coût estimé doit être un montant positif en euros HT.',
          status: 422,
          errors: [{ field: 'estimatedCostHt', message: 'Le coût estimé doit être un montant positif en euros HT.' }],
        },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
      await settle();

      expect(el.querySelector('#estimatedCostHt-error')!.textContent).toContain('Le coût estimé doit être un montant positif');
      expect(el.querySelector('#estimatedCostHt')!.getAttribute('aria-invalid')).toBe('true');
    });
  });

  describe('when the project is created', () => {
    it('opens its page, which waits for its own write and says it was created, with nothing technical in the address', async () => {
      const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
      await set('#title', 'Toiture de la mairie');
      await set('#theme', 'batiment_public', 'change');
      el.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await settle();
      backend.expectOne('/api/projects').flush({ id: 'abc', version: 1, position: 17 }, { status: 201, statusText: 'Created' });
      await settle();
      expect(navigate).toHaveBeenCalledTimes(1);
      const [commands, extras] = navigate.mock.calls[0];
      expect(commands).toEqual(['/projets', 'abc']);
      expect(extras?.queryParams).toBeUndefined();
      expect(readProjectArrival(extras?.state)).toEqual({ after: 17, message: 'Projet créé.' });
    });
  });
});

describe('validateCreateProject', () => {
  const draft = { codeInsee: '95002', title: 'A', description: '', theme: 'ecole' as const, estimatedCostHt: '' };
  // The API's rule (TitleField: not blank, 160 characters at most): no stricter here.
  it('accepts a one-letter title, as the API does', () => expect(validateCreateProject(draft)).toEqual({}));
  it('refuses a title of spaces only, and one over 160 characters', () => {
    expect(validateCreateProject({ ...draft, title: '   ' })).toEqual({ title: 'Indiquez le titre du projet.' });
    expect(validateCreateProject({ ...draft, title: 'x'.repeat(161) })).toEqual({ title: 'Le titre dépasse 160 caractères.' });
  });
});
