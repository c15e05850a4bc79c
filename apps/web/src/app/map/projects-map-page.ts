import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, signal, untracked, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  CHOROPLETH_LABELS,
  STEP_LABELS,
  STEP_ORDER,
  THEME_LABELS,
  type ChoroplethMode,
  type CommuneView,
  type MapProjectFeature,
  type ProjectStep,
  type ProjectTheme,
} from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { Api } from '../core/api';
import { toUserError } from '../core/problem';
import { SessionStore } from '../core/session';
import { MapApi } from './map-api';
import { COUNT_CLASSES, EMPTY_FILL, stepLegend } from './map-style';
import { ProjectsMap, type CommuneFigures } from './projects-map';

/**
 * `/carte`: the projects the person may see on a map (issue #10) — a commune's members their commune,
 * partners their organisation's projects, Département staff every project with the choropleth modes —
 * and the same projects in a table, with the same filters, for the keyboard and screen readers.
 */
@Component({
  selector: 'app-projects-map-page',
  imports: [RouterLink, ProjectsMap],
  templateUrl: './projects-map-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProjectsMapPage {
  private readonly api = inject(Api);
  private readonly mapApi = inject(MapApi);
  private readonly session = inject(SessionStore);
  private readonly listHeading = viewChild<ElementRef<HTMLElement>>('listHeading');

  protected readonly stepLabels = STEP_LABELS;
  protected readonly themeLabels = THEME_LABELS;
  protected readonly steps = STEP_ORDER;
  protected readonly themes = Object.entries(THEME_LABELS) as Array<[ProjectTheme, string]>;
  protected readonly modes = Object.entries(CHOROPLETH_LABELS) as Array<[ChoroplethMode, string]>;
  protected readonly legend = stepLegend;
  protected readonly countClasses = COUNT_CLASSES;
  protected readonly emptyFill = EMPTY_FILL;

  private readonly role = computed(() => this.session.me()?.role ?? null);
  protected readonly isStaff = computed(() => ['departement_agent', 'departement_admin', 'auditor'].includes(this.role() ?? ''));
  protected readonly ownCommune = computed(() => this.session.me()?.communeInsee ?? '');
  protected readonly intro = computed(() => {
    if (this.isStaff()) return 'Tous les projets du Département, colorés par étape. Cliquez sur une commune pour voir ses projets.';
    if (this.role() === 'partner_member') return 'Les projets auxquels votre organisation est associée.';
    return 'Les projets de votre commune. Chaque projet est placé à son point précis, ou au centre de la commune.';
  });

  protected readonly communes = signal<CommuneView[]>([]);
  protected readonly commune = signal('');
  protected readonly step = signal<ProjectStep | ''>('');
  protected readonly theme = signal<ProjectTheme | ''>('');
  protected readonly q = signal('');
  protected readonly mode = signal<ChoroplethMode>('projects');

  protected readonly features = signal<MapProjectFeature[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  private readonly outlineNames = signal(new Map<string, string>());

  /** Today's communes of the Département (the outlines are of 2018: a few communes have merged since). */
  private readonly catalog = signal<Map<string, string>>(new Map());
  /** Today's commune names first (the outlines carry the 2018 ones). */
  protected readonly names = computed(() => {
    const names = new Map(this.outlineNames());
    for (const [code, name] of this.catalog()) names.set(code, name);
    for (const c of this.communes()) names.set(c.codeInsee, c.name);
    return names;
  });
  protected readonly figures = computed(() => {
    const figures = new Map<string, CommuneFigures>();
    for (const f of this.features()) {
      const n = figures.get(f.properties.commune) ?? { projects: 0, openQuestions: 0 };
      figures.set(f.properties.commune, { projects: n.projects + 1, openQuestions: n.openQuestions + f.properties.openQuestions });
    }
    return figures;
  });
  /** The choropleth's data as a table: every commune drawn, with its figures. */
  protected readonly communeRows = computed(() => {
    const figures = this.figures();
    // One row per commune of today (an outline of a commune merged since 2018 is not a commune any more); the outlines' codes until they are known.
    const codes = this.catalog().size ? [...this.catalog().keys()] : [...this.outlineNames().keys()];
    const rows = codes.map((code) => ({ code, name: this.names().get(code) ?? code, ...(figures.get(code) ?? { projects: 0, openQuestions: 0 }) }));
    const shown = this.mode() === 'empty' ? rows.filter((r) => r.projects === 0) : rows;
    return shown.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  });
  protected readonly resultText = computed(() => {
    if (this.loading()) return 'Chargement des projets…';
    const n = this.features().length;
    return n === 0 ? 'Aucun projet ne correspond.' : n === 1 ? '1 projet sur la carte' : `${n} projets sur la carte`;
  });
  protected readonly listTitle = computed(() => (this.commune() ? `Projets de la commune : ${this.names().get(this.commune()) ?? this.commune()}` : 'Liste des projets de la carte'));
  private request = 0;

  constructor() {
    effect(() => {
      const commune = this.ownCommune();
      untracked(() => this.commune.set(commune));
    });
    effect(() => {
      const filters = { commune: this.commune(), step: this.step(), theme: this.theme(), q: this.q() };
      this.session.me()?.id;
      untracked(() => void this.load(filters));
    });
    void this.loadNames();
  }

  protected communeName(code: string): string {
    return this.names().get(code) ?? code;
  }

  protected search(event: Event, value: string): void {
    event.preventDefault();
    this.q.set(value.trim());
  }

  protected reset(input: HTMLInputElement): void {
    input.value = '';
    this.q.set('');
    this.step.set('');
    this.theme.set('');
    this.commune.set(this.isStaff() || this.role() === 'partner_member' ? '' : this.ownCommune());
  }

  /** A commune clicked on the map or chosen in the table: its projects, list first. */
  protected openCommune(code: string): void {
    if (!this.isStaff() && this.role() !== 'partner_member') return;
    this.commune.set(code);
    setTimeout(() => this.listHeading()?.nativeElement.focus());
  }

  protected value(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }

  protected setStep(value: string): void {
    this.step.set(value as ProjectStep | '');
  }
  protected setTheme(value: string): void {
    this.theme.set(value as ProjectTheme | '');
  }
  protected setMode(value: string): void {
    this.mode.set(value as ChoroplethMode);
  }

  private async loadNames(): Promise<void> {
    try {
      const outlines = await firstValueFrom(this.mapApi.outlines());
      this.outlineNames.set(new Map(outlines.features.map((f) => [f.properties.code, f.properties.nom])));
    } catch {
      // The map reports its own error; the table then names communes by code.
    }
    try {
      this.catalog.set(new Map((await firstValueFrom(this.api.allCommunes())).map((c) => [c.codeInsee, c.name])));
    } catch {
      // The table then lists the outlines' communes.
    }
    try {
      this.communes.set([...(await firstValueFrom(this.api.communes()))].sort((a, b) => a.name.localeCompare(b.name, 'fr')));
    } catch {
      // The commune filter then offers « Toutes les communes » only.
    }
  }

  private async load(filters: { commune: string; step: ProjectStep | ''; theme: ProjectTheme | ''; q: string }): Promise<void> {
    const request = ++this.request;
    this.loading.set(true);
    this.error.set(null);
    try {
      const collection = await firstValueFrom(this.mapApi.projects(filters));
      if (request !== this.request) return;
      this.features.set(collection.features);
    } catch (error) {
      if (request !== this.request) return;
      this.features.set([]);
      this.error.set(`Les projets n’ont pas pu être chargés. ${toUserError(error).message}`);
    } finally {
      if (request === this.request) this.loading.set(false);
    }
  }
}
