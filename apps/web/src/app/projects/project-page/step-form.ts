import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, signal, untracked, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { STEP_LABELS, STEP_ORDER, type ChangeStepRequest, type ProjectStep } from '@carnet/contracts';
import { Api } from '../../core/api';
import { Field, FieldControl } from '../../shared/field';
import { focusFirstError, type FieldErrors } from '../shared/form-helpers';
import { OnDemand } from '../../shared/on-demand';
import { FormFeedback } from './form-feedback';
import { CommandFormState, ProjectStore } from './project-store';

export interface StepDraft {
  step: ProjectStep;
  progress: number | string | null;
  comment: string;
}

export const isGoingBack = (from: ProjectStep, to: ProjectStep): boolean => STEP_ORDER.indexOf(to) < STEP_ORDER.indexOf(from);

/** The rules a person can check before sending (the API checks them again). */
export function validateStepChange(current: { step: ProjectStep; progress: number }, draft: StepDraft): FieldErrors {
  const errors: FieldErrors = {};
  const progress = typeof draft.progress === 'string' ? Number(draft.progress.trim() || NaN) : (draft.progress ?? NaN);
  if (!Number.isInteger(progress) || progress < 0 || progress > 100) {
    errors['progress'] = 'Indiquez l’avancement en nombre entier entre 0 et 100.';
  } else if (draft.step === 'termine' && progress !== 100) {
    errors['progress'] = 'Un projet terminé est avancé à 100 %.';
  } else if (draft.step === current.step && progress === current.progress) {
    errors['progress'] = 'Le projet est déjà à cette étape avec cet avancement : changez l’étape ou l’avancement.';
  }
  if (isGoingBack(current.step, draft.step) && !draft.comment.trim()) {
    errors['comment'] = 'Indiquez pourquoi le projet revient à une étape précédente.';
  }
  return errors;
}

@Component({
  selector: 'app-step-form',
  imports: [FormsModule, FormFeedback, Field, FieldControl],
  template: `
    <form #form class="form form--compact" novalidate (ngSubmit)="submit()" aria-labelledby="step-form-title">
      <h3 id="step-form-title">Changer l’étape</h3>
      <div class="form-row">
        <app-field label="Nouvelle étape">
          <select appFieldControl id="step-select" name="step" [ngModel]="step()" (ngModelChange)="onStepChange($event)">
            @for (s of steps; track s) {
              <option [value]="s">{{ labels[s] }}{{ s === currentStep() ? ' (actuelle)' : '' }}</option>
            }
          </select>
        </app-field>
        <app-field label="Avancement, en %" [error]="state.errors()['progress']">
          <input
            appFieldControl
            id="step-progress"
            name="progress"
            type="number"
            min="0"
            max="100"
            step="5"
            inputmode="numeric"
            [(ngModel)]="progress"
          />
        </app-field>
      </div>
      <app-field
        [label]="goingBack() ? 'Commentaire' : 'Commentaire (facultatif)'"
        [required]="goingBack()"
        [hint]="
          goingBack()
            ? 'Obligatoire : vous revenez à une étape précédente, expliquez pourquoi.'
            : 'Obligatoire seulement pour revenir à une étape précédente.'
        "
        [error]="state.errors()['comment']"
      >
        <textarea appFieldControl id="step-comment" name="comment" rows="3" maxlength="4000" [(ngModel)]="comment" [required]="goingBack()"></textarea>
      </app-field>
      <div class="form-actions">
        <button type="submit" class="button button--primary" [disabled]="state.pending()">
          {{ state.pending() ? 'Enregistrement…' : 'Enregistrer l’étape' }}
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
export class StepForm {
  private readonly api = inject(Api);
  private readonly store = inject(ProjectStore);
  private readonly form = viewChild.required<ElementRef<HTMLFormElement>>('form');
  /** The « Changer l’étape » button that opened this form, if any: closed after success. */
  protected readonly onDemand = inject(OnDemand, { optional: true });

  protected readonly steps = STEP_ORDER;
  protected readonly labels = STEP_LABELS;
  protected readonly state = new CommandFormState();

  protected readonly currentStep = computed(() => this.store.detail()?.step ?? 'idee');
  protected readonly step = signal<ProjectStep>('idee');
  protected readonly progress = signal<number | string | null>(0);
  protected readonly comment = signal('');
  protected readonly goingBack = computed(() => isGoingBack(this.currentStep(), this.step()));

  constructor() {
    // Start from what the project is now, and again after every reload.
    effect(() => {
      const detail = this.store.detail();
      if (!detail) return;
      untracked(() => {
        this.step.set(detail.step);
        this.progress.set(detail.progress);
        this.comment.set('');
      });
    });
  }

  protected onStepChange(step: ProjectStep): void {
    this.step.set(step);
    // Errors were about the previous choice.
    this.state.begin({});
    if (step === 'termine') this.progress.set(100);
  }

  protected async submit(): Promise<void> {
    const detail = this.store.detail();
    if (!detail || this.state.pending()) return;
    const draft: StepDraft = { step: this.step(), progress: this.progress(), comment: this.comment() };
    if (!this.state.begin(validateStepChange(detail, draft))) {
      focusFirstError(this.form().nativeElement);
      return;
    }
    const body: ChangeStepRequest = { step: draft.step, progress: Number(draft.progress) };
    if (draft.comment.trim()) body.comment = draft.comment.trim();
    const ok = await this.store.run(
      this.state,
      body,
      (ctx) => this.api.changeStep(detail.id, body, ctx),
      `Étape enregistrée : ${STEP_LABELS[body.step]}, ${body.progress} %.`,
    );
    if (ok && this.onDemand) this.onDemand.succeeded(this.state.success()!);
    else if (!ok) focusFirstError(this.form().nativeElement);
  }
}
