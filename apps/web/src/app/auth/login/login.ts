import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import type { DemoAccount } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { Api } from '../../core/api';
import { SessionStore } from '../../core/session';
import { FieldErrors, focusFirstError } from '../../projects/shared/form-helpers';
import { Field, FieldControl } from '../../shared/field';
import { safeReturnUrl } from '../../shared/safe-return';
import { loginErrorMessage } from './login-errors';

/** Password of every demo account (development only, see the API's README). */
export const DEMO_PASSWORD = 'demo-carnet-2026';

const REASONS: Record<string, string> = {
  session: 'Votre session a pris fin. Connectez-vous à nouveau pour continuer.',
  deconnecte: 'Vous êtes déconnecté·e. À bientôt !',
  partout: 'Vous êtes déconnecté·e de tous vos appareils.',
  mot_de_passe: 'Votre mot de passe a été changé. Connectez-vous avec le nouveau.',
};

/** `/connexion`: e-mail and password; in development, one-click demo accounts. */
@Component({
  selector: 'app-login',
  imports: [FormsModule, RouterLink, Field, FieldControl],
  templateUrl: './login.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Login {
  private readonly api = inject(Api);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly form = viewChild<ElementRef<HTMLFormElement>>('form');

  /** `?retour=/projets/…`: where to go once logged in. */
  readonly retour = input<string | undefined>();
  /** `?raison=session`: why the person is here. */
  readonly raison = input<string | undefined>();

  protected readonly reasonText = computed(() => REASONS[this.raison() ?? ''] ?? null);
  protected readonly email = signal('');
  protected readonly password = signal('');
  protected readonly showPassword = signal(false);
  protected readonly errors = signal<FieldErrors>({});
  protected readonly error = signal<string | null>(null);
  protected readonly pending = signal(false);
  protected readonly demoAccounts = signal<DemoAccount[]>([]);
  protected readonly me = this.session.me;

  constructor() {
    void this.loadDemoAccounts();
  }

  private async loadDemoAccounts(): Promise<void> {
    try {
      this.demoAccounts.set(await firstValueFrom(this.api.demoAccounts()));
    } catch {
      // 404 in production: no demo accounts, the section stays hidden.
      this.demoAccounts.set([]);
    }
  }

  protected async submit(): Promise<void> {
    const errors: FieldErrors = {};
    if (!this.email().trim()) errors['email'] = 'Indiquez votre adresse e-mail.';
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(this.email().trim()))
      errors['email'] = 'Indiquez une adresse e-mail complète, par exemple prenom.nom@mairie-ableiges.fr.';
    if (!this.password()) errors['password'] = 'Indiquez votre mot de passe.';
    this.errors.set(errors);
    this.error.set(null);
    if (Object.keys(errors).length) {
      this.focusError();
      return;
    }
    await this.logIn(this.email(), this.password());
  }

  protected async logInAsDemo(account: DemoAccount): Promise<void> {
    this.email.set(account.email);
    this.password.set('');
    this.errors.set({});
    await this.logIn(account.email, DEMO_PASSWORD);
  }

  private async logIn(email: string, password: string): Promise<void> {
    if (this.pending()) return;
    this.pending.set(true);
    this.error.set(null);
    try {
      await this.session.login(email, password);
      await this.router.navigateByUrl(safeReturnUrl(this.retour()) ?? '/');
    } catch (error) {
      this.error.set(loginErrorMessage(error));
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
