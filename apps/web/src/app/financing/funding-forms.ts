import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, linkedSignal, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { FUNDER_LABELS, OWN_SHARE_RULE_LABELS, SCHEME_LABELS, type Funder, type FundingLineView, type FundingScheme, type OwnShareRule } from '@carnet/contracts';
import { Field, FieldControl } from '../shared/field';
import { FormFeedback } from '../projects/project-page/form-feedback';
import { CommandFormState, ProjectStore } from '../projects/project-page/project-store';
import { focusFirstError, type FieldErrors } from '../projects/shared/form-helpers';
import { FinancingApi } from './financing-api';
import { FinancingStore } from './financing-store';
import { formatCents, parseCents, today } from './money';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Date fields as tall as the other fields (the browser's default is smaller). */
const DATE_FIELD_STYLE = `input[type='date'] { font: inherit; padding: 0.45rem 0.5rem; min-height: 2.75rem; }`;
const amountError = (cents: number | null | undefined, what: string): string | null =>
  cents === null || cents === undefined || cents <= 0 ? `Indiquez ${what} en euros, par exemple 30 000.` : null;

/** Cents → the amount as one types it: « 185 000 », « 1 500,50 » (what `parseCents` reads back). */
const amountText = (cents: number): string => formatCents(cents).replace(/ €$/, '');

/** « Coût du projet » : HT and TTC, in euros as typed, sent in cents. */
@Component({
  selector: 'app-financing-cost-form',
  imports: [FormsModule, Field, FieldControl, FormFeedback],
  template: `
    <form #form class="form form--compact" novalidate (ngSubmit)="submit()" aria-labelledby="cost-form-title">
      <h3 id="cost-form-title">Coût du projet</h3>
      <div class="form-row">
        <app-field label="Coût hors taxes (HT), en euros" required [error]="state.errors()['costHtCents']">
          <input appFieldControl id="cost-ht" name="costHt" type="text" inputmode="decimal" autocomplete="off" [(ngModel)]="ht" />
        </app-field>
        <app-field label="Coût toutes taxes comprises (TTC), en euros" required [error]="state.errors()['costTtcCents']">
          <input appFieldControl id="cost-ttc" name="costTtc" type="text" inputmode="decimal" autocomplete="off" [(ngModel)]="ttc" />
        </app-field>
      </div>
      <fieldset class="field">
        <legend>Détail par poste (facultatif, en euros HT)</legend>
        @for (item of items(); track $index; let i = $index) {
          <div class="funding-row">
            <div class="field">
              <label [for]="'cost-item-label-' + i">Poste {{ i + 1 }}</label>
              <input [id]="'cost-item-label-' + i" [name]="'itemLabel' + i" type="text" maxlength="160" [ngModel]="item.label" (ngModelChange)="setItem(i, { label: $event })" />
            </div>
            <div class="field">
              <label [for]="'cost-item-amount-' + i">Montant HT du poste {{ i + 1 }}</label>
              <input [id]="'cost-item-amount-' + i" [name]="'itemAmount' + i" type="text" inputmode="decimal" [ngModel]="item.amount" (ngModelChange)="setItem(i, { amount: $event })"
                [attr.aria-invalid]="state.errors()['items'] ? true : null" [attr.aria-describedby]="state.errors()['items'] ? 'cost-items-error' : null" />
            </div>
            <button type="button" class="button button--small" (click)="removeItem(i)">Retirer<span class="visually-hidden"> le poste {{ i + 1 }}</span></button>
          </div>
        }
        @if (state.errors()['items']; as message) { <p id="cost-items-error" class="field-error">{{ message }}</p> }
        <button type="button" class="button button--small" (click)="addItem()">Ajouter un poste</button>
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="button button--primary" [disabled]="state.pending()">{{ state.pending() ? 'Enregistrement…' : 'Enregistrer le coût' }}</button>
      </div>
      <app-form-feedback [state]="state" />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FinancingCostForm {
  private readonly api = inject(FinancingApi);
  private readonly project = inject(ProjectStore);
  private readonly form = viewChild.required<ElementRef<HTMLFormElement>>('form');
  protected readonly state = new CommandFormState();
  protected readonly ht = signal('');
  protected readonly ttc = signal('');
  protected readonly items = signal<Array<{ label: string; amount: string }>>([]);

  constructor() {
    // Starts from what is known: the plan's cost, else the one the project's presentation estimates (typed once, not twice).
    const checks = inject(FinancingStore, { optional: true })?.plan()?.checks;
    const presented = this.project.detail()?.estimatedCostHt;
    const htCents = checks?.costHtCents ?? (presented == null ? null : Math.round(presented * 100));
    if (htCents != null) this.ht.set(amountText(htCents));
    if (checks?.costTtcCents != null) this.ttc.set(amountText(checks.costTtcCents));
  }

  protected setItem(index: number, change: Partial<{ label: string; amount: string }>): void {
    this.items.update((list) => list.map((item, i) => (i === index ? { ...item, ...change } : item)));
  }
  protected addItem(): void {
    this.items.update((list) => [...list, { label: '', amount: '' }]);
  }
  protected removeItem(index: number): void {
    this.items.update((list) => list.filter((_, i) => i !== index));
  }

  protected async submit(): Promise<void> {
    const id = this.project.id();
    if (!id || this.state.pending()) return;
    const [costHtCents, costTtcCents] = [parseCents(this.ht()), parseCents(this.ttc())];
    const errors: FieldErrors = {};
    const htError = amountError(costHtCents, 'le coût HT');
    const ttcError = amountError(costTtcCents, 'le coût TTC');
    if (htError) errors['costHtCents'] = htError;
    if (ttcError) errors['costTtcCents'] = ttcError;
    const items = this.items()
      .filter((item) => item.label.trim() || item.amount.trim())
      .map((item) => ({ label: item.label.trim(), amountHtCents: parseCents(item.amount) }));
    if (items.some((item) => !item.label || !item.amountHtCents)) errors['items'] = 'Chaque poste a un libellé et un montant positif.';
    else if (items.length > 0 && costHtCents && items.reduce((sum, item) => sum + item.amountHtCents!, 0) !== costHtCents) {
      errors['items'] = `Les postes font ${formatCents(items.reduce((sum, item) => sum + item.amountHtCents!, 0))} HT : ils doivent faire le coût HT.`;
    }
    if (!this.state.begin(errors)) return focusFirstError(this.form().nativeElement);
    const body = { costHtCents: costHtCents!, costTtcCents: costTtcCents!, ...(items.length ? { items: items.map((i) => ({ label: i.label, amountHtCents: i.amountHtCents! })) } : {}) };
    const ok = await this.project.run(this.state, body, (ctx) => this.api.setCost(id, body, ctx), 'Le coût du projet est enregistré.');
    if (!ok) focusFirstError(this.form().nativeElement);
  }
}

/** « Ajouter un financement » : a line requested from a funder. */
@Component({
  selector: 'app-funding-line-form',
  styles: DATE_FIELD_STYLE,
  imports: [FormsModule, Field, FieldControl, FormFeedback],
  template: `
    <form #form class="form form--compact" novalidate (ngSubmit)="submit()" aria-labelledby="line-form-title">
      <h3 id="line-form-title">Ajouter un financement demandé</h3>
      <div class="form-row">
        <app-field label="Financeur">
          <select appFieldControl id="line-funder" name="funder" [(ngModel)]="funder">
            @for (f of funders; track f[0]) { <option [value]="f[0]">{{ f[1] }}</option> }
          </select>
        </app-field>
        <app-field label="Dispositif">
          <select appFieldControl id="line-scheme" name="scheme" [(ngModel)]="scheme">
            @for (s of schemes; track s[0]) { <option [value]="s[0]">{{ s[1] }}</option> }
          </select>
        </app-field>
      </div>
      <app-field label="Libellé" required hint="Par exemple : DETR 2027, catégorie écoles" [error]="state.errors()['label']">
        <input appFieldControl id="line-label" name="label" type="text" maxlength="160" [(ngModel)]="label" />
      </app-field>
      <div class="form-row">
        <app-field label="Montant demandé, en euros" required [error]="state.errors()['amountCents']">
          <input appFieldControl id="line-amount" name="amount" type="text" inputmode="decimal" autocomplete="off" [(ngModel)]="amount" />
        </app-field>
        <app-field label="Base du montant">
          <select appFieldControl id="line-base" name="base" [(ngModel)]="base">
            <option value="HT">HT</option>
            <option value="TTC">TTC</option>
          </select>
        </app-field>
        <app-field label="Date de la demande" required [error]="state.errors()['requestedOn']">
          <input appFieldControl id="line-date" name="requestedOn" type="date" [(ngModel)]="requestedOn" />
        </app-field>
      </div>
      <div class="form-actions">
        <button type="submit" class="button button--primary" [disabled]="state.pending()">{{ state.pending() ? 'Enregistrement…' : 'Ajouter ce financement' }}</button>
      </div>
      <app-form-feedback [state]="state" />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FundingLineForm {
  private readonly api = inject(FinancingApi);
  private readonly project = inject(ProjectStore);
  private readonly form = viewChild.required<ElementRef<HTMLFormElement>>('form');
  protected readonly funders = Object.entries(FUNDER_LABELS) as Array<[Funder, string]>;
  protected readonly schemes = Object.entries(SCHEME_LABELS) as Array<[FundingScheme, string]>;
  protected readonly state = new CommandFormState();
  protected readonly funder = signal<Funder>('etat');
  protected readonly scheme = signal<FundingScheme>('detr');
  protected readonly label = signal('');
  protected readonly amount = signal('');
  protected readonly base = signal<'HT' | 'TTC'>('HT');
  protected readonly requestedOn = signal(today());

  protected async submit(): Promise<void> {
    const id = this.project.id();
    if (!id || this.state.pending()) return;
    const amountCents = parseCents(this.amount());
    const errors: FieldErrors = {};
    if (!this.label().trim()) errors['label'] = 'Donnez un libellé à ce financement.';
    const aError = amountError(amountCents, 'le montant demandé');
    if (aError) errors['amountCents'] = aError;
    if (!DATE.test(this.requestedOn())) errors['requestedOn'] = 'Indiquez la date de la demande.';
    if (!this.state.begin(errors)) return focusFirstError(this.form().nativeElement);
    const body = { funder: this.funder(), scheme: this.scheme(), label: this.label().trim(), amountCents: amountCents!, base: this.base(), requestedOn: this.requestedOn() };
    const ok = await this.project.run(this.state, body, (ctx) => this.api.requestLine(id, body, ctx), `Financement « ${body.label} » ajouté : ${formatCents(body.amountCents)} demandés.`);
    if (ok) {
      this.label.set('');
      this.amount.set('');
    } else focusFirstError(this.form().nativeElement);
  }
}

type LineAction = 'grant' | 'payments' | 'refusal' | 'revision';
const ACTION_LABELS: Record<LineAction, string> = { grant: 'Accordé', payments: 'Versement reçu', refusal: 'Refusé', revision: 'Montant révisé' };

/** « Mettre à jour » one funding line: granted, payment received, refused, or revised. */
@Component({
  selector: 'app-funding-line-action',
  styles: DATE_FIELD_STYLE,
  imports: [FormsModule, Field, FieldControl, FormFeedback],
  template: `
    <form #form class="form form--nested" novalidate (ngSubmit)="submit()" [attr.aria-label]="'Mettre à jour « ' + line().label + ' »'">
      <app-field label="Ce qui s’est passé">
        <select appFieldControl [id]="'action-' + line().id" name="action" [(ngModel)]="action">
          @for (a of actions(); track a) { <option [value]="a">{{ actionLabels[a] }}</option> }
        </select>
      </app-field>
      @if (action() !== 'refusal') {
        <app-field [label]="action() === 'payments' ? 'Montant versé, en euros' : action() === 'grant' ? 'Montant accordé, en euros' : 'Nouveau montant, en euros'" required [error]="state.errors()['amountCents']">
          <input appFieldControl [id]="'amount-' + line().id" name="amount" type="text" inputmode="decimal" autocomplete="off" [(ngModel)]="amount" />
        </app-field>
      }
      @if (action() === 'payments') {
        <app-field label="Nature du versement">
          <select appFieldControl [id]="'kind-' + line().id" name="kind" [(ngModel)]="kind">
            <option value="acompte">Acompte</option>
            <option value="solde">Solde</option>
          </select>
        </app-field>
      }
      @if (action() === 'grant') {
        <app-field label="Référence de la décision (arrêté, convention)" required [error]="state.errors()['decisionReference']">
          <input appFieldControl [id]="'reference-' + line().id" name="reference" type="text" maxlength="160" [(ngModel)]="reference" />
        </app-field>
      }
      @if (action() === 'refusal' || action() === 'revision') {
        <app-field label="Motif" required [error]="state.errors()['reason']">
          <input appFieldControl [id]="'reason-' + line().id" name="reason" type="text" maxlength="1000" [(ngModel)]="reason" />
        </app-field>
      }
      @if (action() !== 'revision') {
        <app-field label="Date" required [error]="state.errors()['date']">
          <input appFieldControl [id]="'date-' + line().id" name="date" type="date" [(ngModel)]="date" />
        </app-field>
      }
      <div class="form-actions">
        <button type="submit" class="button" [disabled]="state.pending()">{{ state.pending() ? 'Enregistrement…' : 'Enregistrer' }}</button>
      </div>
      <app-form-feedback [state]="state" />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FundingLineAction {
  private readonly api = inject(FinancingApi);
  private readonly project = inject(ProjectStore);
  private readonly form = viewChild.required<ElementRef<HTMLFormElement>>('form');
  readonly line = input.required<FundingLineView>();
  protected readonly actionLabels = ACTION_LABELS;
  protected readonly actions = computed(() => (this.line().status === 'demandee' ? (['grant', 'refusal', 'revision'] as LineAction[]) : (['payments', 'revision'] as LineAction[])));
  protected readonly state = new CommandFormState();
  protected readonly action = linkedSignal<LineAction>(() => this.actions()[0]);
  protected readonly amount = signal('');
  protected readonly kind = signal<'acompte' | 'solde'>('acompte');
  protected readonly reference = signal('');
  protected readonly reason = signal('');
  protected readonly date = signal(today());

  protected async submit(): Promise<void> {
    const id = this.project.id();
    if (!id || this.state.pending()) return;
    const action = this.action();
    const amountCents = parseCents(this.amount());
    const errors: FieldErrors = {};
    if (action !== 'refusal') {
      const e = amountError(amountCents, 'le montant');
      if (e) errors['amountCents'] = e;
    }
    if (action === 'grant' && !this.reference().trim()) errors['decisionReference'] = 'Indiquez la référence de la décision.';
    if ((action === 'refusal' || action === 'revision') && !this.reason().trim()) errors['reason'] = 'Indiquez le motif.';
    if (action !== 'revision' && !DATE.test(this.date())) errors['date'] = 'Indiquez la date.';
    if (!this.state.begin(errors)) return focusFirstError(this.form().nativeElement);
    const body =
      action === 'grant' ? { amountCents, grantedOn: this.date(), decisionReference: this.reference().trim() }
      : action === 'payments' ? { kind: this.kind(), amountCents, paidOn: this.date() }
      : action === 'refusal' ? { refusedOn: this.date(), reason: this.reason().trim() }
      : { amountCents, reason: this.reason().trim() };
    const ok = await this.project.run(this.state, { action, body }, (ctx) => this.api.lineAction(id, this.line().id, action, body, ctx), `« ${this.line().label} » : ${ACTION_LABELS[action].toLowerCase()}, c’est enregistré.`);
    if (!ok) focusFirstError(this.form().nativeElement);
  }
}

/** The Département sets the project's own-share rule (prefect's derogation, chef de file), with its reason. */
@Component({
  selector: 'app-own-share-rule-form',
  imports: [FormsModule, Field, FieldControl, FormFeedback],
  template: `
    <form #form class="form form--compact" novalidate (ngSubmit)="submit()" aria-labelledby="rule-form-title">
      <h3 id="rule-form-title">Règle d’autofinancement du projet (Département)</h3>
      <app-field label="Règle">
        <select appFieldControl id="rule-choice" name="rule" [(ngModel)]="rule">
          @for (r of rules; track r[0]) { <option [value]="r[0]">{{ r[1] }}</option> }
        </select>
      </app-field>
      <app-field label="Motif" required hint="Par exemple : arrêté du préfet du 12 janvier 2027" [error]="state.errors()['reason']">
        <input appFieldControl id="rule-reason" name="reason" type="text" maxlength="1000" [(ngModel)]="reason" />
      </app-field>
      <div class="form-actions">
        <button type="submit" class="button" [disabled]="state.pending()">{{ state.pending() ? 'Enregistrement…' : 'Appliquer cette règle' }}</button>
      </div>
      <app-form-feedback [state]="state" />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OwnShareRuleForm {
  private readonly api = inject(FinancingApi);
  private readonly project = inject(ProjectStore);
  private readonly financing = inject(FinancingStore);
  private readonly form = viewChild.required<ElementRef<HTMLFormElement>>('form');
  protected readonly rules = Object.entries(OWN_SHARE_RULE_LABELS) as Array<[OwnShareRule, string]>;
  protected readonly state = new CommandFormState();
  protected readonly rule = signal<OwnShareRule>(this.financing.plan()?.checks.ownShareRule === 'standard' ? 'derogation_ecole' : 'standard');
  protected readonly reason = signal('');

  protected async submit(): Promise<void> {
    const id = this.project.id();
    if (!id || this.state.pending()) return;
    if (!this.state.begin(this.reason().trim() ? {} : { reason: 'Indiquez le motif (arrêté du préfet, compétence).' })) return focusFirstError(this.form().nativeElement);
    const body = { rule: this.rule(), reason: this.reason().trim() };
    const ok = await this.project.run(this.state, body, (ctx) => this.api.chooseRule(id, body, ctx), 'La règle d’autofinancement du projet est enregistrée.');
    if (ok) this.reason.set('');
    else focusFirstError(this.form().nativeElement);
  }
}
