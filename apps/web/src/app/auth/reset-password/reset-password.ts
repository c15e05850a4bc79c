import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { Api } from '../../core/api';
import { toUserError } from '../../core/problem';
import { SessionStore } from '../../core/session';
import { FieldErrors, focusFirstError } from '../../projects/shared/form-helpers';
import { PasswordFields } from '../../shared/password-fields';
import { validateNewPassword } from '../../shared/password-rules';
import { FormsModule } from '@angular/forms';

/** `/mot-de-passe/:token`: the link received by e-mail; a new password, then the login page. */
@Component({
  selector: 'app-reset-password',
  imports: [FormsModule, RouterLink, PasswordFields],
  template: `
    @if (linkProblem(); as status) {
      <h1>{{ status === 410 ? 'Lien expiré' : 'Lien déjà utilisé ou inconnu' }}</h1>
      <p>
        {{
          status === 410
            ? 'Ce lien pour changer de mot de passe n’est plus valable : par précaution, il ne dure que peu de temps.'
            : 'Ce lien pour changer de mot de passe a déjà servi, ou l’adresse a été mal recopiée.'
        }}
      </p>
      <p><a routerLink="/mot-de-passe-oublie">Demander un nouveau lien</a></p>
    } @else {
      <h1>Choisir un nouveau mot de passe</h1>
      <form #form class="form form--narrow" novalidate (ngSubmit)="submit()" aria-label="Nouveau mot de passe">
        <div class="form-error" role="alert">
          @if (error(); as message) {
            <p class="alert alert--error">{{ message }}</p>
          }
        </div>
        <app-password-fields [(password)]="password" [(confirmation)]="confirmation" [errors]="errors()" />
        <div class="form-actions">
          <button type="submit" class="button button--primary" [disabled]="pending()">Enregistrer le mot de passe</button>
        </div>
      </form>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPassword {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);
  private readonly form = viewChild<ElementRef<HTMLFormElement>>('form');

  readonly token = input.required<string>();
  protected readonly password = signal('');
  protected readonly confirmation = signal('');
  protected readonly errors = signal<FieldErrors>({});
  protected readonly error = signal<string | null>(null);
  protected readonly linkProblem = signal<404 | 410 | null>(null);
  protected readonly pending = signal(false);

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    const errors = validateNewPassword(this.password(), this.confirmation());
    this.errors.set(errors);
    this.error.set(null);
    if (Object.keys(errors).length) {
      this.focusError();
      return;
    }
    this.pending.set(true);
    try {
      await firstValueFrom(this.api.resetPassword(this.token(), this.password()));
      // Changing one's password ends the other sessions: log in again with it.
      this.session.forget();
      await this.router.navigate(['/connexion'], { queryParams: { raison: 'mot_de_passe' } });
    } catch (error) {
      const userError = toUserError(error);
      if (userError.status === 404 || userError.status === 410) {
        this.linkProblem.set(userError.status);
        return;
      }
      this.errors.set(userError.fieldErrors);
      this.error.set(userError.message);
      this.focusError();
    } finally {
      this.pending.set(false);
    }
  }

  private focusError(): void {
    const form = this.form();
    if (form) focusFirstError(form.nativeElement);
  }
}
