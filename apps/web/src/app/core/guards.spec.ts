import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, Router, RouterStateSnapshot, UrlTree, provideRouter } from '@angular/router';
import type { Me } from '@carnet/contracts';
import { administrationHome, dashboardOfRole, nationalAdminHome, portalSearchUrl, requireLogin, sessionCheck } from './guards';
import { SessionStore } from './session';

const julien: Me = {
  id: 'u-julien',
  name: 'Julien Petit',
  email: 'julien.petit@ableiges.example',
  role: 'commune_member',
  communeInsee: '95002',
  communeName: 'Ableiges',
  seat: 'collaborator',
  organisationId: null,
  organisationName: null,
  roleForm: null,
  departement: '95',
  departementName: 'Val-d’Oise',
  ofDepartement: 'du Val-d’Oise',
  csrfToken: 'csrf',
};

describe('guards', () => {
  let backend: HttpTestingController;
  let session: SessionStore;

  const run = (guard: typeof sessionCheck, url: string) =>
    TestBed.runInInjectionContext(() => guard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot)) as Promise<
      boolean | UrlTree
    >;
  const serialize = (result: boolean | UrlTree) =>
    result instanceof UrlTree ? TestBed.inject(Router).serializeUrl(result) : result;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionStore);
  });

  afterEach(() => {
    try {
      backend.verify();
    } finally {
      TestBed.resetTestingModule();
    }
  });

  it('sends a national administrator, who sees no project, to the Départements; anyone else where they asked', async () => {
    const national = { ...julien, role: 'national_admin' as const, communeInsee: null, communeName: null, seat: null, departement: null, departementName: null, ofDepartement: null };
    session.signedIn(national);
    expect(serialize(await run(nationalAdminHome, '/'))).toBe('/administration/departements');
    expect(serialize(await run(administrationHome, '/administration'))).toBe('/administration/departements');
    session.signedIn({ ...julien, role: 'departement_admin', communeInsee: null, communeName: null, seat: null });
    expect(serialize(await run(nationalAdminHome, '/'))).toBe(true);
    expect(serialize(await run(administrationHome, '/administration'))).toBe('/administration/communes');
  });

  it('sends a commune member who opens the Département’s dashboard to their commune’s', async () => {
    session.signedIn({ ...julien, role: 'commune_mayor', seat: 'mayor' });
    expect(serialize(await run(dashboardOfRole, '/tableau-de-bord'))).toBe('/tableau-de-bord/communes/95002');
    session.signedIn({ ...julien, role: 'departement_agent', communeInsee: null, communeName: null, seat: null });
    expect(serialize(await run(dashboardOfRole, '/tableau-de-bord'))).toBe(true);
    session.signedIn({ ...julien, role: 'partner_member', communeInsee: null, communeName: null, seat: null });
    expect(serialize(await run(dashboardOfRole, '/tableau-de-bord'))).toBe('/');
  });

  it('sends anonymous searches to the portal’s search, with the words', () => {
    expect(portalSearchUrl('toiture école')).toBe('/projets-publics/recherche?q=toiture+%C3%A9cole');
    expect(portalSearchUrl('  ')).toBe('/projets-publics/recherche');
    expect(portalSearchUrl(null)).toBe('/projets-publics/recherche');
  });

  it('sends anonymous visitors of a page that needs a login to the login page, with the way back', async () => {
    expect(serialize(await run(requireLogin, '/ma-commune'))).toBe('/connexion?retour=%2Fma-commune');
  });

  describe('when someone is logged in, each navigation asks the API again who they are', () => {
    beforeEach(() => session.signedIn(julien));

    it('lets them go on while they keep their seat', async () => {
      const result = run(sessionCheck, '/projets/p1');
      backend.expectOne('/api/me').flush(julien);
      expect(await result).toBe(true);
    });

    it('stops a collaborator whose seat was released at their next navigation', async () => {
      const result = run(sessionCheck, '/projets/p1');
      backend.expectOne('/api/me').flush({ ...julien, communeInsee: null, communeName: null, seat: null });
      expect(serialize(await result)).toBe('/acces-retire');
      expect(session.withoutAccess()).toBe(true);
    });

    it('sends them to the login page when their session ended', async () => {
      const result = run(sessionCheck, '/ma-commune');
      backend
        .expectOne('/api/me')
        .flush({ type: 'x', title: 'Vous n’êtes pas connecté.', status: 401 }, { status: 401, statusText: 'Unauthorized' });
      expect(serialize(await result)).toBe('/connexion?raison=session&retour=%2Fma-commune');
      expect(session.me()).toBeNull();
    });
  });
});
