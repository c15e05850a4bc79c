import { ChangeDetectionStrategy, Component, ElementRef, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ROLE_LABELS, type MessageView, type NoteView } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { Api } from '../../core/api';
import { FrDate, RoleOf } from '../../core/format';
import { toUserError } from '../../core/problem';
import { Field, FieldControl } from '../../shared/field';
import { focusFirstError } from '../shared/form-helpers';
import { FormFeedback } from './form-feedback';
import { CommandFormState, ProjectStore } from './project-store';

/**
 * A thread of the project page: the conversation with the commune (`kind = 'messages'`) or the
 * internal notes (`kind = 'notes'`, only ever rendered for Département staff, partners and auditors;
 * the API refuses them to commune members anyway).
 */
@Component({
  selector: 'app-thread',
  imports: [FormsModule, FrDate, FormFeedback, Field, FieldControl, RoleOf],
  template: `
    @if (loadError(); as message) {
      <p class="alert alert--error" role="alert">{{ message }}</p>
    }
    @if (items().length === 0 && !loadError()) {
      <p>{{ kind() === 'messages' ? 'Aucun message pour l’instant.' : 'Aucune note interne pour l’instant.' }}</p>
    } @else {
      <ol class="thread">
        @for (m of items(); track m.id) {
          <li class="thread__item" [class.thread__item--note]="kind() === 'notes'">
            <p class="prewrap">{{ m.text }}</p>
            <p class="byline">
              {{ m.by.name }} ({{ m.by | roleOf }}) — <time [attr.datetime]="m.at">{{ m.at | frDate: true }}</time>
            </p>
          </li>
        }
      </ol>
    }
    @if (canWrite()) {
      <form #form class="form form--compact" novalidate (ngSubmit)="submit()">
        <app-field
          [label]="kind() === 'messages' ? 'Écrire un message' : 'Ajouter une note interne'"
          [hint]="kind() === 'messages' ? 'Visible par la commune, le Département et les partenaires associés.' : 'Jamais visible par la commune.'"
          [error]="state.errors()['text']"
        >
          <textarea appFieldControl [id]="fieldId()" name="text" rows="3" maxlength="4000" [(ngModel)]="text"></textarea>
        </app-field>
        <div class="form-actions">
          <button type="submit" class="button" [disabled]="state.pending()">
            {{ state.pending() ? 'Envoi…' : kind() === 'messages' ? 'Envoyer le message' : 'Ajouter la note' }}
          </button>
        </div>
        <app-form-feedback [state]="state" />
      </form>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Thread {
  private readonly api = inject(Api);
  private readonly store = inject(ProjectStore);
  private readonly form = viewChild<ElementRef<HTMLFormElement>>('form');

  readonly kind = input.required<'messages' | 'notes'>();
  readonly canWrite = input(false);

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly items = signal<Array<MessageView | NoteView>>([]);
  protected readonly loadError = signal<string | null>(null);
  protected readonly state = new CommandFormState();
  protected readonly text = signal('');
  protected fieldId = () => `thread-${this.kind()}`;

  constructor() {
    // Reloaded when the project is opened and after every accepted command (read-your-writes).
    effect(() => {
      const id = this.store.id();
      const position = this.store.lastPosition();
      if (id) untracked(() => void this.load(id, position));
    });
  }

  private async load(id: string, position: number | null): Promise<void> {
    try {
      const list: Array<MessageView | NoteView> =
        this.kind() === 'messages' ? await firstValueFrom(this.api.messages(id, position)) : await firstValueFrom(this.api.notes(id, position));
      this.items.set(list);
      this.loadError.set(null);
    } catch (error) {
      this.loadError.set(`${this.kind() === 'messages' ? 'La conversation' : 'Les notes'} n’ont pas pu être chargées. ${toUserError(error).message}`);
    }
  }

  protected async submit(): Promise<void> {
    const d = this.store.detail();
    if (!d || this.state.pending()) return;
    const text = this.text().trim();
    if (!this.state.begin(text ? {} : { text: this.kind() === 'messages' ? 'Écrivez votre message.' : 'Écrivez la note.' })) {
      const form = this.form();
      if (form) focusFirstError(form.nativeElement);
      return;
    }
    const ok =
      this.kind() === 'messages'
        ? await this.store.run(this.state, { text }, (ctx) => this.api.postMessage(d.id, { text }, ctx), 'Votre message a été envoyé.')
        : await this.store.run(this.state, { text }, (ctx) => this.api.addNote(d.id, { text }, ctx), 'La note a été ajoutée.');
    if (ok) this.text.set('');
  }
}
