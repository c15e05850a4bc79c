import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { roleLabel } from '@carnet/contracts';
import { toUserError } from '../../core/problem';
import { SessionStore } from '../../core/session';
import { EmailPreference } from '../../notifications/email-preference/email-preference';
import { OnDemand } from '../../shared/on-demand';
import { ChangePassword } from './change-password';
import { RoleFormChoice } from './role-form-choice';

/** `/mon-compte`: who one is, and the ways to log out. */
@Component({
  selector: 'app-my-account',
  imports: [EmailPreference, RoleFormChoice, OnDemand, ChangePassword],
  template: `
    <h1>Mon compte</h1>
    @if (me(); as me) {
      <dl class="facts panel">
        <div>
          <dt>Nom</dt>
          <dd>{{ me.name }}</dd>
        </div>
        <div>
          <dt>Adresse e-mail</dt>
          <dd>{{ me.email }}</dd>
        </div>
        <div>
          <dt>Rôle</dt>
          <dd>{{ roleLabel() }}</dd>
        </div>
        @if (me.communeName) {
          <div>
            <dt>Commune</dt>
            <dd>{{ me.communeName }}{{ me.seat ? ' — ' + (me.seat === 'mayor' ? 'place de maire' : 'place de collaborateur') : '' }}</dd>
          </div>
        }
        @if (me.organisationName) {
          <div>
            <dt>Organisme</dt>
            <dd>{{ me.organisationName }}</dd>
          </div>
        }
      </dl>
      @if (!withoutAccess()) {
        <app-role-form-choice />
        <app-email-preference />
      }
      <section class="panel" aria-labelledby="sessions-title">
        <h2 id="sessions-title">Connexions</h2>
        <div role="alert" class="feedback">
          @if (error(); as message) {
            <p class="alert alert--error">{{ message }}</p>
          }
        </div>
        <p>Sur un ordinateur partagé, pensez à vous déconnecter.</p>
        <p class="form-actions">
          <button type="button" class="button" [disabled]="pending()" (click)="logout(false)">Se déconnecter</button>
        </p>
        <p>
          Vous avez perdu un téléphone, ou oublié de vous déconnecter ailleurs ? Ce bouton ferme toutes vos connexions, y compris
          celle-ci.
        </p>
        <p class="form-actions">
          <button type="button" class="button" [disabled]="pending()" (click)="logout(true)">Se déconnecter de tous les appareils</button>
        </p>
        <app-on-demand label="Changer de mot de passe">
          <ng-template><app-change-password /></ng-template>
        </app-on-demand>
      </section>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyAccount {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  protected readonly me = this.session.me;
  protected readonly withoutAccess = this.session.withoutAccess;
  protected readonly roleLabel = computed(() => {
    const me = this.me();
    if (!me) return '';
    return me.role && !this.session.withoutAccess() ? roleLabel(me.role, me.roleForm) : 'Aucun (accès retiré)';
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async logout(everywhere: boolean): Promise<void> {
    this.pending.set(true);
    this.error.set(null);
    try {
      await this.session.logout(everywhere);
      await this.router.navigate(['/connexion'], { queryParams: { raison: everywhere ? 'partout' : 'deconnecte' } });
    } catch (error) {
      this.error.set(`La déconnexion a échoué. ${toUserError(error).message}`);
    } finally {
      this.pending.set(false);
    }
  }
}
