import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { CATEGORY_LABELS, type AskQuestionRequest, type QuestionCategory } from '@carnet/contracts';
import { Api } from '../../core/api';
import { focusFirstError, type FieldErrors } from '../shared/form-helpers';
import { FormFeedback } from './form-feedback';
import { CommandFormState, ProjectStore } from './project-store';

export function validateQuestion(category: QuestionCategory | '', text: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!category) errors['category'] = 'Choisissez le sujet de votre question.';
  if (!text.trim()) errors['text'] = 'Écrivez votre question.';
  else if (text.trim().length > 4000) errors['text'] = 'La question dépasse 4000 caractères.';
  return errors;
}

@Component({
  selector: 'app-question-form',
  imports: [FormsModule, FormFeedback],
  template: `
    <form #form class="form form--compact" novalidate (ngSubmit)="submit()" aria-labelledby="question-form-title">
      <h3 id="question-form-title">Poser une question</h3>
      <div class="field">
        <label for="question-category">Sujet *</label>
        <select
          id="question-category"
          name="category"
          [(ngModel)]="category"
          [attr.aria-invalid]="state.errors()['category'] ? true : null"
          [attr.aria-describedby]="state.errors()['category'] ? 'question-category-error' : null"
        >
          <option value="">Choisir un sujet</option>
          @for (c of categories; track c[0]) {
            <option [value]="c[0]">{{ c[1] }}</option>
          }
        </select>
        @if (state.errors()['category']; as message) {
          <p id="question-category-error" class="field-error">{{ message }}</p>
        }
      </div>
      <div class="field">
        <label for="question-text">Votre question *</label>
        <textarea
          id="question-text"
          name="text"
          rows="4"
          maxlength="4000"
          [(ngModel)]="text"
          [attr.aria-invalid]="state.errors()['text'] ? true : null"
          [attr.aria-describedby]="state.errors()['text'] ? 'question-text-hint question-text-error' : 'question-text-hint'"
        ></textarea>
        <p id="question-text-hint" class="hint">Le Département et ses partenaires vous répondront sur cette page.</p>
        @if (state.errors()['text']; as message) {
          <p id="question-text-error" class="field-error">{{ message }}</p>
        }
      </div>
      <div class="form-actions">
        <button type="submit" class="button button--primary" [disabled]="state.pending()">
          {{ state.pending() ? 'Envoi…' : 'Envoyer la question' }}
        </button>
      </div>
      <app-form-feedback [state]="state" />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QuestionForm {
  private readonly api = inject(Api);
  private readonly store = inject(ProjectStore);
  private readonly form = viewChild.required<ElementRef<HTMLFormElement>>('form');

  protected readonly categories = Object.entries(CATEGORY_LABELS) as Array<[QuestionCategory, string]>;
  protected readonly state = new CommandFormState();
  protected readonly category = signal<QuestionCategory | ''>('');
  protected readonly text = signal('');

  protected async submit(): Promise<void> {
    const detail = this.store.detail();
    if (!detail || this.state.pending()) return;
    if (!this.state.begin(validateQuestion(this.category(), this.text()))) {
      focusFirstError(this.form().nativeElement);
      return;
    }
    const body: AskQuestionRequest = { category: this.category() as QuestionCategory, text: this.text().trim() };
    const ok = await this.store.run(
      this.state,
      body,
      (ctx) => this.api.askQuestion(detail.id, body, ctx),
      'Votre question a été envoyée au Département.',
    );
    if (ok) {
      this.category.set('');
      this.text.set('');
    } else {
      focusFirstError(this.form().nativeElement);
    }
  }
}
