import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { CATEGORY_LABELS, type AskQuestionRequest, type QuestionCategory } from '@carnet/contracts';
import { tap } from 'rxjs';
import { Api } from '../../core/api';
import { Field, FieldControl } from '../../shared/field';
import { FaqSuggestions } from '../../faq/faq-suggestions';
import { focusFirstError, type FieldErrors } from '../shared/form-helpers';
import { DOCUMENT } from '@angular/common';
import { OnDemand } from '../../shared/on-demand';
import { FormFeedback } from './form-feedback';
import { CommandFormState, ProjectStore } from './project-store';

export function validateQuestion(category: QuestionCategory | '', text: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!category) errors['category'] = 'Choisissez le sujet de votre question.';
  if (!text.trim()) errors['text'] = 'Écrivez votre question.';
  else if (text.trim().length > 4000) errors['text'] = 'La question dépasse 4000 caractères.';
  return errors;
}

/** The server's limit (DOCUMENT_MAX_MB, 20 by default): checked here too so that nobody waits for a refusal. */
const MAX_BYTES = 20 * 1024 * 1024;

@Component({
  selector: 'app-question-form',
  imports: [FormsModule, FormFeedback, Field, FieldControl, FaqSuggestions],
  template: `
    <form #form class="form form--compact" novalidate (ngSubmit)="submit()" aria-labelledby="question-form-title">
      <h3 id="question-form-title">Poser une question</h3>
      <app-field label="Sujet" required [error]="state.errors()['category']">
        <select appFieldControl id="question-category" name="category" [(ngModel)]="category">
          <option value="">Choisir un sujet</option>
          @for (c of categories; track c[0]) {
            <option [value]="c[0]">{{ c[1] }}</option>
          }
        </select>
      </app-field>
      <app-field
        label="Votre question"
        required
        hint="Le Département et ses partenaires vous répondront sur cette page."
        [error]="state.errors()['text']"
      >
        <textarea appFieldControl id="question-text" name="text" rows="4" maxlength="4000" [(ngModel)]="text"></textarea>
      </app-field>
      <app-faq-suggestions [projectId]="store.detail()?.id ?? ''" [text]="text()" />
      <app-field
        label="Joindre un fichier (facultatif)"
        hint="Un devis, un plan, une photo… (PDF, image ou document bureautique, 20 Mo au plus). Il rejoint les documents du projet, non public."
        [error]="state.errors()['file']"
      >
        <input
          #file
          appFieldControl
          id="question-file"
          name="file"
          type="file"
          accept=".pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.pptx,.odt,.ods,.odp"
          (change)="chooseFile(file.files)"
        />
      </app-field>
      @if (documents().length > 0) {
        <fieldset class="field">
          <legend>Ou joindre des documents déjà dans le projet</legend>
          @for (d of documents(); track d.id) {
            <div class="field--checkbox">
              <input type="checkbox" [id]="'question-doc-' + d.id" [name]="'doc' + d.id" [checked]="attached().includes(d.id)" (change)="toggle(d.id)" />
              <label [for]="'question-doc-' + d.id">{{ d.title }}</label>
            </div>
          }
        </fieldset>
      }
      <div class="form-actions">
        <button type="submit" class="button button--primary" [disabled]="state.pending()">
          {{ state.pending() ? 'Envoi…' : 'Envoyer la question' }}
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
export class QuestionForm {
  private readonly api = inject(Api);
  protected readonly store = inject(ProjectStore);
  private readonly form = viewChild.required<ElementRef<HTMLFormElement>>('form');
  /** The « Poser une question » button that opened this form, if any: closed after success, focus on the new question. */
  protected readonly onDemand = inject(OnDemand, { optional: true });
  private readonly document = inject(DOCUMENT);

  protected readonly categories = Object.entries(CATEGORY_LABELS) as Array<[QuestionCategory, string]>;
  protected readonly state = new CommandFormState();
  protected readonly category = signal<QuestionCategory | ''>('');
  protected readonly text = signal('');
  protected readonly file = signal<File | null>(null);
  protected readonly attached = signal<string[]>([]);
  protected readonly documents = computed(() => this.store.detail()?.documents ?? []);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('file');

  protected chooseFile(files: FileList | null): void {
    this.file.set(files?.item(0) ?? null);
  }

  protected toggle(id: string): void {
    this.attached.update((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  }

  protected async submit(): Promise<void> {
    const detail = this.store.detail();
    if (!detail || this.state.pending()) return;
    const errors = validateQuestion(this.category(), this.text());
    const file = this.file();
    if (file && file.size > MAX_BYTES) errors['file'] = 'Ce fichier dépasse la taille maximale de 20 Mo.';
    if (!this.state.begin(errors)) {
      focusFirstError(this.form().nativeElement);
      return;
    }
    const documentIds = [...this.attached()];
    if (file) {
      // The file first becomes a (private) document of the project, then the question points to it.
      const form = new FormData();
      form.append('title', file.name);
      form.append('public', 'false');
      form.append('file', file, file.name);
      let added: string | null = null;
      const uploaded = await this.store.run(
        this.state,
        { file: file.name, size: file.size },
        (ctx) => this.api.addDocument(detail.id, form, ctx).pipe(tap((accepted) => (added = accepted.documentId))),
        'Fichier ajouté aux documents du projet.',
      );
      if (!uploaded || !added) {
        focusFirstError(this.form().nativeElement);
        return;
      }
      documentIds.push(added);
    }
    const body: AskQuestionRequest = { category: this.category() as QuestionCategory, text: this.text().trim(), ...(documentIds.length ? { documentIds } : {}) };
    const before = new Set(this.store.detail()?.questions.map((q) => q.id));
    const ok = await this.store.run(
      this.state,
      body,
      (ctx) => this.api.askQuestion(detail.id, body, ctx),
      'Votre question a été envoyée au Département.',
    );
    if (ok && this.onDemand) {
      // Focus goes to the question just asked, the message announces it.
      const asked = this.store.detail()?.questions.find((q) => !before.has(q.id));
      this.onDemand.succeeded(this.state.success()!, () => (asked ? this.document.getElementById(`question-${asked.id}`) : null));
    } else if (ok) {
      this.category.set('');
      this.text.set('');
      this.file.set(null);
      this.attached.set([]);
      const input = this.fileInput()?.nativeElement;
      if (input) input.value = '';
    } else {
      focusFirstError(this.form().nativeElement);
    }
  }
}
