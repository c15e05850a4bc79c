import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  PUBLICATION_LABELS,
  STEP_LABELS,
  STEP_ORDER,
  THEME_LABELS,
  type CommuneView,
  type ProjectStep,
  type ProjectSummary,
} from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { Api } from '../../core/api';
import { toUserError } from '../../core/problem';
import { canCreateProjects, isCommuneRole } from '../../core/roles';
import { SessionStore } from '../../core/session';
import { ProgressBar } from '../shared/progress-bar';

/** Home page: the projects, filtered by commune, step and words. */
@Component({
  selector: 'app-project-list',
  imports: [RouterLink, ProgressBar],
  templateUrl: './project-list.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectList {
  private readonly api = inject(Api);
  private readonly session = inject(SessionStore);

  /** Département staff and auditors see every project; the others, theirs only (the rest is on the public portal). */
  protected readonly seesAll = computed(() => {
    const role = this.session.me()?.role;
    return role === 'departement_agent' || role === 'departement_admin' || role === 'auditor';
  });
  protected readonly stepLabels = STEP_LABELS;
  protected readonly themeLabels = THEME_LABELS;
  protected readonly publicationLabels = PUBLICATION_LABELS;
  protected readonly steps = STEP_ORDER;

  protected readonly communes = signal<CommuneView[]>([]);
  protected readonly commune = signal('');
  protected readonly step = signal<ProjectStep | ''>('');
  protected readonly q = signal('');

  protected readonly projects = signal<ProjectSummary[]>([]);
  protected readonly total = signal(0);
  /** The same filters as the list, for the spreadsheet export (`GET /api/projects/export.csv`). */
  protected readonly exportUrl = computed(() => {
    const params = new URLSearchParams();
    if (this.commune()) params.set('commune', this.commune());
    if (this.step()) params.set('step', this.step());
    if (this.q().trim()) params.set('q', this.q().trim());
    const query = params.toString();
    return `/api/projects/export.csv${query ? `?${query}` : ''}`;
  });
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);

  /** A commune's people see their commune's projects only: a « Commune » filter would offer one choice. */
  protected readonly showCommuneFilter = computed(() => !isCommuneRole(this.session.me()?.role ?? null));
  /** The filters in use, counted on the « Filtres (n) » button of a phone. */
  protected readonly activeFilters = computed(
    () => [this.showCommuneFilter() && this.commune(), this.step(), this.q().trim()].filter((value) => !!value).length,
  );
  /** On a phone the filters are folded until asked for; on larger screens they are always shown (styles.css). */
  protected readonly filtersOpen = signal(false);
  protected readonly canCreate = computed(() => canCreateProjects(this.session.me()));
  protected readonly resultText = computed(() => {
    const total = this.total();
    if (this.loading()) return 'Chargement des projets…';
    if (this.error()) return '';
    return total === 0 ? 'Aucun projet ne correspond.' : total === 1 ? '1 projet' : `${total} projets`;
  });

  private request = 0;

  constructor() {
    // A commune's people first see their own commune's projects; everyone else sees all.
    effect(() => {
      const commune = this.session.me()?.communeInsee ?? '';
      untracked(() => this.commune.set(commune));
    });
    effect(() => {
      const filters = { commune: this.commune(), step: this.step(), q: this.q() };
      this.session.me()?.id; // what one may see depends on who asks
      untracked(() => void this.load(filters));
    });
    void this.loadCommunes();
  }

  protected onCommuneChange(value: string): void {
    this.commune.set(value);
  }

  protected onStepChange(value: string): void {
    this.step.set(value as ProjectStep | '');
  }

  protected search(event: Event, value: string): void {
    event.preventDefault();
    this.q.set(value.trim());
  }

  protected reset(input: HTMLInputElement): void {
    input.value = '';
    this.q.set('');
    this.step.set('');
    // A commune's people keep their commune (they have no « Commune » filter to choose another).
    this.commune.set(this.showCommuneFilter() ? '' : (this.session.me()?.communeInsee ?? ''));
  }

  protected retry(): void {
    void this.load({ commune: this.commune(), step: this.step(), q: this.q() });
  }

  private async loadCommunes(): Promise<void> {
    try {
      const communes = await firstValueFrom(this.api.communes());
      this.communes.set([...communes].sort((a, b) => a.name.localeCompare(b.name, 'fr')));
    } catch {
      // The filter then only offers "Toutes les communes"; the list itself reports its own errors.
    }
  }

  private async load(filters: { commune: string; step: ProjectStep | ''; q: string }): Promise<void> {
    const request = ++this.request;
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await firstValueFrom(this.api.projects(filters));
      if (request !== this.request) return;
      this.projects.set(page.items);
      this.total.set(page.total);
    } catch (error) {
      if (request !== this.request) return;
      this.projects.set([]);
      this.total.set(0);
      this.error.set(`Les projets n’ont pas pu être chargés. ${toUserError(error).message}`);
    } finally {
      if (request === this.request) this.loading.set(false);
    }
  }
}
