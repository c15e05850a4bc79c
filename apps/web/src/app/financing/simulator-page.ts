import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { WORK_CATEGORY_LABELS, type CommuneView, type SimilarGrantsView, type SimulationView, type WorkCategory } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { Api } from '../core/api';
import { newIdempotencyKey } from '../core/idempotency';
import { toUserError } from '../core/problem';
import { canManage, isCommuneRole } from '../core/roles';
import { SessionStore } from '../core/session';
import { Field, FieldControl } from '../shared/field';
import { Outcome } from '../shared/outcome';
import { fieldsToFix, focusFirstError, type FieldErrors } from '../projects/shared/form-helpers';
import { FinancingApi, type SimulationRequest } from './financing-api';
import { SimulationResult } from './simulation-result';
import { parseCents } from './money';

/** `/simulateur` (`?projet=<id>` from a project): estimate the aid of a project, and keep the estimate on it. */
@Component({
  selector: 'app-simulator-page',
  imports: [FormsModule, RouterLink, Field, FieldControl, Outcome, SimulationResult],
  styles: `input[type='date'] { font: inherit; padding: 0.45rem 0.5rem; min-height: 2.75rem; }`,
  template: `
    @if (projectId(); as id) {
      <p class="back"><a [routerLink]="['/projets', id]">← Retour au projet</a></p>
    }
    <h1>Estimer les aides d’un projet</h1>
    <p class="lead">{{ chooseCommune() ? 'Indiquez la commune, les travaux et leur coût' : 'Indiquez les travaux et leur coût' }} : l’estimation dit, dispositif par dispositif, ce que le projet peut obtenir et pourquoi. C’est une estimation non contractuelle.</p>
    @if (projectTitle(); as t) { <p>Projet : <strong>{{ t }}</strong></p> }

    <form #form class="form" novalidate (ngSubmit)="estimate()" aria-labelledby="simulator-form-title">
      <h2 id="simulator-form-title">Le projet</h2>
      @if (chooseCommune()) {
        <app-field label="Commune" required [error]="errors()['codeInsee']">
          <select appFieldControl id="sim-commune" name="codeInsee" [(ngModel)]="codeInsee">
            <option value="">Choisissez une commune</option>
            @for (c of communes(); track c.codeInsee) { <option [value]="c.codeInsee">{{ c.name }} ({{ c.population }} habitants)</option> }
          </select>
        </app-field>
      }
      <app-field label="Catégorie de travaux" required>
        <select appFieldControl id="sim-category" name="category" [(ngModel)]="category">
          @for (c of categories; track c[0]) { <option [value]="c[0]">{{ c[1] }}</option> }
        </select>
      </app-field>
      <div class="form-row">
        <app-field label="Coût HT, en euros" required [error]="errors()['costHtCents']">
          <input appFieldControl id="sim-cost-ht" name="costHt" type="text" inputmode="decimal" autocomplete="off" [(ngModel)]="costHt" />
        </app-field>
        <app-field label="Coût TTC, en euros" required [error]="errors()['costTtcCents']">
          <input appFieldControl id="sim-cost-ttc" name="costTtc" type="text" inputmode="decimal" autocomplete="off" [(ngModel)]="costTtc" />
        </app-field>
      </div>
      <div class="form-row">
        <app-field label="Financement privé (mécénat, dons), en euros" [error]="errors()['privateCents']">
          <input appFieldControl id="sim-private" name="private" type="text" inputmode="decimal" autocomplete="off" [(ngModel)]="privateMoney" />
        </app-field>
        <app-field label="Début prévu des travaux" hint="Les règles en vigueur à cette date sont utilisées.">
          <input appFieldControl id="sim-start" name="plannedStart" type="date" [(ngModel)]="plannedStart" />
        </app-field>
      </div>
      <div class="form-row">
        <app-field label="Aide de l’État déjà obtenue, en euros" [error]="errors()['obtainedStateCents']">
          <input appFieldControl id="sim-obtained-state" name="obtainedState" type="text" inputmode="decimal" autocomplete="off" [(ngModel)]="obtainedState" />
        </app-field>
        <app-field label="Autres aides publiques déjà obtenues, en euros" [error]="errors()['obtainedOtherCents']">
          <input appFieldControl id="sim-obtained-other" name="obtainedOther" type="text" inputmode="decimal" autocomplete="off" [(ngModel)]="obtainedOther" />
        </app-field>
      </div>
      <div class="field field--checkbox">
        <input id="sim-derogation" name="derogation" type="checkbox" [(ngModel)]="derogation" />
        <label for="sim-derogation">Le préfet a accordé la dérogation « rénovation énergétique d’une école » (autofinancement minimal de 10 %)</label>
      </div>
      <div class="field field--checkbox">
        <input id="sim-chef" name="chefDeFile" type="checkbox" [(ngModel)]="chefDeFile" aria-describedby="sim-chef-hint" />
        <label for="sim-chef">Compétence dont la commune est chef de file (autofinancement minimal de 30 %)</label>
        <p id="sim-chef-hint" class="hint">Cochez si le projet relève d’une compétence dont la loi fait de la commune le « chef de file », c’est-à-dire la coordinatrice (article L1111-9 du code général des collectivités territoriales) : elle doit alors payer au moins 30 %. Dans le doute, laissez décoché et posez la question au Département.</p>
      </div>
      <div class="form-actions">
        <button type="submit" class="button button--primary" [disabled]="pending()">{{ pending() ? 'Calcul…' : 'Estimer les aides' }}</button>
      </div>
      <app-outcome [error]="error()" />
    </form>

    @if (result(); as r) {
      <app-simulation-result [result]="r" [similar]="similar()" />
      @if (canSave()) {
        <div class="form-actions">
          <button type="button" class="button button--primary" [disabled]="saving()" (click)="save()">{{ saving() ? 'Enregistrement…' : 'Enregistrer cette estimation sur le projet' }}</button>
        </div>
      }
      <app-outcome [success]="saved()" [error]="saveError()" />
      @if (savedPosition(); as pos) {
        <p><a [routerLink]="['/projets', projectId(), 'financement']" [queryParams]="{ after: pos }">Voir l’estimation dans le financement du projet</a></p>
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SimulatorPage {
  private readonly api = inject(Api);
  private readonly financing = inject(FinancingApi);
  private readonly session = inject(SessionStore);
  private readonly form = viewChild.required<ElementRef<HTMLFormElement>>('form');
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);

  /** `?projet=<id>`: the estimate is about this project and may be kept on it. */
  readonly projet = input<string | undefined>();
  protected readonly projectId = computed(() => this.projet() ?? null);
  protected readonly projectTitle = signal<string | null>(null);
  private readonly projectCommune = signal<string | null>(null);
  private projectVersion = 0;

  protected readonly categories = Object.entries(WORK_CATEGORY_LABELS) as Array<[WorkCategory, string]>;
  protected readonly communes = signal<CommuneView[]>([]);
  protected readonly chooseCommune = computed(() => !this.projectId() && !isCommuneRole(this.session.me()?.role ?? null));
  protected readonly codeInsee = signal('');
  protected readonly category = signal<WorkCategory>('renovation_energetique_ecole');
  protected readonly costHt = signal('');
  protected readonly costTtc = signal('');
  protected readonly privateMoney = signal('');
  protected readonly plannedStart = signal('');
  protected readonly obtainedState = signal('');
  protected readonly obtainedOther = signal('');
  protected readonly derogation = signal(false);
  protected readonly chefDeFile = signal(false);

  protected readonly errors = signal<FieldErrors>({});
  protected readonly error = signal<string | null>(null);
  protected readonly pending = signal(false);
  protected readonly result = signal<SimulationView | null>(null);
  protected readonly similar = signal<SimilarGrantsView | null>(null);
  private lastRequest: SimulationRequest | null = null;

  protected readonly canSave = computed(() => !!this.projectId() && !!this.projectCommune() && canManage(this.session.me(), this.projectCommune()!));
  protected readonly saving = signal(false);
  protected readonly saved = signal<string | null>(null);
  protected readonly saveError = signal<string | null>(null);
  protected readonly savedPosition = signal<number | null>(null);
  private saveKey = newIdempotencyKey();

  constructor() {
    effect(() => {
      const id = this.projectId();
      untracked(() => void this.loadContext(id));
    });
  }

  private async loadContext(projectId: string | null): Promise<void> {
    if (this.chooseCommune()) this.communes.set(await firstValueFrom(this.api.allCommunes()).catch(() => []));
    if (!projectId) return;
    try {
      const [loaded, plan] = await Promise.all([firstValueFrom(this.api.project(projectId)), firstValueFrom(this.financing.plan(projectId))]);
      this.projectTitle.set(loaded.detail.title);
      this.projectCommune.set(loaded.detail.codeInsee);
      this.projectVersion = loaded.version;
      const ht = plan.checks.costHtCents ?? (loaded.detail.estimatedCostHt !== null ? Math.round(loaded.detail.estimatedCostHt * 100) : null);
      if (ht) this.costHt.set(String(ht / 100));
      if (plan.checks.costTtcCents) this.costTtc.set(String(plan.checks.costTtcCents / 100));
      if (plan.checks.ownShareRule === 'derogation_ecole') this.derogation.set(true);
      if (plan.checks.ownShareRule === 'chef_de_file') this.chefDeFile.set(true);
    } catch (error) {
      this.error.set(toUserError(error).message);
    }
  }

  protected async estimate(): Promise<void> {
    if (this.pending()) return;
    const cents = {
      costHtCents: parseCents(this.costHt()),
      costTtcCents: parseCents(this.costTtc()),
      privateCents: parseCents(this.privateMoney()),
      obtainedStateCents: parseCents(this.obtainedState()),
      obtainedOtherCents: parseCents(this.obtainedOther()),
    };
    const errors: FieldErrors = {};
    if (this.chooseCommune() && !this.codeInsee()) errors['codeInsee'] = 'Choisissez la commune.';
    if (!cents.costHtCents) errors['costHtCents'] = 'Indiquez le coût HT en euros, par exemple 300 000.';
    if (!cents.costTtcCents) errors['costTtcCents'] = 'Indiquez le coût TTC en euros, par exemple 360 000.';
    for (const key of ['privateCents', 'obtainedStateCents', 'obtainedOtherCents'] as const) if (cents[key] === undefined) errors[key] = 'Indiquez un montant positif en euros, ou laissez vide.';
    this.errors.set(errors);
    this.error.set(Object.keys(errors).length ? fieldsToFix(errors) : null);
    if (Object.keys(errors).length) return focusFirstError(this.form().nativeElement);
    const body: SimulationRequest = {
      ...(this.chooseCommune() ? { codeInsee: this.codeInsee() } : this.projectCommune() ? { codeInsee: this.projectCommune()! } : {}),
      category: this.category(),
      costHtCents: cents.costHtCents!,
      costTtcCents: cents.costTtcCents!,
      privateCents: cents.privateCents ?? 0,
      obtainedStateCents: cents.obtainedStateCents ?? 0,
      obtainedOtherCents: cents.obtainedOtherCents ?? 0,
      plannedStart: this.plannedStart() || null,
      schoolDerogation: this.derogation(),
      chefDeFile: this.chefDeFile(),
    };
    this.pending.set(true);
    this.saved.set(null);
    this.savedPosition.set(null);
    try {
      const [result, similar] = await Promise.all([firstValueFrom(this.financing.simulate(body)), firstValueFrom(this.financing.similar(body.category)).catch(() => null)]);
      this.result.set(result);
      this.similar.set(similar);
      this.lastRequest = body;
      this.saveKey = newIdempotencyKey();
      // Focus goes to the result's heading, so that keyboard and screen-reader users land on the answer.
      setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('#simulation-result-title')?.focus());
    } catch (error) {
      const e = toUserError(error);
      this.errors.set(e.fieldErrors);
      this.error.set(e.message);
    } finally {
      this.pending.set(false);
    }
  }

  protected async save(): Promise<void> {
    const id = this.projectId();
    if (!id || !this.lastRequest || this.saving()) return;
    this.saving.set(true);
    this.saveError.set(null);
    try {
      const accepted = await firstValueFrom(this.financing.saveSimulation(id, this.lastRequest, { version: this.projectVersion, idempotencyKey: this.saveKey }));
      this.projectVersion = accepted.version;
      this.savedPosition.set(accepted.position);
      this.saved.set('Estimation enregistrée sur le projet, avec la version des règles utilisée.');
    } catch (error) {
      this.saveError.set(toUserError(error).message);
    } finally {
      this.saving.set(false);
    }
  }
}
