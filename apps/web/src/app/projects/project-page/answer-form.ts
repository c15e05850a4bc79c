import { ChangeDetectionStrategy, Component, ElementRef, OnInit, computed, inject, input, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { AnswerQuestionRequest } from '@carnet/contracts';
import { Api } from '../../core/api';
import { Field, FieldControl } from '../../shared/field';
import { focusFirstError, type FieldErrors } from '../shared/form-helpers';
import { FormFeedback } from './form-feedback';
import { CommandFormState, ProjectStore } from './project-store';

/** « Répondre » under one question. */
@Component({
  selector: 'app-answer-form',
  imports: [FormsModule, FormFeedback, Field, FieldControl],
  template: `
    <form #form class="form form--compact form--nested" novalidate (ngSubmit)="submit()">
      <app-field label="Répondre à cette question" [error]="state.errors()['text']">
        <textarea appFieldControl [id]="fieldId()" name="text" rows="3" maxlength="4000" [(ngModel)]="text"></textarea>
      </app-field>
      <app-field label="Recommander un contact de l’annuaire (facultatif)" [error]="state.errors()['contactId']">
        <select appFieldControl [id]="fieldId() + '-contact'" name="contactId" [(ngModel)]="contactId">
          <option value="">Aucun contact</option>
          @for (c of store.contacts() ?? []; track c.id) {
            <option [value]="c.id">{{ c.name }} — {{ c.jobTitle }} ({{ c.organisation }})</option>
          }
        </select>
      </app-field>
      <div class="form-actions">
        <button type="submit" class="button" [disabled]="state.pending()">
          {{ state.pending() ? 'Envoi…' : 'Répondre' }}
        </button>
      </div>
      <app-form-feedback [state]="state" />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AnswerForm implements OnInit {
  private readonly api = inject(Api);
  protected readonly store = inject(ProjectStore);
  private readonly form = viewChild.required<ElementRef<HTMLFormElement>>('form');

  readonly questionId = input.required<string>();
  protected readonly fieldId = computed(() => `answer-${this.questionId()}`);
  protected readonly state = new CommandFormState();
  protected readonly text = signal('');
  protected readonly contactId = signal('');

  ngOnInit(): void {
    this.store.loadContacts();
  }

  protected async submit(): Promise<void> {
    const detail = this.store.detail();
    if (!detail || this.state.pending()) return;
    const text = this.text().trim();
    const errors: FieldErrors = text ? {} : { text: 'Écrivez votre réponse.' };
    if (!this.state.begin(errors)) {
      focusFirstError(this.form().nativeElement);
      return;
    }
    const body: AnswerQuestionRequest = { text, contactId: this.contactId() || null };
    const questionId = this.questionId();
    const ok = await this.store.run(
      this.state,
      body,
      (ctx) => this.api.answerQuestion(detail.id, questionId, body, ctx),
      'Votre réponse a été publiée.',
    );
    if (ok) {
      this.text.set('');
      this.contactId.set('');
    }
    else focusFirstError(this.form().nativeElement);
  }
}
