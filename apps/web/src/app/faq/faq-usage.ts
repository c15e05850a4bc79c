import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { FaqStats } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { toUserError } from '../core/problem';
import { FaqApi } from './faq-api';
import { LineChart } from '../dashboards/charts/line-chart';

/** The FAQ's figures on the Département's dashboard: entries opened, votes and questions avoided per month. */
@Component({
  selector: 'app-faq-usage',
  imports: [RouterLink, LineChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="faq-usage-title">
      <h2 id="faq-usage-title">Foire aux questions</h2>
      @if (error(); as message) {
        <div class="alert alert--error" role="alert"><p>{{ message }}</p></div>
      }
      @if (stats(); as s) {
        <dl class="kpis">
          <div class="kpi"><dt>Entrées publiées</dt><dd>{{ s.publishedCount }}</dd></div>
          <div class="kpi"><dt>Entrées consultées (12 mois)</dt><dd>{{ s.totals.opened }}</dd></div>
          <div class="kpi"><dt>Votes (12 mois)</dt><dd>{{ s.totals.votes }}</dd></div>
          <div class="kpi"><dt>Questions évitées (12 mois)</dt><dd>{{ s.totals.avoided }}</dd></div>
        </dl>
        <div class="charts">
          <app-line-chart caption="Entrées consultées, votes et questions évitées, par mois" [categories]="months()" [series]="series()" />
        </div>
        <p class="hint">Une question est « évitée » quand une commune a ouvert une suggestion en écrivant sa question, puis a quitté ou vidé le formulaire sans envoyer de question. <a routerLink="/faq">Voir la FAQ</a></p>
      }
    </section>
  `,
})
export class FaqUsage {
  private readonly api = inject(FaqApi);
  protected readonly stats = signal<FaqStats | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly months = computed(() => (this.stats()?.months ?? []).map((m) => m.label));
  protected readonly series = computed(() => {
    const months = this.stats()?.months ?? [];
    return [
      { key: 'opened', label: 'Entrées consultées', values: months.map((m) => m.opened) },
      { key: 'votes', label: 'Votes', values: months.map((m) => m.votes) },
      { key: 'avoided', label: 'Questions évitées', values: months.map((m) => m.avoided) },
    ];
  });

  constructor() {
    firstValueFrom(this.api.stats()).then(
      (s) => this.stats.set(s),
      (e) => this.error.set(toUserError(e).message),
    );
  }
}
