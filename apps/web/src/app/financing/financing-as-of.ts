import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { FUNDER_LABELS, FUNDING_STATUS_LABELS, OWN_SHARE_RULE_LABELS, WORK_CATEGORY_LABELS, type FinancingAsOfView } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { FrDate, endOfDay, formatDay } from '../core/format';
import { toUserError } from '../core/problem';
import { formatCents, today } from './money';

/** The audit's « Le financement à une date » (issue #12): the plan and the saved estimates, replayed from the log. */
@Component({
  selector: 'app-financing-as-of',
  imports: [FormsModule, FrDate],
  styles: `input[type='date'] { font: inherit; padding: 0.45rem 0.5rem; min-height: 2.75rem; }`,
  template: `
    <section aria-labelledby="financing-as-of-title">
      <h2 id="financing-as-of-title">Le financement à une date</h2>
      <form class="filters" (ngSubmit)="show()" aria-labelledby="financing-as-of-title">
        <div class="field">
          <label for="financing-at">Voir le plan de financement et les estimations à la fin du …</label>
          <input id="financing-at" name="at" type="date" required [(ngModel)]="day" />
        </div>
        <div class="filters__actions"><button type="submit" class="button button--primary">Voir le financement à cette date</button></div>
      </form>
      <div role="alert">@if (error(); as message) { <p class="alert alert--error">{{ message }}</p> }</div>
      <div aria-live="polite">
        @if (view(); as v) {
          <h3 id="financing-as-of-result">À la fin du {{ shownDay() }} : {{ v.eventsApplied }} événement{{ v.eventsApplied > 1 ? 's' : '' }} rejoué{{ v.eventsApplied > 1 ? 's' : '' }}</h3>
          <p>Coût : {{ money(v.costHtCents) }} HT, {{ money(v.costTtcCents) }} TTC — règle : {{ ruleLabels[v.ownShareRule] }}.</p>
          @if (v.lines.length === 0) {
            <p>Aucun financement à cette date.</p>
          } @else {
            <ul aria-labelledby="financing-as-of-result">
              @for (l of v.lines; track l.id) {
                <li>
                  <strong>{{ l.label }}</strong> ({{ funderLabels[l.funder] }}) — {{ statusLabels[l.status] }}
                  <ol>@for (s of l.steps; track $index) { <li>{{ s.summary }} — {{ s.by.name }}, {{ s.at | frDate: true }}</li> }</ol>
                </li>
              }
            </ul>
          }
          <h4>Estimations enregistrées à cette date ({{ v.simulations.length }})</h4>
          <ul>
            @for (s of v.simulations; track s.id) {
              <li>{{ s.at | frDate: true }}, {{ s.by.name }} : {{ categoryLabels[s.inputs.category] }}, {{ money(s.inputs.costHtCents) }} HT — {{ s.outputs.binding.message }} Part communale {{ money(s.outputs.communeShareCents) }}, FCTVA {{ money(s.outputs.fctvaCents) }} (règles version {{ s.ruleSetVersion }}).</li>
            }
          </ul>
        }
      </div>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FinancingAsOf {
  private readonly http = inject(HttpClient);
  readonly projectId = input.required<string>();
  protected readonly day = signal(today());
  protected readonly view = signal<FinancingAsOfView | null>(null);
  /** The day asked, as the person typed it (the answer's instant is the end of that day in their time zone). */
  protected readonly shownDay = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly funderLabels = FUNDER_LABELS;
  protected readonly statusLabels = FUNDING_STATUS_LABELS;
  protected readonly ruleLabels = OWN_SHARE_RULE_LABELS;
  protected readonly categoryLabels = WORK_CATEGORY_LABELS;
  protected readonly money = formatCents;

  protected async show(): Promise<void> {
    this.error.set(null);
    try {
      const day = this.day();
      this.view.set(await firstValueFrom(this.http.get<FinancingAsOfView>(`/api/audit/projects/${encodeURIComponent(this.projectId())}/financing`, { params: { at: endOfDay(day) } })));
      this.shownDay.set(formatDay(day));
    } catch (error) {
      this.view.set(null);
      this.error.set(toUserError(error).message);
    }
  }
}
