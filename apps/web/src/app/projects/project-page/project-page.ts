import { FollowButton } from '../../notifications/follow-button/follow-button';
import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { PUBLICATION_LABELS, THEME_LABELS } from '@carnet/contracts';
import { filter, map } from 'rxjs';
import { SessionStore } from '../../core/session';
import { Outcome } from '../../shared/outcome';
import { readProjectArrival, type ProjectArrival } from '../shared/project-arrival';
import { ProjectAccess } from './project-access';
import { PROJECT_SECTIONS } from './project-sections';
import { ProjectStore } from './project-store';
import { ProjectSummary } from './project-summary';

/**
 * `/projets/:id`: the summary of one project, then its sections (PROJECT_SECTIONS), one child route each —
 * `/projets/:id/questions`, `/documents`… — so that a link opens the right one.
 */
@Component({
  selector: 'app-project-page',
  imports: [FollowButton, RouterLink, RouterOutlet, Outcome, ProjectSummary],
  providers: [ProjectStore, ProjectAccess],
  templateUrl: './project-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectPage {
  private readonly session = inject(SessionStore);
  private readonly title = inject(Title);
  private readonly router = inject(Router);
  protected readonly store = inject(ProjectStore);
  private readonly injector = inject(Injector);
  private readonly arrivalOutcome = viewChild.required<ElementRef<HTMLElement>>('arrivalOutcome');

  /** Route parameter. */
  readonly id = input.required<string>();
  /**
   * `?after=<position>` in a link made after a command (the simulator's): wait for the read model to include it.
   * A page that navigates itself passes the position in the navigation state instead (ProjectArrival).
   */
  readonly after = input<string | undefined>();

  /**
   * What the page that opened this one handed over (« Créer le projet »): the position to wait for and the message
   * to say, read while the navigation is under way. The browser keeps it with the page in its history: back there,
   * or after a reload, the position still counts but the message, said already, is not said again.
   */
  private arrival: ProjectArrival | null = (() => {
    const navigation = this.router.currentNavigation();
    const arrival = readProjectArrival(navigation?.extras.state);
    if (!arrival) return null;
    const fromTheApp = navigation!.trigger === 'imperative' && this.router.navigated;
    return fromTheApp ? arrival : { after: arrival.after };
  })();
  /** « Projet créé. », once the new project is shown. */
  protected readonly arrivalMessage = signal<string | null>(null);

  protected readonly themeLabels = THEME_LABELS;
  protected readonly publicationLabels = PUBLICATION_LABELS;

  protected readonly detail = this.store.detail;
  protected readonly loggedIn = this.session.loggedIn;
  protected readonly notFound = computed(() => {
    const status = this.store.loadError()?.status;
    return status === 404 || status === 403 || status === 401;
  });

  /** The path of the section shown ('' for the overview). */
  protected readonly sectionPath = toSignal(
    this.router.events.pipe(
      filter((e) => e instanceof NavigationEnd),
      map(() => this.currentSection()),
    ),
    { initialValue: this.currentSection() },
  );

  /** The tabs this person sees, with their counts. */
  protected readonly tabs = computed(() => {
    const detail = this.detail();
    if (!detail) return [];
    const ctx = { me: this.session.me(), detail };
    return PROJECT_SECTIONS.filter((s) => !s.visible || s.visible(ctx)).map((s) => ({
      path: s.path,
      label: s.label,
      count: s.count?.(ctx) ?? null,
      countLabel: s.countLabel ?? null,
      href: s.path ? `/projets/${detail.id}/${s.path}` : `/projets/${detail.id}`,
    }));
  });

  constructor() {
    effect(() => {
      const id = this.id();
      const after = Number(this.after()) || null;
      untracked(() => void this.open(id, after));
    });
    // The message is about the arrival: another section opened, it goes.
    let section = this.sectionPath();
    effect(() => {
      if (this.sectionPath() === section) return;
      section = this.sectionPath();
      untracked(() => this.arrivalMessage.set(null));
    });
    // The tab's name first: the browser's tab and history tell the sections apart.
    effect(() => {
      const d = this.detail();
      const section = PROJECT_SECTIONS.find((s) => s.path === this.sectionPath());
      if (d) this.title.setTitle(`${section && section.path ? `${section.label} — ` : ''}${d.title} — Carnet de projets`);
      else if (this.notFound()) this.title.setTitle('Projet introuvable — Carnet de projets');
      else this.title.setTitle('Projet — Carnet de projets');
    });
  }

  /** Shows the project, once the read model has what the opening page wrote; then says the arrival's message, focused. */
  private async open(id: string, after: number | null): Promise<void> {
    const arrival = this.arrival;
    this.arrival = null;
    this.arrivalMessage.set(null);
    await this.store.open(id, arrival?.after ?? after);
    if (!arrival?.message || this.store.detail()?.id !== id || this.id() !== id) return;
    this.arrivalMessage.set(arrival.message);
    afterNextRender(
      () => {
        const message = this.arrivalOutcome().nativeElement.querySelector<HTMLElement>('.alert--success');
        if (!message) return;
        message.setAttribute('tabindex', '-1');
        message.focus();
      },
      { injector: this.injector },
    );
  }

  private currentSection(): string {
    // `/projets/<id>/<section>?…#…`: the third segment.
    return this.router.url.split(/[?#]/)[0].split('/')[3] ?? '';
  }

  /**
   * A tab opens its section without scrolling back to the top of the page (the tabs stay where the person
   * clicked them, which matters on a phone where they sit below the summary). Other clicks (new tab, new
   * window) keep the browser's behaviour with the link's address.
   */
  protected openSection(event: MouseEvent, href: string): void {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void this.router.navigateByUrl(href, { scroll: 'manual' });
  }

  /** Back here after logging in, on the same section. */
  protected returnUrl(): string {
    return this.router.url.split('#')[0];
  }

  protected retry(): void {
    void this.store.reload();
  }
}
