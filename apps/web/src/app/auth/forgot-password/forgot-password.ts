import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { Api } from '../../core/api';
import { toUserError } from '../../core/problem';
import { focusFirstError } from '../../projects/shared/form-helpers';
import { Field, FieldControl } from '../../shared/field';

/** `/mot-de-passe-oublie`: asks for a link by e-mail. The answer never tells whether the address has an account. */
@Component({
  selector: 'app-forgot-password',
  imports: [FormsModule, RouterLink, Field, FieldControl],
  template: `
    <h1>Mot de passe oublié</h1>
    <p>Indiquez l’adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.</p>
    <form #form class="form form--narrow" novalidate (ngSubmit)="submit()" aria-label="Recevoir un lien">
      <div class="form-error" role="alert">
        @if (error(); as message) {
          <p class="alert alert--error">{{ message }}</p>
        }
      </div>
      <app-field label="Adresse e-mail" [error]="fieldError()">
        <input
          appFieldControl
          id="email"
          name="email"
          type="email"
          autocomplete="email"
          inputmode="email"
          spellcheck="false"
          required
          [(ngModel)]="email"
        />
      </app-field>
      <div class="form-actions">
        <button type="submit" class="button button--primary" [disabled]="pending()">Recevoir un lien</button>
        <a routerLink="/connexion">Retour à la connexion</a>
      </div>
    </form>
    <div role="status" class="feedback">
      @if (sentTo(); as address) {
        <div class="alert alert--success">
          <p>
            Si un compte existe pour {{ address }}, un message vient de lui être envoyé avec un lien pour choisir un nouveau mot de
            passe.
          </p>
          <p>Le lien n’est valable que peu de temps. Rien reçu d’ici quelques minutes ? Regardez dans les courriers indésirables.</p>
        </div>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForgotPassword {
  private readonly api = inject(Api);
  private readonly form = viewChild.required<ElementRef<HTMLFormElement>>('form');
  protected readonly email = signal('');
  protected readonly fieldError = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly sentTo = signal<string | null>(null);
  protected readonly pending = signal(false);

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    const email = this.email().trim();
    this.error.set(null);
    this.sentTo.set(null);
    this.fieldError.set(/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? null : 'Indiquez une adresse e-mail complète.');
    if (this.fieldError()) {
      focusFirstError(this.form().nativeElement);
      return;
    }
    this.pending.set(true);
    try {
      await firstValueFrom(this.api.requestPasswordReset(email));
      this.sentTo.set(email);
    } catch (error) {
      const userError = toUserError(error);
      this.fieldError.set(userError.fieldErrors['email'] ?? null);
      this.error.set(userError.message);
      focusFirstError(this.form().nativeElement);
    } finally {
      this.pending.set(false);
    }
  }
}
