import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { THEME_LABELS, type ChangeProjectDetailsRequest, type ProjectTheme } from '@carnet/contracts';
import { Api } from '../../core/api';
import { Field, FieldControl } from '../../shared/field';
import { focusFirstError, parseAmount, type FieldErrors } from '../shared/form-helpers';
import { OnDemand } from '../../shared/on-demand';
import { FormFeedback } from './form-feedback';
import { CommandFormState, ProjectStore } from './project-store';

export function validateDetails(title: string, costText: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!title.trim()) errors['title'] = 'Indiquez le titre du projet.';
  else if (title.trim().length > 160) errors['title'] = 'Le titre dépasse 160 caractères.';
  if (parseAmount(costText) === undefined) errors['estimatedCostHt'] = 'Indiquez un montant positif en euros, par exemple 120000.';
  return errors;
}

/** « Modifier les informations » : title, description, theme and cost (opened on demand, see OnDemand). */
@Component({
  selector: 'app-details-form',
  imports: [FormsModule, FormFeedback, Field, FieldControl],
  template: `
    <form #form class="form form--compact" novalidate (ngSubmit)="submit()" aria-labelledby="details-form-title">
      <h3 id="details-form-title">Modifier les informations</h3>
      <app-field label="Titre" required [error]="state.errors()['title']">
        <input appFieldControl id="details-title" name="title" type="text" maxlength="160" [(ngModel)]="title" />
      </app-field>
      <app-field label="Description" [error]="state.errors()['description']">
        <textarea appFieldControl id="details-description" name="description" rows="5" maxlength="5000" [(ngModel)]="description"></textarea>
      </app-field>
      <app-field label="Thème">
        <select appFieldControl id="details-theme" name="theme" [(ngModel)]="theme">
          @for (t of themes; track t[0]) {
            <option [value]="t[0]">{{ t[1] }}</option>
          }
        </select>
      </app-field>
      <app-field
        label="Coût estimé hors taxes, en euros"
        hint="Laissez vide si le coût n’est pas encore connu."
        [error]="state.errors()['estimatedCostHt']"
      >
        <input appFieldControl id="details-cost" name="estimatedCostHt" type="text" inputmode="decimal" [(ngModel)]="cost" />
      </app-field>
      <div class="form-actions">
        <button type="submit" class="button button--primary" [disabled]="state.pending()">
          {{ state.pending() ? 'Enregistrement…' : 'Enregistrer les modifications' }}
        </button>
        @if (onDemand) {
          <button type="button" class="button button--link" (click)="onDemand.cancel()">Annuler</button>
        }
      </div>
      <app-form-feedback [state]="state" />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DetailsForm {
  private readonly api = inject(Api);
  private readonly store = inject(ProjectStore);
  private readonly form = viewChild.required<ElementRef<HTMLFormElement>>('form');
  /** The « Modifier les informations » button that opened this form: closed after success. */
  protected readonly onDemand = inject(OnDemand, { optional: true });

  protected readonly themes = Object.entries(THEME_LABELS) as Array<[ProjectTheme, string]>;
  protected readonly state = new CommandFormState();
  // Starts from what the project is now (the form is created each time it opens).
  private readonly current = this.store.detail();
  protected readonly title = signal(this.current?.title ?? '');
  protected readonly description = signal(this.current?.description ?? '');
  protected readonly theme = signal<ProjectTheme>(this.current?.theme ?? 'autre');
  protected readonly cost = signal(this.current?.estimatedCostHt == null ? '' : String(this.current.estimatedCostHt));

  protected async submit(): Promise<void> {
    const detail = this.store.detail();
    if (!detail || this.state.pending()) return;
    if (!this.state.begin(validateDetails(this.title(), this.cost()))) {
      focusFirstError(this.form().nativeElement);
      return;
    }
    const body: ChangeProjectDetailsRequest = {
      title: this.title().trim(),
      description: this.description().trim(),
      theme: this.theme(),
      estimatedCostHt: parseAmount(this.cost()) ?? null,
    };
    const ok = await this.store.run(
      this.state,
      body,
      (ctx) => this.api.changeDetails(detail.id, body, ctx),
      'Les informations du projet ont été mises à jour.',
    );
    if (ok && this.onDemand) this.onDemand.succeeded(this.state.success()!);
    else if (!ok) focusFirstError(this.form().nativeElement);
  }
}
