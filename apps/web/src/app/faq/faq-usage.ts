import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { FaqStats } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { toUserError } from '../core/problem';
import { FaqApi } from './faq-api';

/** The FAQ's figures on the Département's dashboard: entries opened, votes and questions avoided per month. */
@Component({
  selector: 'app-faq-usage',
  imports: [RouterLink],
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
        <div class="table-wrap">
          <table class="table">
            <caption>Par mois : entrées consultées, votes et questions évitées</caption>
            <thead>
              <tr><th scope="col">Mois</th><th scope="col">Entrées consultées</th><th scope="col">Votes</th><th scope="col">Questions évitées</th></tr>
            </thead>
            <tbody>
              @for (m of s.months; track m.month) {
                <tr><th scope="row">{{ m.label }}</th><td>{{ m.opened }}</td><td>{{ m.votes }}</td><td>{{ m.avoided }}</td></tr>
              }
            </tbody>
          </table>
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

  constructor() {
    firstValueFrom(this.api.stats()).then(
      (s) => this.stats.set(s),
      (e) => this.error.set(toUserError(e).message),
    );
  }
}
