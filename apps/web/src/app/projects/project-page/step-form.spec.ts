import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { ProjectDetail } from '@carnet/contracts';
import { CONFLICT_MESSAGE } from '../../core/problem';
import { ProjectStore } from './project-store';
import { StepForm } from './step-form';

const project = (overrides: Partial<ProjectDetail> = {}): ProjectDetail => ({
  id: 'p1',
  codeInsee: '95002',
  communeName: 'Ableiges',
  title: "Rénovation de l'école",
  theme: 'ecole',
  step: 'financement',
  progress: 50,
  estimatedCostHt: 120000,
  openQuestions: 0,
  publication: 'none',
  createdAt: '2026-01-10T10:00:00Z',
  updatedAt: '2026-02-10T10:00:00Z',
  version: 4,
  description: '',
  questions: [],
  publicationWork: null,
  documents: [],
  ...overrides,
});

describe('StepForm', () => {
  let fixture: ComponentFixture<StepForm>;
  let backend: HttpTestingController;
  let store: ProjectStore;
  let el: HTMLElement;

  /** Lets promise chains finish, then lets Angular render. */
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  const field = <T extends HTMLElement>(selector: string) => el.querySelector<T>(selector)!;
  const chooseStep = async (step: string) => {
    const select = field<HTMLSelectElement>('#step-select');
    select.value = step;
    select.dispatchEvent(new Event('change'));
    await settle();
  };
  const type = async (selector: string, value: string) => {
    const input = field<HTMLInputElement | HTMLTextAreaElement>(selector);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle();
  };
  const submit = async () => {
    field<HTMLButtonElement>('button[type=submit]').click();
    await settle();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [StepForm],
      providers: [provideHttpClient(), provideHttpClientTesting(), ProjectStore],
    });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(ProjectStore);
    store.id.set('p1');
    store.detail.set(project());
    store.version.set(4);
    fixture = TestBed.createComponent(StepForm);
    el = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => {
    // Reset even when verify fails, so that one failure does not cascade into the next tests.
    try {
      backend.verify();
    } finally {
      TestBed.resetTestingModule();
    }
  });

  describe('when going back to an earlier step without a comment', () => {
    it('asks why, next to the comment field, and sends nothing', async () => {
      await chooseStep('etudes');
      expect(field('label[for=step-comment]').textContent).toContain('Commentaire *');

      await submit();

      const comment = field<HTMLTextAreaElement>('#step-comment');
      const error = field('#step-comment-error');
      expect(error.textContent).toContain('Indiquez pourquoi le projet revient à une étape précédente.');
      expect(comment.getAttribute('aria-invalid')).toBe('true');
      expect(comment.getAttribute('aria-describedby')).toContain('step-comment-error');
      backend.expectNone(() => true);
    });
  });

  describe('when going forward', () => {
    it('does not require a comment and sends the version the user saw', async () => {
      await chooseStep('travaux');
      await type('#step-progress', '60');
      await submit();

      const request = backend.expectOne('/api/projects/p1/step');
      expect(request.request.body).toEqual({ step: 'travaux', progress: 60 });
      expect(request.request.headers.get('If-Match')).toBe('"4"');
      expect(request.request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('when the API refuses the comment (business rule)', () => {
    it('shows the API message under the comment field', async () => {
      await chooseStep('idee');
      await type('#step-comment', '   x');
      await submit();

      backend.expectOne('/api/projects/p1/step').flush(
        {
          type: 'urn:carnet-de-projets:probleme:published_locked',
          title: 'Un projet dont la publication est demandée ne peut plus revenir en arrière.',
          status: 409,
        },
        { status: 409, statusText: 'Conflict' },
      );
      await settle();
      // A 409 reloads the project: unchanged version means it was the rule, not someone else.
      backend.expectOne((r) => r.url === '/api/projects/p1').flush(project(), { headers: { ETag: '"4"' } });
      await settle();
      backend.expectOne('/api/projects/p1/history').flush([]);
      await settle();

      expect(el.querySelector('[role=alert]')!.textContent).toContain(
        'Un projet dont la publication est demandée ne peut plus revenir en arrière.',
      );
    });
  });

  describe('when someone else changed the project meanwhile', () => {
    it('reloads it and says so', async () => {
      await chooseStep('travaux');
      await submit();

      backend.expectOne('/api/projects/p1/step').flush(
        { type: 'urn:carnet-de-projets:probleme:concurrent_modification', title: 'Ce projet a été modifié entre-temps', status: 409 },
        { status: 409, statusText: 'Conflict' },
      );
      await settle();
      backend
        .expectOne((r) => r.url === '/api/projects/p1')
        .flush(project({ version: 5, step: 'travaux', progress: 70 }), { headers: { ETag: '"5"' } });
      await settle();
      backend.expectOne('/api/projects/p1/history').flush([]);
      await settle();

      expect(el.querySelector('[role=alert]')!.textContent).toContain(CONFLICT_MESSAGE);
      expect(store.version()).toBe(5);
      expect(field<HTMLSelectElement>('#step-select').value).toBe('travaux');
    });
  });

  describe('when the network fails and the user retries', () => {
    it('re-sends the same Idempotency-Key', async () => {
      await chooseStep('travaux');
      await submit();
      const first = backend.expectOne('/api/projects/p1/step');
      const key = first.request.headers.get('Idempotency-Key');
      first.error(new ProgressEvent('error'), { status: 0 });
      await settle();
      expect(el.querySelector('[role=alert]')!.textContent).toContain('Le serveur ne répond pas');

      await submit();
      const retry = backend.expectOne('/api/projects/p1/step');
      expect(retry.request.headers.get('Idempotency-Key')).toBe(key);
      retry.flush({ id: 'p1', version: 5, position: 42 });
      await settle();
      const reload = backend.expectOne((r) => r.url === '/api/projects/p1');
      expect(reload.request.params.get('minPosition')).toBe('42');
      reload.flush(project({ version: 5, step: 'travaux' }), { headers: { ETag: '"5"' } });
      await settle();
      backend.expectOne('/api/projects/p1/history').flush([]);
      await settle();
      expect(el.querySelector('[role=status]')!.textContent).toContain('Étape enregistrée : Travaux, 50 %.');
    });
  });
});
