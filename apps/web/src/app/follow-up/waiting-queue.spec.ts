import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Me, WaitingQueue as Queue } from '@carnet/contracts';
import { SessionStore } from '../core/session';
import { WaitingQueue } from './waiting-queue';

const person = (role: Me['role']): Me => ({
  id: 'u1',
  name: 'Thomas Girard',
  email: 't@caue95.example',
  role,
  communeInsee: null,
  communeName: null,
  seat: null,
  organisationId: role === 'partner_member' ? 'org-caue-95' : null,
  organisationName: role === 'partner_member' ? 'CAUE 95' : null,
  roleForm: null,
  departement: '95',
  departementName: 'Val-d’Oise',
  ofDepartement: 'du Val-d’Oise',
  csrfToken: 'csrf',
});

describe('WaitingQueue — who it speaks to', () => {
  const open = async (who: Me, teams: Queue['teams']) => {
    TestBed.configureTestingModule({ imports: [WaitingQueue], providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    TestBed.inject(SessionStore).signedIn(who);
    const fixture = TestBed.createComponent(WaitingQueue);
    await fixture.whenStable();
    TestBed.inject(HttpTestingController).expectOne('/api/questions/waiting').flush({ teams, overdueDays: 5, assignedToMe: [], unassigned: [], overdue: [] } as unknown as Queue);
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    return (fixture.nativeElement as HTMLElement).textContent!.replace(/\s+/g, ' ');
  };

  afterEach(() => TestBed.resetTestingModule());

  it('speaks to a partner of their organisation’s projects, not of Département teams', async () => {
    const text = await open(person('partner_member'), []);
    expect(text).toContain('Les questions sans responsable des projets auxquels votre organisation est associée sont listées.');
    expect(text).not.toContain('équipe du Département');
    expect(text).toContain('Sans responsable (0)');
  });

  it('tells an agent in no team that every team’s questions are listed, and one in teams which', async () => {
    expect(await open(person('departement_agent'), [])).toContain('Vous n’êtes rattaché à aucune équipe du Département');
    TestBed.resetTestingModule();
    const text = await open(person('departement_agent'), ['aides']);
    expect(text).toContain('Vos équipes : Service des aides aux communes.');
    expect(text).toContain('Sans responsable dans mes équipes (0)');
  });
});
