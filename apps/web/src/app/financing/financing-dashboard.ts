import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { FUNDER_LABELS, type FinancingDashboardView } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { toUserError } from '../core/problem';
import { formatCents, formatPercent } from './money';

/** « Financements » of the Département's dashboard (issue #12): per funder and year, and the plans below the minimum own share. */
@Component({
  selector: 'app-financing-dashboard',
  imports: [RouterLink],
  template: `
    <h2 id="financing-dashboard-title">Financements</h2>
    @if (error(); as message) {
      <p class="alert alert--error" role="alert">{{ message }}</p>
    }
    @if (data(); as d) {
      @if (d.byFunderAndYear.length === 0) {
        <p>Aucun financement enregistré dans les plans des projets.</p>
      } @else {
        <div class="table-wrap">
          <table class="table table--stack">
            <caption>Financements demandés, accordés et versés, par financeur et par année</caption>
            <thead><tr><th scope="col">Année</th><th scope="col">Financeur</th><th scope="col">Demandés</th><th scope="col">Accordés</th><th scope="col">Versés</th></tr></thead>
            <tbody>
              @for (r of d.byFunderAndYear; track r.year + r.funder) {
                <tr>
                  <th scope="row" data-label="Année">{{ r.year }}</th>
                  <td data-label="Financeur">{{ funders[r.funder] }}</td>
                  <td data-label="Demandés">{{ money(r.requestedCents) }}</td>
                  <td data-label="Accordés">{{ money(r.grantedCents) }}</td>
                  <td data-label="Versés">{{ money(r.paidCents) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
      <h3 id="breaking-title">Plans sous l’autofinancement minimal</h3>
      @if (d.breakingOwnShare.length === 0) {
        <p>Aucun plan de financement ne passe sous l’autofinancement minimal.</p>
      } @else {
        <ul aria-labelledby="breaking-title">
          @for (p of d.breakingOwnShare; track p.projectId) {
            <li>
              <a [routerLink]="['/projets', p.projectId]">{{ p.title }}</a> ({{ p.communeName }}) : autofinancement {{ percent(p.ownSharePercent) }} pour un minimum de {{ percent(p.minOwnSharePercent) }} — il manque {{ money(p.missingCents) }}.
            </li>
          }
        </ul>
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FinancingDashboard {
  private readonly http = inject(HttpClient);
  protected readonly data = signal<FinancingDashboardView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly funders = FUNDER_LABELS;
  protected readonly money = formatCents;
  protected readonly percent = formatPercent;

  constructor() {
    firstValueFrom(this.http.get<FinancingDashboardView>('/api/dashboards/departement/financing')).then(
      (d) => this.data.set(d),
      (e) => this.error.set(`Les financements n’ont pas pu être chargés. ${toUserError(e).message}`),
    );
  }
}
