import { ChangeDetectionStrategy, Component, input, model, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { FieldErrors } from '../projects/shared/form-helpers';
import { PASSWORD_MIN_LENGTH } from './password-rules';

/** A new password typed twice, with its rules shown before typing. */
@Component({
  selector: 'app-password-fields',
  imports: [FormsModule],
  template: `
    <div class="field">
      <label for="password">Mot de passe *</label>
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
    <div class="field">
      <label for="confirmation">Confirmez le mot de passe *</label>
      <input
        id="confirmation"
        name="confirmation"
        [type]="visible() ? 'text' : 'password'"
        autocomplete="new-password"
        required
        [(ngModel)]="confirmation"
        [attr.aria-invalid]="errors()['confirmation'] ? true : null"
        [attr.aria-describedby]="errors()['confirmation'] ? 'confirmation-error' : null"
      />
      @if (errors()['confirmation']; as message) {
        <p id="confirmation-error" class="field-error">{{ message }}</p>
      }
    </div>
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
  protected readonly visible = signal(false);
  protected readonly minLength = PASSWORD_MIN_LENGTH;
}
