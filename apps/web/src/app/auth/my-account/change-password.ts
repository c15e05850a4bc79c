import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { firstValueFrom } from 'rxjs';
import { Api } from '../../core/api';
import { toUserError } from '../../core/problem';
import { SessionStore } from '../../core/session';
import { FieldErrors, focusFirstError, fieldsToFix } from '../../projects/shared/form-helpers';
import { Field, FieldControl } from '../../shared/field';
import { OnDemand } from '../../shared/on-demand';
import { PasswordFields } from '../../shared/password-fields';
import { validateNewPassword } from '../../shared/password-rules';

/** « Mon compte » → « Changer de mot de passe »: the current one, then the new one twice. */
@Component({
  selector: 'app-change-password',
  imports: [FormsModule, Field, FieldControl, PasswordFields],
  template: `
    <form #form class="form form--narrow" novalidate (ngSubmit)="submit()" aria-label="Changer de mot de passe">
      <app-field label="Mot de passe actuel" required [error]="errors()['currentPassword']">
        <input appFieldControl id="current-password" name="currentPassword" type="password" autocomplete="current-password" required [(ngModel)]="current" />
      </app-field>
      <app-password-fields label="Nouveau mot de passe" [(password)]="password" [(confirmation)]="confirmation" [errors]="errors()" />
      <p class="hint">Vos connexions sur d’autres appareils seront fermées ; celle-ci reste ouverte.</p>
      <div class="form-actions">
        <button type="submit" class="button button--primary" [disabled]="pending()">{{ pending() ? 'Enregistrement…' : 'Changer le mot de passe' }}</button>
        <button type="button" class="button button--link" (click)="onDemand?.cancel()">Annuler</button>
      </div>
      <div role="alert">
        @if (error(); as message) {
          <p class="alert alert--error">{{ message }}</p>
        }
      </div>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePassword {
  private readonly api = inject(Api);
  private readonly session = inject(SessionStore);
  protected readonly onDemand = inject(OnDemand, { optional: true });
  private readonly form = viewChild.required<ElementRef<HTMLFormElement>>('form');

  protected readonly current = signal('');
  protected readonly password = signal('');
  protected readonly confirmation = signal('');
  protected readonly errors = signal<FieldErrors>({});
  protected readonly error = signal<string | null>(null);
  protected readonly pending = signal(false);

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    const errors: FieldErrors = { ...validateNewPassword(this.password(), this.confirmation()) };
    if (!this.current()) errors['currentPassword'] = 'Indiquez votre mot de passe actuel.';
    this.errors.set(errors);
    this.error.set(null);
    if (Object.keys(errors).length) {
      this.error.set(fieldsToFix(errors));
      focusFirstError(this.form().nativeElement);
      return;
    }
    this.pending.set(true);
    try {
      const me = await firstValueFrom(this.api.changePassword({ currentPassword: this.current(), password: this.password() }));
      // A new session: its CSRF token replaces the old one.
      this.session.signedIn(me);
      this.onDemand?.succeeded('Votre mot de passe est changé. Vos connexions sur d’autres appareils sont fermées.');
    } catch (error) {
      const userError = toUserError(error);
      this.errors.set(userError.fieldErrors);
      const fields = Object.keys(userError.fieldErrors).length;
      this.error.set(fields ? fieldsToFix(userError.fieldErrors) : userError.message);
      focusFirstError(this.form().nativeElement);
    } finally {
      this.pending.set(false);
    }
  }
}
