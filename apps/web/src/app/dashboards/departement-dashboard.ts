import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { STEP_LABELS, STEP_ORDER, type DepartementDashboard } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { Api } from '../core/api';
import { toUserError } from '../core/problem';
import { BarChart } from './charts/bar-chart';
import { formatValue } from './charts/chart-palette';
import { LineChart } from './charts/line-chart';
import { StackedBarChart } from './charts/stacked-bar-chart';
import { FaqUsage } from '../faq/faq-usage';
import { FinancingDashboard } from '../financing/financing-dashboard';

/** « 3,5 jours », « — » when no question was answered yet. */
export const daysText = (days: number | null): string => (days === null ? 'aucune réponse encore' : `${formatValue(days)} jour${days >= 2 ? 's' : ''}`);

/** The Département's dashboard: agents, administrators and auditors. */
@Component({
  selector: 'app-departement-dashboard',
  imports: [BarChart, StackedBarChart, LineChart, FaqUsage, FinancingDashboard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Tableau de bord du Département</h1>
    <p class="result-count" role="status">{{ loading() ? 'Chargement du tableau de bord…' : '' }}</p>
    @if (error(); as message) {
      <div class="alert alert--error" role="alert">
        <p>{{ message }}</p>
        <button type="button" class="button" (click)="load()">Réessayer</button>
      </div>
    }
    @if (data(); as d) {
      <dl class="kpis">
        <div class="kpi"><dt>Projets suivis</dt><dd>{{ d.projectCount }}</dd></div>
        <div class="kpi"><dt>Communes avec un projet</dt><dd>{{ d.communeCount }}</dd></div>
        <div class="kpi"><dt>Questions en attente</dt><dd>{{ d.openQuestionCount }}</dd></div>
        <div class="kpi"><dt>Délai médian de première réponse</dt><dd>{{ median() }}</dd></div>
      </dl>
      <div class="charts">
        <app-bar-chart caption="Projets par étape" categoryHeader="Étape" valueHeader="Projets" [data]="d.projectsByStep" />
        <app-bar-chart caption="Questions en attente, par ancienneté" categoryHeader="Ancienneté" valueHeader="Questions" [data]="d.openQuestionsByAge" colour="#D55E00" />
        <app-bar-chart caption="Projets par thème" categoryHeader="Thème" valueHeader="Projets" [data]="d.projectsByTheme" colour="#009E73" />
        <app-stacked-bar-chart caption="Projets par commune et par étape" categoryHeader="Commune" [series]="steps" [rows]="byCommune()" />
      </div>
      <h2>Sur les douze derniers mois</h2>
      <div class="charts">
        <app-line-chart caption="Questions posées, répondues et en attente, par mois" [categories]="months()" [series]="questionSeries()" />
        <app-line-chart caption="Délai médian de première réponse (jours), par mois" [categories]="months()" [series]="delaySeries()" />
        <app-stacked-bar-chart caption="Projets par étape en fin de mois" categoryHeader="Mois" [series]="steps" [rows]="stepsByMonth()" />
      </div>
      <app-faq-usage />
      <app-financing-dashboard />
    }
  `,
})
export class DepartementDashboardPage {
  private readonly api = inject(Api);
  protected readonly data = signal<DepartementDashboard | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);

  protected readonly steps = STEP_ORDER.map((s) => ({ key: s, label: STEP_LABELS[s] }));
  protected readonly median = computed(() => daysText(this.data()?.medianFirstAnswerDays ?? null));
  protected readonly byCommune = computed(() => (this.data()?.projectsByCommune ?? []).map((r) => ({ key: r.key, label: r.label, values: r.byStep })));
  protected readonly months = computed(() => (this.data()?.monthly ?? []).map((m) => m.label));
  protected readonly questionSeries = computed(() => {
    const monthly = this.data()?.monthly ?? [];
    return [
      { key: 'asked', label: 'Questions posées', values: monthly.map((m) => m.questionsAsked) },
      { key: 'answered', label: 'Questions répondues', values: monthly.map((m) => m.questionsAnswered) },
      { key: 'open', label: 'En attente en fin de mois', values: monthly.map((m) => m.openQuestions) },
    ];
  });
  protected readonly delaySeries = computed(() => [
    { key: 'median', label: 'Délai médian (jours)', values: (this.data()?.monthly ?? []).map((m) => m.medianFirstAnswerDays) },
  ]);
  protected readonly stepsByMonth = computed(() => (this.data()?.monthly ?? []).map((m) => ({ key: m.month, label: m.label, values: m.projectsByStep })));

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.data.set(await firstValueFrom(this.api.departementDashboard()));
    } catch (error) {
      this.error.set(toUserError(error).message);
    } finally {
      this.loading.set(false);
    }
  }
}
