import { Component } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ProjectDetail, QuestionView } from '@carnet/contracts';
import { projectArrival } from '../shared/project-arrival';
import { ProjectPage } from './project-page';

@Component({ template: '<p>Présentation</p>' })
class Overview {}

const project = (overrides: Partial<ProjectDetail> = {}): ProjectDetail => ({
  id: 'abc',
  codeInsee: '95002',
  communeName: 'Ableiges',
  title: 'Toiture de la mairie',
  theme: 'batiment_public',
  step: 'idee',
  progress: 0,
  estimatedCostHt: null,
  openQuestions: 0,
  publication: 'none',
  createdAt: '2026-01-10T10:00:00Z',
  updatedAt: '2026-01-10T10:00:00Z',
  version: 1,
  description: '',
  questions: [],
  publicationWork: null,
  documents: [],
  ...overrides,
});

describe('ProjectPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;
  let router: Router;
  const el = () => harness.routeNativeElement!;

  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  };
  /** Answers the project's reading (with the position it must include, if any), then its history. */
  const answer = async (minPosition: string | null, detail = project()) => {
    const request = backend.expectOne((r) => r.url === '/api/projects/abc');
    expect(request.request.params.get('minPosition')).toBe(minPosition);
    request.flush(detail, { headers: { ETag: '"1"' } });
    await settle();
    backend.expectOne('/api/projects/abc/history').flush([]);
    await settle();
  };
  const statusText = () => Array.from(el().querySelectorAll('[role=status]')).map((s) => s.textContent).join(' ');

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter(
          [
            { path: 'projets/nouveau', component: Overview },
            { path: 'projets/:id', component: ProjectPage, children: [{ path: '', component: Overview }, { path: 'questions', component: Overview }] },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
    document.body.appendChild(harness.fixture.nativeElement);
  });

  afterEach(() => {
    // Reset even when verify fails, so that one failure does not cascade into the next tests.
    try {
      backend.verify();
    } finally {
      harness.fixture.nativeElement.remove();
      TestBed.resetTestingModule();
    }
  });

  describe('just after « Créer le projet »', () => {
    beforeEach(async () => {
      await router.navigateByUrl('/projets/nouveau');
      await router.navigate(['/projets', 'abc'], { state: projectArrival({ after: 128, message: 'Projet créé.' }) });
      await settle();
    });

    it('waits for the new project (read-your-writes) without showing the position in the address', async () => {
      expect(router.url).toBe('/projets/abc');
      expect(el().textContent).toContain('Chargement du projet…');
      await answer('128');
      expect(el().querySelector('h1')!.textContent).toContain('Toiture de la mairie');
    });

    it('says « Projet créé. » once the project is shown, and puts the focus on it', async () => {
      expect(statusText()).not.toContain('Projet créé.');
      await answer('128');
      expect(statusText()).toContain('Projet créé.');
      expect(document.activeElement!.textContent).toContain('Projet créé.');
    });

    it('no longer says it once another section is opened', async () => {
      await answer('128');
      await router.navigateByUrl('/projets/abc/questions');
      await settle();
      expect(statusText()).not.toContain('Projet créé.');
    });
  });

  describe('the « Questions » tab', () => {
    const question = (id: string, status: QuestionView['status']) => ({ id, status, overdue: false }) as QuestionView;
    const tab = (name: string) =>
      Array.from(el().querySelectorAll<HTMLAnchorElement>('.section-tabs__link')).find((a) => a.textContent!.trim().startsWith(name))!;
    /** The tab's text, the number apart (a flex item: browsers read « Questions 2 »). */
    const text = (link: HTMLElement, shownOnly = false) => {
      const copy = link.cloneNode(true) as HTMLElement;
      // What the eye reads: without the part for screen readers.
      if (shownOnly) copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
      copy.querySelectorAll('.section-tabs__count').forEach((count) => count.prepend(' '));
      return copy.textContent!.replace(/\s+/g, ' ').trim();
    };
    const shown = (link: HTMLElement) => text(link, true);
    const said = (link: HTMLElement) => text(link);

    it('counts the questions waiting for an answer, as the summary does, not the closed or answered ones', async () => {
      await router.navigateByUrl('/projets/abc');
      await settle();
      await answer(
        null,
        project({ questions: [question('q1', 'nouvelle'), question('q2', 'prise_en_charge'), question('q3', 'repondue'), question('q4', 'close')] }),
      );

      expect(shown(tab('Questions'))).toBe('Questions 2');
      expect(said(tab('Questions'))).toBe('Questions 2 en attente');
      const summary = Array.from(el().querySelectorAll('.summary__facts > div')).find((d) => d.querySelector('dt')!.textContent!.includes('Questions en attente'))!;
      expect(summary.querySelector('dd a')!.textContent!.trim()).toBe('2 questions');
      expect(said(tab('Documents'))).toBe('Documents 0');
    });

    it('shows no number when no question waits', async () => {
      await router.navigateByUrl('/projets/abc');
      await settle();
      await answer(null, project({ questions: [question('q1', 'close')] }));

      expect(said(tab('Questions'))).toBe('Questions');
      expect(tab('Questions').querySelector('.section-tabs__count')).toBeNull();
    });
  });

  describe('opened again from the browser’s history (reload, back), with the state kept there', () => {
    it('still waits for the position, but does not say « Projet créé. » again', async () => {
      // The first navigation of the app: what a reload does, with the state the browser kept.
      await router.navigate(['/projets', 'abc'], { state: projectArrival({ after: 128, message: 'Projet créé.' }) });
      await settle();
      await answer('128');
      expect(statusText()).not.toContain('Projet créé.');
    });
  });

  describe('opened from a link', () => {
    it('says nothing about a creation, and waits for nothing', async () => {
      await router.navigateByUrl('/projets/abc');
      await settle();
      await answer(null);
      expect(statusText()).not.toContain('Projet créé.');
    });

    it('still waits for the position of a link’s `?after=`', async () => {
      await router.navigateByUrl('/projets/abc?after=42');
      await settle();
      await answer('42');
    });
  });
});
