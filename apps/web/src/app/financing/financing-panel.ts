import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { FUNDER_LABELS, FUNDING_STATUS_LABELS, OWN_SHARE_RULE_LABELS, WORK_CATEGORY_LABELS, type SavedSimulationView } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { FrDate } from '../core/format';
import { toUserError } from '../core/problem';
import { FormFeedback } from '../projects/project-page/form-feedback';
import { CommandFormState, ProjectStore } from '../projects/project-page/project-store';
import { FinancingApi } from './financing-api';
import { FinancingStore } from './financing-store';
import { FinancingCostForm, FundingLineAction, FundingLineForm, OwnShareRuleForm } from './funding-forms';
import { formatCents, formatDay, formatPercent, today } from './money';

/**
 * « Financement » of the project page (issue #12): the plan's live checks (own share, 100 % cap,
 * gap, FCTVA apart), the funding lines with their life, the estimates kept, and the forms of
 * whoever may edit. A standalone component: the project page only places it.
 */
@Component({
  selector: 'app-financing-panel',
  imports: [RouterLink, FrDate, FinancingCostForm, FundingLineForm, FundingLineAction, OwnShareRuleForm, FormFeedback],
  providers: [FinancingStore],
  styles: `
    .financing__warning { border-left: 0.4rem solid currentColor; }
    .financing__steps { margin: 0.25rem 0 0; padding-left: 1.2rem; font-weight: normal; }
    summary { font-weight: normal; }
    .financing__rule { margin-top: 0.5rem; }
    .financing__explain { margin: 0.25rem 0 0; font-weight: normal; }
  `,
  template: `
    @if (financing.error(); as message) {
      <p class="alert alert--error" role="alert">{{ message }}</p>
    }
    @if (plan(); as p) {
      @for (w of p.checks.warnings; track w.rule) {
        <div class="alert alert--error financing__warning">
          <p><strong>⚠ {{ warningTitles[w.rule] }}</strong> ({{ money(w.byCents) }} d’écart)</p>
          <p>{{ w.message }}</p>
        </div>
      }
      <dl class="facts" aria-label="Contrôles du plan de financement">
        <div>
          <dt>Coût HT</dt>
          <dd>
            {{ money(p.checks.costHtCents) }}
            @if (presentedCost(); as presented) {
              @if (p.checks.costHtCents === null) {
                <span class="hint-inline">(la présentation du projet l’estime à {{ money(presented) }} : enregistrez le coût ci-dessous pour calculer le plan)</span>
              } @else if (presented !== p.checks.costHtCents) {
                <span class="hint-inline">(la présentation du projet indique {{ money(presented) }} : mettez à jour l’un ou l’autre)</span>
              }
            }
          </dd>
        </div>
        <div><dt>Coût TTC</dt><dd>{{ money(p.checks.costTtcCents) }}</dd></div>
        @if (p.costItems.length > 0) {
          <div><dt>Détail du coût HT</dt><dd>@for (item of p.costItems; track $index) { {{ item.label }} : {{ money(item.amountHtCents) }}@if (!$last) { ; } }</dd></div>
        }
        <div><dt>Aides publiques attendues</dt><dd>{{ money(p.checks.publicAidCents) }}</dd></div>
        <div>
          <dt>Part de la commune (autofinancement)</dt>
          <dd>
            {{ money(p.checks.ownShareCents) }} · {{ percent(p.checks.ownSharePercent) }} <span class="hint-inline">(minimum {{ percent(p.checks.minOwnSharePercent) }} : {{ money(p.checks.minOwnShareCents) }})</span>
            <p class="hint financing__explain">Ce que la commune paie elle-même : la loi en exige au moins 20 % (des dérogations existent).</p>
          </dd>
        </div>
        <div><dt>Reste à financer</dt><dd>{{ money(p.checks.gapCents) }}</dd></div>
        <div>
          <dt>FCTVA attendu (remboursement, à part)</dt>
          <dd>
            {{ money(p.checks.fctvaCents) }} <span class="hint-inline">({{ percent(p.checks.fctvaRatePercent) }} du TTC, versé 0 à 2 ans après)</span>
            <p class="hint financing__explain">Le fonds de compensation de la TVA : l’État rembourse à la commune une partie de la TVA payée sur les travaux. Ce n’est pas une aide du plan : l’argent arrive après la dépense, il faut donc l’avancer.</p>
          </dd>
        </div>
      </dl>
      <p class="financing__rule">Règle d’autofinancement : <strong>{{ ruleLabels[p.checks.ownShareRule] }}</strong>@if (p.ownShareReason) { — {{ p.ownShareReason }}}.
        @if (p.ruleSet; as r) { <span class="hint-inline">Règles de financement : version {{ r.version }} du {{ day(r.effectiveFrom) }}.</span> }
      </p>

      <h3 id="lines-title">Financements</h3>
      @if (p.lines.length === 0) {
        <p>Aucun financement enregistré pour l’instant.</p>
      } @else {
        <div class="table-wrap">
          <table class="table table--stack" aria-labelledby="lines-title">
            <thead>
              <tr><th scope="col">Financement</th><th scope="col">État</th><th scope="col">Demandé</th><th scope="col">Accordé</th><th scope="col">Versé</th></tr>
            </thead>
            <tbody>
              @for (l of p.lines; track l.id) {
                <tr>
                  <th scope="row" data-label="Financement">
                    {{ l.label }} <span class="table__sub">{{ funderLabels[l.funder] }}</span>
                    <details>
                      <summary>Étapes ({{ l.steps.length }})</summary>
                      <ol class="financing__steps">
                        @for (s of l.steps; track $index) { <li>{{ s.summary }} — {{ s.by.name }}, <time [attr.datetime]="s.at">{{ s.at | frDate }}</time></li> }
                      </ol>
                    </details>
                    @if (p.canEdit && (l.status === 'demandee' || l.status === 'accordee')) {
                      <details>
                        <summary>Mettre à jour</summary>
                        <app-funding-line-action [line]="l" />
                      </details>
                    }
                  </th>
                  <td data-label="État"><span class="badge" [class.badge--ok]="l.status === 'accordee' || l.status === 'versee'" [class.badge--late]="l.status === 'refusee'">{{ statusLabels[l.status] }}</span></td>
                  <td data-label="Demandé">{{ money(l.requestedCents) }} {{ l.base }}</td>
                  <td data-label="Accordé">{{ money(l.grantedCents) }}</td>
                  <td data-label="Versé">{{ money(l.paidCents) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }

      <h3 id="estimates-title">Estimations enregistrées</h3>
      <p><a [routerLink]="['/simulateur']" [queryParams]="{ projet: p.projectId }">Estimer les aides de ce projet</a></p>
      @if (p.simulations.length === 0) {
        <p>Aucune estimation enregistrée.</p>
      } @else {
        <ul class="thread" aria-labelledby="estimates-title">
          @for (s of p.simulations; track s.id) {
            <li class="thread__item">
              <p><strong>{{ categoryLabels[s.inputs.category] }}</strong>, {{ money(s.inputs.costHtCents) }} HT — aides au plus {{ money(s.outputs.publicAidMaxCents) }}, part communale {{ money(s.outputs.communeShareCents) }}, FCTVA {{ money(s.outputs.fctvaCents) }}.</p>
              <p>{{ s.outputs.binding.message }}</p>
              <p class="byline">{{ s.by.name }}, <time [attr.datetime]="s.at">{{ s.at | frDate: true }}</time> — règles version {{ s.ruleSetVersion }} du {{ day(s.outputs.ruleSet.effectiveFrom) }}. {{ s.outputs.notice }}</p>
              @if (p.canEdit && !requested(s)) {
                <button type="button" class="button button--small" [disabled]="state.pending()" (click)="request(s)">Demander ces aides (lignes « demandée »)</button>
              }
              <button type="button" class="button button--small button--link" (click)="replay(s)">Rejouer avec les règles de l’époque<span class="visually-hidden"> (estimation du {{ s.at | frDate: true }})</span></button>
              <p role="status" class="hint">{{ replays()[s.id] ?? '' }}</p>
            </li>
          }
        </ul>
        <app-form-feedback [state]="state" />
      }

      @if (p.canEdit) {
        <app-financing-cost-form />
        <app-funding-line-form />
      }
      @if (p.canChooseRule) {
        <app-own-share-rule-form />
      }
    } @else if (!financing.error()) {
      <p>Chargement du plan de financement…</p>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FinancingPanel {
  private readonly project = inject(ProjectStore);
  private readonly api = inject(FinancingApi);
  protected readonly financing = inject(FinancingStore);
  protected readonly plan = this.financing.plan;
  /** The cost estimated in the project's presentation (« Coût estimé hors taxes »), in cents: the plan has its own. */
  protected readonly presentedCost = computed(() => {
    const euros = this.project.detail()?.estimatedCostHt;
    return euros == null ? null : Math.round(euros * 100);
  });
  protected readonly state = new CommandFormState();
  protected readonly funderLabels = FUNDER_LABELS;
  protected readonly statusLabels = FUNDING_STATUS_LABELS;
  protected readonly ruleLabels = OWN_SHARE_RULE_LABELS;
  protected readonly categoryLabels = WORK_CATEGORY_LABELS;
  protected readonly warningTitles: Record<string, string> = {
    autofinancement_minimum: 'Règle d’autofinancement minimal non respectée',
    plafond_100: 'Plafond de 100 % des aides publiques dépassé',
    depassement_cout: 'Financements supérieurs au coût',
  };
  protected readonly money = formatCents;
  protected readonly percent = formatPercent;
  protected readonly day = formatDay;
  private readonly requestedIds = computed(() => new Set((this.plan()?.lines ?? []).map((l) => l.simulationId).filter(Boolean)));
  protected readonly requested = (s: SavedSimulationView) => this.requestedIds().has(s.id);
  private readonly loadedFor = signal<string | null>(null);

  constructor() {
    // Read the plan when the project is shown, and again after each accepted command (read-your-writes).
    effect(() => {
      const id = this.project.id();
      const detail = this.project.detail();
      const position = this.project.lastPosition();
      if (!id || !detail) return;
      untracked(() => {
        this.loadedFor.set(id);
        void this.financing.load(id, position);
      });
    });
  }

  /** Replays of saved estimates, by id: what an auditor checks (a new rules version never changes a past estimate). */
  protected readonly replays = signal<Record<string, string | undefined>>({});

  protected async replay(s: SavedSimulationView): Promise<void> {
    const id = this.project.id();
    if (!id) return;
    let text: string;
    try {
      const r = await firstValueFrom(this.api.replay(id, s.id));
      text = r.identical
        ? `Rejouée avec la version ${r.replayed.ruleSet.version} des règles : résultat identique à ce qui a été dit.`
        : `Rejouée avec la version ${r.replayed.ruleSet.version} des règles : le résultat diffère de ce qui a été dit.`;
    } catch (error) {
      text = toUserError(error).message;
    }
    this.replays.update((all) => ({ ...all, [s.id]: text }));
  }

  protected async request(s: SavedSimulationView): Promise<void> {
    const id = this.project.id();
    if (!id || this.state.pending() || !this.state.begin({})) return;
    const on = today();
    await this.project.run(this.state, { simulation: s.id, on }, (ctx) => this.api.requestFromSimulation(id, s.id, on, ctx), 'Les aides de l’estimation sont enregistrées comme demandées.');
  }
}
