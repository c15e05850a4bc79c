import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { CSRF_HEADER, csrfInterceptor, readCookie } from './csrf-interceptor';

describe('csrfInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  const setCookie = (value: string) => (document.cookie = value);

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([csrfInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    setCookie('carnet_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/');
    try {
      backend.verify();
    } finally {
      TestBed.resetTestingModule();
    }
  });

  describe('when the CSRF cookie is set (logged in)', () => {
    beforeEach(() => setCookie('carnet_csrf=tok%2Ben-42; path=/'));

    it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('echoes it in X-CSRF-Token on %s to our API', async (method) => {
      const done = firstValueFrom(http.request(method, '/api/projects/p1', { body: {} }));
      const request = backend.expectOne('/api/projects/p1');
      expect(request.request.headers.get(CSRF_HEADER)).toBe('tok+en-42');
      request.flush({});
      await done;
    });

    it('does not add it to reads', async () => {
      const done = firstValueFrom(http.get('/api/projects'));
      const request = backend.expectOne('/api/projects');
      expect(request.request.headers.has(CSRF_HEADER)).toBe(false);
      request.flush({ items: [], total: 0 });
      await done;
    });

    it('never sends it to another site', async () => {
      const done = firstValueFrom(http.post('https://example.org/api/projects', {}));
      const request = backend.expectOne('https://example.org/api/projects');
      expect(request.request.headers.has(CSRF_HEADER)).toBe(false);
      request.flush({});
      await done;
    });
  });

  describe('when nobody is logged in (no cookie)', () => {
    it('sends no header, and the API decides (login needs none)', async () => {
      const done = firstValueFrom(http.post('/api/auth/login', { email: 'a@b.fr', password: 'x' }));
      const request = backend.expectOne('/api/auth/login');
      expect(request.request.headers.has(CSRF_HEADER)).toBe(false);
      request.flush({});
      await done;
    });
  });
});

describe('readCookie', () => {
  it('finds one cookie among others, decoded', () => {
    expect(readCookie('a=1; carnet_csrf=x%3Dy; b=2', 'carnet_csrf')).toBe('x=y');
    expect(readCookie('xcarnet_csrf=1', 'carnet_csrf')).toBeNull();
    expect(readCookie('', 'carnet_csrf')).toBeNull();
  });
});
