import { FinancingAsOf } from '../financing/financing-as-of';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  CATEGORY_LABELS,
  PUBLICATION_LABELS,
  ROLE_LABELS,
  STEP_LABELS,
  THEME_LABELS,
  type AuditHistory,
  type AuditHistoryEntry,
  type ProjectAsOf,
  type ProjectComparison,
} from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { Euros, FrDate, RoleOf, endOfDay, startOfDay } from '../core/format';
import { toUserError, type UserError } from '../core/problem';
import { PageProblem } from '../shared/page-problem';
import { AuditApi, isoToLocal, localToIso, type HistoryFilters } from './audit-api';
import { VerificationBanner } from './verification-banner';

/** /audit/projets/:id — a project's history from the log, time travel, comparison, exports. */
@Component({
  selector: 'app-audit-project',
  imports: [RouterLink, FrDate, Euros, PageProblem, VerificationBanner, FinancingAsOf, RoleOf],
  templateUrl: './audit-project.html',
  styles: `
    /* styles.css does not style date inputs yet: same look as the other fields. */
    input[type='date'], input[type='datetime-local'] {
      font: inherit; color: inherit; background: var(--color-surface); border: 1px solid #6b7280;
      border-radius: var(--radius); padding: 0.5rem 0.625rem; min-height: 2.75rem; width: 100%; max-width: 100%;
    }
    .audit-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 1rem 0; }
    .changes { margin: 0.25rem 0 0; padding-left: 1.1rem; }
    .hash { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.8rem; overflow-wrap: anywhere; }
    .rebuilt { border: 2px dashed var(--color-border, #888); border-radius: 6px; padding: 0.75rem 1rem; margin-top: 1rem; }
    .rebuilt dl { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: 0.25rem 1rem; }
    .rebuilt dt { font-weight: 600; }
    .rebuilt dd { margin: 0; overflow-wrap: anywhere; }
    section + section { margin-top: 2rem; }
    @media (max-width: 40rem) { .rebuilt dl { grid-template-columns: 1fr; } }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditProject {
  private readonly api = inject(AuditApi);
  readonly id = input.required<string>();

  protected readonly stepLabels = STEP_LABELS;
  protected readonly themeLabels = THEME_LABELS;
  protected readonly categoryLabels = CATEGORY_LABELS;
  protected readonly publicationLabels = PUBLICATION_LABELS;
  protected readonly roleLabels = ROLE_LABELS as Record<string, string | undefined>;

  /** The unfiltered history: the title, the type and person choices, the default dates. */
  protected readonly all = signal<AuditHistory | null>(null);
  protected readonly shown = signal<AuditHistoryEntry[]>([]);
  protected readonly loadError = signal<UserError | null>(null);
  protected readonly filterError = signal<string | null>(null);
  protected readonly filtering = signal(false);

  protected readonly types = computed(() => {
    const seen = new Map<string, string>();
    for (const e of this.all()?.entries ?? []) seen.set(e.type, e.typeLabel);
    return [...seen];
  });
  protected readonly people = computed(() => {
    const seen = new Map<string, string>();
    for (const e of this.all()?.entries ?? []) seen.set(e.actor.id, e.actor.name);
    return [...seen];
  });

  protected readonly asOf = signal<ProjectAsOf | null>(null);
  protected readonly asOfError = signal<string | null>(null);
  protected readonly asOfValue = signal('');
  protected readonly comparison = signal<ProjectComparison | null>(null);
  protected readonly compareError = signal<string | null>(null);
  protected readonly compareFrom = signal('');
  protected readonly compareTo = signal('');
  /** The events recorded between the two compared dates: what made the differences, who, and why. */
  protected readonly between = computed(() => {
    const c = this.comparison();
    if (!c) return [];
    const [from, to] = [Date.parse(c.fromAt), Date.parse(c.to.at)];
    return (this.all()?.entries ?? []).filter((e) => Date.parse(e.at) > from && Date.parse(e.at) <= to);
  });

  protected readonly jsonUrl = computed(() => this.api.exportJsonUrl(this.id()));
  protected readonly htmlUrl = computed(() => this.api.exportHtmlUrl(this.id()));

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  private async load(id: string): Promise<void> {
    this.loadError.set(null);
    try {
      const history = await firstValueFrom(this.api.history(id));
      this.all.set(history);
      this.shown.set(history.entries);
      const first = history.entries[0]?.at;
      if (first) {
        this.asOfValue.set(isoToLocal(new Date().toISOString()));
        this.compareFrom.set(isoToLocal(new Date(Date.parse(first) + 60_000).toISOString()));
        this.compareTo.set(isoToLocal(new Date().toISOString()));
      }
    } catch (error) {
      this.loadError.set(toUserError(error));
    }
  }

  protected async filter(event: Event, type: string, actor: string, from: string, to: string): Promise<void> {
    event.preventDefault();
    this.filterError.set(null);
    // Days as typed (AAAA-MM-JJ) compare as text; an empty list would not say why.
    if (from && to && from > to) {
      this.filterError.set('La date « Du » doit être avant la date « Au » (ou le même jour).');
      return;
    }
    this.filtering.set(true);
    const filters: HistoryFilters = { type, actor, from: from ? startOfDay(from) : '', to: to ? endOfDay(to) : '' };
    try {
      this.shown.set((await firstValueFrom(this.api.history(this.id(), filters))).entries);
    } catch (error) {
      this.filterError.set(toUserError(error).message);
    } finally {
      this.filtering.set(false);
    }
  }

  protected async resetFilters(form: HTMLFormElement): Promise<void> {
    form.reset();
    this.filterError.set(null);
    this.shown.set(this.all()?.entries ?? []);
  }

  protected async travel(event: Event, local: string): Promise<void> {
    event.preventDefault();
    this.asOfValue.set(local);
    this.asOfError.set(null);
    const at = localToIso(local);
    if (!at) {
      this.asOf.set(null);
      this.asOfError.set('Indiquez une date et une heure.');
      return;
    }
    try {
      this.asOf.set(await firstValueFrom(this.api.asOf(this.id(), at)));
    } catch (error) {
      this.asOf.set(null);
      this.asOfError.set(toUserError(error).message);
    }
  }

  protected async compare(event: Event, fromLocal: string, toLocal: string): Promise<void> {
    event.preventDefault();
    this.compareFrom.set(fromLocal);
    this.compareTo.set(toLocal);
    this.compareError.set(null);
    const [from, to] = [localToIso(fromLocal), localToIso(toLocal)];
    if (!from || !to) {
      this.comparison.set(null);
      this.compareError.set('Indiquez les deux dates et heures.');
      return;
    }
    try {
      this.comparison.set(await firstValueFrom(this.api.compare(this.id(), from, to)));
    } catch (error) {
      this.comparison.set(null);
      this.compareError.set(toUserError(error).message);
    }
  }

  protected partnerNames(view: ProjectAsOf): string {
    return view.project.partners.map((p) => p.name).join(', ') || 'Aucun';
  }

  protected shortHash(hash: string | null): string {
    return hash ? `${hash.slice(0, 12)}…` : '—';
  }
}

