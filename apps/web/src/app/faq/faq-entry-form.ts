import { ChangeDetectionStrategy, Component, ElementRef, effect, input, output, signal, untracked, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { CATEGORY_LABELS, FAQ_AUDIENCE_LABELS, TEAM_LABELS, type DepartementTeam, type FaqAudience, type FaqEntryRequest, type QuestionCategory } from '@carnet/contracts';
import { Field, FieldControl } from '../shared/field';
import { focusFirstError, type FieldErrors } from '../projects/shared/form-helpers';

export interface FaqFormValue {
  question: string;
  answer: string;
  category: QuestionCategory | '';
  keywords: string;
  team: DepartementTeam | '';
  audience: FaqAudience;
  reason: string;
}

/** Checks a form before sending it (the API checks again). */
export function validateFaqForm(v: FaqFormValue, staff: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (v.question.trim().length < 5) errors['question'] = 'Écrivez la question (5 caractères au moins).';
  else if (v.question.trim().length > 300) errors['question'] = 'La question dépasse 300 caractères.';
  if (!v.answer.trim()) errors['answer'] = 'Écrivez la réponse.';
  if (!v.category) errors['category'] = 'Choisissez une catégorie.';
  if (staff && !v.team) errors['team'] = 'Choisissez l’équipe responsable.';
  if (keywordsOf(v.keywords).length > 12) errors['keywords'] = '12 mots-clés au plus.';
  return errors;
}

/** « DETR, contrat rural » → ['DETR', 'contrat rural']. */
export const keywordsOf = (text: string): string[] => [...new Set(text.split(/[,;\n]/).map((k) => k.trim()).filter(Boolean))];

export const toRequest = (v: FaqFormValue): FaqEntryRequest => ({
  question: v.question.trim(),
  answer: v.answer.trim(),
  category: v.category as QuestionCategory,
  keywords: keywordsOf(v.keywords),
  team: v.team as DepartementTeam,
  audience: v.audience,
  ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
});

/** The fields of an entry: the Département chooses team and audience; a commune writes question, answer, category and keywords. */
@Component({
  selector: 'app-faq-entry-form',
  imports: [FormsModule, Field, FieldControl],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form #form class="form" novalidate (ngSubmit)="submit()" [attr.aria-labelledby]="labelledBy()">
      <app-field label="Question" required hint="Telle qu’une commune la poserait, sans nom de personne ni de commune." [error]="errors()['question']">
        <textarea appFieldControl id="faq-question" name="question" rows="2" maxlength="300" [ngModel]="value().question" (ngModelChange)="set('question', $event)"></textarea>
      </app-field>
      <app-field label="Réponse" required hint="Texte simple ; les adresses web (https://…) deviendront des liens. Laissez une ligne vide entre deux paragraphes." [error]="errors()['answer']">
        <textarea appFieldControl id="faq-answer" name="answer" rows="10" maxlength="6000" [ngModel]="value().answer" (ngModelChange)="set('answer', $event)"></textarea>
      </app-field>
      <app-field label="Catégorie" required hint="Les catégories des questions, qui les orientent vers une équipe." [error]="errors()['category']">
        <select appFieldControl id="faq-category-field" name="category" [ngModel]="value().category" (ngModelChange)="set('category', $event)">
          <option value="">Choisir une catégorie</option>
          @for (c of categories; track c[0]) {
            <option [value]="c[0]">{{ c[1] }}</option>
          }
        </select>
      </app-field>
      <app-field label="Mots-clés" hint="Séparés par des virgules, par exemple : DETR, subvention, école." [error]="errors()['keywords']">
        <input appFieldControl id="faq-keywords" name="keywords" type="text" [ngModel]="value().keywords" (ngModelChange)="set('keywords', $event)" />
      </app-field>
      @if (staff()) {
        <app-field label="Équipe responsable" required hint="Elle tient l’entrée à jour et la revoit chaque année." [error]="errors()['team']">
          <select appFieldControl id="faq-team" name="team" [ngModel]="value().team" (ngModelChange)="set('team', $event)">
            <option value="">Choisir une équipe</option>
            @for (t of teams; track t[0]) {
              <option [value]="t[0]">{{ t[1] }}</option>
            }
          </select>
        </app-field>
        <fieldset class="fieldset">
          <legend>Qui peut lire cette réponse ?</legend>
          @for (a of audiences; track a[0]) {
            <div class="field--checkbox">
              <input type="radio" name="audience" [id]="'faq-audience-' + a[0]" [value]="a[0]" [ngModel]="value().audience" (ngModelChange)="set('audience', $event)" />
              <label [for]="'faq-audience-' + a[0]">{{ a[1] }}</label>
            </div>
          }
        </fieldset>
        @if (withReason()) {
          <app-field label="Motif de la modification (facultatif)" [error]="errors()['reason']">
            <input appFieldControl id="faq-reason" name="reason" type="text" maxlength="500" [ngModel]="value().reason" (ngModelChange)="set('reason', $event)" />
          </app-field>
        }
      }
      <div class="form-actions">
        <button type="submit" class="button button--primary" [disabled]="pending()">{{ pending() ? 'Enregistrement…' : submitLabel() }}</button>
      </div>
    </form>
  `,
})
export class FaqEntryForm {
  readonly initial = input.required<FaqFormValue>();
  readonly staff = input(true);
  readonly withReason = input(false);
  readonly pending = input(false);
  readonly submitLabel = input('Enregistrer');
  readonly labelledBy = input<string | null>(null);
  /** Errors from the server, by field. */
  readonly serverErrors = input<FieldErrors>({});
  readonly save = output<FaqFormValue>();

  protected readonly categories = Object.entries(CATEGORY_LABELS) as Array<[QuestionCategory, string]>;
  protected readonly teams = Object.entries(TEAM_LABELS) as Array<[DepartementTeam, string]>;
  protected readonly audiences = Object.entries(FAQ_AUDIENCE_LABELS) as Array<[FaqAudience, string]>;
  protected readonly value = signal<FaqFormValue>({ question: '', answer: '', category: '', keywords: '', team: '', audience: 'communes', reason: '' });
  protected readonly errors = signal<FieldErrors>({});
  private readonly form = viewChild.required<ElementRef<HTMLFormElement>>('form');

  constructor() {
    effect(() => {
      const initial = this.initial();
      untracked(() => this.value.set({ ...initial }));
    });
    effect(() => {
      const server = this.serverErrors();
      untracked(() => {
        this.errors.set(server);
        if (Object.keys(server).length) setTimeout(() => focusFirstError(this.form().nativeElement));
      });
    });
  }

  protected set<K extends keyof FaqFormValue>(key: K, v: FaqFormValue[K]): void {
    this.value.update((current) => ({ ...current, [key]: v }));
  }

  protected submit(): void {
    const errors = validateFaqForm(this.value(), this.staff());
    this.errors.set(errors);
    if (Object.keys(errors).length) {
      setTimeout(() => focusFirstError(this.form().nativeElement));
      return;
    }
    this.save.emit(this.value());
  }
}
