import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { SimilarGrantsView, SimulationView } from '@carnet/contracts';
import { formatCents, formatDay, formatPercent } from './money';

/** What the simulator tells: per scheme, the binding constraint, the commune's share, the FCTVA, and why. */
@Component({
  selector: 'app-simulation-result',
  styles: `
    .binding { font-size: 1.1rem; }
    .explanation { margin: 0.25rem 0 0; padding-left: 1.2rem; font-weight: normal; font-size: 0.95rem; }
    .explanation li { margin-bottom: 0.2rem; }
    summary { font-weight: normal; }
    .explanation code { white-space: normal; }
  `,
  template: `
    @let r = result();
    <section class="panel" aria-labelledby="simulation-result-title">
      <h2 id="simulation-result-title" tabindex="-1">Estimation pour {{ r.inputs.communeName }} ({{ count(r.inputs.population) }} habitants)</h2>
      <p class="alert alert--info binding"><strong>{{ r.outputs.binding.message }}</strong></p>
      <dl class="facts">
        <div><dt>Aides publiques possibles, au plus</dt><dd>{{ money(r.outputs.publicAidMaxCents) }}</dd></div>
        <div><dt>Part de la commune, au moins (HT)</dt><dd>{{ money(r.outputs.communeShareCents) }}</dd></div>
        <div><dt>Règle d’autofinancement</dt><dd>{{ percent(r.outputs.ownShare.ratePercent) }} des financements publics</dd></div>
        <div><dt>FCTVA attendu (remboursé plus tard, à part)</dt><dd>{{ money(r.outputs.fctvaCents) }} <span class="hint-inline">({{ percent(r.outputs.fctvaRatePercent) }} du TTC)</span></dd></div>
      </dl>
      <div class="table-wrap">
        <table class="table table--stack">
          <caption>Aides par dispositif</caption>
          <thead><tr><th scope="col">Dispositif</th><th scope="col">Éligible</th><th scope="col">Fourchette</th></tr></thead>
          <tbody>
            @for (s of r.outputs.schemes; track s.scheme) {
              <tr>
                <th scope="row" data-label="Dispositif">
                  {{ s.label }}
                  <details>
                    <summary>Comment ce montant est calculé</summary>
                    <ul class="explanation">
                      @for (step of s.explanation; track step.rule) {
                        <li>{{ step.label }} : <strong>{{ step.value }}</strong>@if (step.formula) { — <code>{{ step.formula }}</code>}@if (step.sources.length) { ({{ step.sources.join(' ; ') }})}@if (step.toValidate) { — <em>à valider par le Département</em>}</li>
                      }
                    </ul>
                  </details>
                </th>
                <td data-label="Éligible">{{ s.eligible ? 'Oui' : 'Non' }} — {{ s.reason }}</td>
                <td data-label="Fourchette">
                  @if (!s.eligible) { — } @else if (s.maxCents === 0 && s.toValidate) { Montant à préciser par le Département } @else { {{ range(s.minCents, s.maxCents) }} }
                  @if (s.toValidate) { <span class="table__sub">Taux à valider par le Département</span> }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      <p class="hint">Règles de financement : « {{ r.outputs.ruleSet.title }} », version {{ r.outputs.ruleSet.version }} en vigueur le {{ day(r.outputs.ruleSet.effectiveFrom) }}. <strong>{{ r.outputs.notice }}</strong></p>

      @if (similar(); as sim) {
        <h3 id="similar-title">Projets similaires financés (Fonds vert 2023, {{ sim.departementName }})</h3>
        @if (sim.grants.length === 0) {
          <p>{{ sim.measure }}.</p>
        } @else {
          <p>{{ sim.measure }} : {{ sim.grants.length }} subventions, médiane {{ money(sim.medianCents) }}, de {{ money(sim.minCents) }} à {{ money(sim.maxCents) }}.</p>
          <details>
            <summary>Voir les {{ sim.grants.length }} subventions</summary>
            <div class="table-wrap">
              <table class="table table--stack">
                <caption>Subventions Fonds vert 2023 de cette mesure</caption>
                <thead><tr><th scope="col">Commune</th><th scope="col">Projet</th><th scope="col">Montant</th></tr></thead>
                <tbody>
                  @for (g of sim.grants; track $index) {
                    <tr><td data-label="Commune">{{ g.communeName }}</td><td data-label="Projet">{{ g.projectName }}</td><td data-label="Montant">{{ money(g.amountCents) }}</td></tr>
                  }
                </tbody>
              </table>
            </div>
          </details>
        }
        <p class="hint">{{ sim.source }} ({{ sim.licence }}). Montants engagés seulement : le coût des projets n’est pas publié.</p>
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SimulationResult {
  readonly result = input.required<SimulationView>();
  readonly similar = input<SimilarGrantsView | null>(null);
  protected readonly money = formatCents;
  protected readonly percent = formatPercent;
  protected readonly day = formatDay;
  protected count(n: number): string {
    return new Intl.NumberFormat('fr-FR').format(n).replace(/[\u202f\u00a0]/g, ' ');
  }
  protected range(min: number, max: number): string {
    return min === max ? formatCents(max) : `de ${formatCents(min)} à ${formatCents(max)}`;
  }
}
