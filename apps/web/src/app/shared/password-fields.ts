import { ChangeDetectionStrategy, Component, input, model, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { FieldErrors } from '../projects/shared/form-helpers';
import { Field, FieldControl } from './field';
import { PASSWORD_MIN_LENGTH } from './password-rules';

/** A new password typed twice, with its rules shown before typing (hence the first field is not an `<app-field>`, whose hint follows the control). */
@Component({
  selector: 'app-password-fields',
  imports: [FormsModule, Field, FieldControl],
  template: `
    <div class="field">
      <label for="password">{{ label() }} *</label>
      <div id="password-rules" class="hint">
        <p>Règles : {{ minLength }} caractères minimum, et pas un mot de passe trop courant.</p>
        <p>Conseil : une phrase de passe, facile à retenir, par exemple « Le tilleul de la place fleurit en juin ».</p>
      </div>
      <input
        id="password"
        name="password"
        [type]="visible() ? 'text' : 'password'"
        autocomplete="new-password"
        required
        [(ngModel)]="password"
        [attr.aria-invalid]="errors()['password'] ? true : null"
        [attr.aria-describedby]="errors()['password'] ? 'password-rules password-error' : 'password-rules'"
      />
      @if (errors()['password']; as message) {
        <p id="password-error" class="field-error">{{ message }}</p>
      }
    </div>
    <app-field [label]="'Confirmez le ' + label().toLowerCase()" required [error]="errors()['confirmation']">
      <input
        appFieldControl
        id="confirmation"
        name="confirmation"
        [type]="visible() ? 'text' : 'password'"
        autocomplete="new-password"
        required
        [(ngModel)]="confirmation"
      />
    </app-field>
    <div class="checkbox">
      <input id="show-passwords" type="checkbox" [checked]="visible()" (change)="visible.set(!visible())" />
      <label for="show-passwords">Afficher les mots de passe</label>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordFields {
  readonly password = model('');
  readonly confirmation = model('');
  readonly errors = input<FieldErrors>({});
  /** « Mot de passe », or « Nouveau mot de passe » where the current one is asked first. */
  readonly label = input('Mot de passe');
  protected readonly visible = signal(false);
  protected readonly minLength = PASSWORD_MIN_LENGTH;
}
