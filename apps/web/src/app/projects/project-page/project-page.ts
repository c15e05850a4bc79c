import { FollowButton } from '../../notifications/follow-button/follow-button';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { PUBLICATION_LABELS, THEME_LABELS } from '@carnet/contracts';
import { filter, map } from 'rxjs';
import { SessionStore } from '../../core/session';
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
  imports: [FollowButton, RouterLink, RouterOutlet, ProjectSummary],
  providers: [ProjectStore, ProjectAccess],
  templateUrl: './project-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectPage {
  private readonly session = inject(SessionStore);
  private readonly title = inject(Title);
  private readonly router = inject(Router);
  protected readonly store = inject(ProjectStore);

  /** Route parameter. */
  readonly id = input.required<string>();
  /** `?after=<position>` once a command was accepted: wait for the read model to include it. */
  readonly after = input<string | undefined>();

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
      href: s.path ? `/projets/${detail.id}/${s.path}` : `/projets/${detail.id}`,
    }));
  });

  constructor() {
    effect(() => {
      const id = this.id();
      const after = Number(this.after()) || null;
      untracked(() => void this.store.open(id, after));
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
