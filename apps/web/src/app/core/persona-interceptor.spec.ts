import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { PersonaStore } from './persona';
import { PERSONA_HEADER, personaInterceptor } from './persona-interceptor';

describe('personaInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([personaInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    // Reset even when verify fails, so that one failure does not cascade into the next tests.
    try {
      backend.verify();
    } finally {
      TestBed.resetTestingModule();
    }
  });

  describe('when a persona is chosen', () => {
    it('sends its id on every API call and remembers it across reloads', async () => {
      TestBed.inject(PersonaStore).select('maire-ableiges');
      const done = firstValueFrom(http.get('/api/projects'));
      const request = backend.expectOne('/api/projects');
      expect(request.request.headers.get(PERSONA_HEADER)).toBe('maire-ableiges');
      request.flush({ items: [], total: 0 });
      await done;
      expect(localStorage.getItem('carnet.persona')).toBe('maire-ableiges');
    });

    it('does not send it to other sites', async () => {
      TestBed.inject(PersonaStore).select('maire-ableiges');
      const done = firstValueFrom(http.get('https://geo.api.gouv.fr/communes'));
      const request = backend.expectOne('https://geo.api.gouv.fr/communes');
      expect(request.request.headers.has(PERSONA_HEADER)).toBe(false);
      request.flush([]);
      await done;
    });
  });

  describe('when the personas are loaded and none was chosen', () => {
    it('chooses the first one', async () => {
      const store = TestBed.inject(PersonaStore);
      const loading = store.load();
      backend.expectOne('/api/dev/personas').flush([
        { id: 'p1', name: 'Marie Dupont', role: 'commune_mayor', communeInsee: '95002', communeName: 'Ableiges' },
        { id: 'p2', name: 'Paul Martin', role: 'departement_agent', communeInsee: null, communeName: null },
      ]);
      await loading;
      expect(store.current()?.name).toBe('Marie Dupont');
      const done = firstValueFrom(http.get('/api/me'));
      const request = backend.expectOne('/api/me');
      expect(request.request.headers.get(PERSONA_HEADER)).toBe('p1');
      request.flush({});
      await done;
    });
  });
});
