import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { canAdminister, canSeeAdministration, isNationalAdmin } from '../core/roles';
import { SessionStore } from '../core/session';

/** `/administration`: three sections, reached by links that behave like tabs; agents read, the administrator acts. */
@Component({
  selector: 'app-admin-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  template: `
    <h1>Administration</h1>
    @if (allowed()) {
      @if (!canAct()) {
        <p class="alert alert--info">Vous consultez l’administration en lecture seule : seul l’administrateur du Département peut inviter ou désactiver.</p>
      }
      <nav class="subnav" aria-label="Sections de l’administration">
        <ul>
          @if (national()) {
            <li><a routerLink="departements" routerLinkActive="is-active" ariaCurrentWhenActive="page">Départements</a></li>
            <li><a routerLink="comptes" routerLinkActive="is-active" ariaCurrentWhenActive="page">Comptes des départements</a></li>
          } @else {
            <li><a routerLink="communes" routerLinkActive="is-active" ariaCurrentWhenActive="page">Communes</a></li>
            <li><a routerLink="partenaires" routerLinkActive="is-active" ariaCurrentWhenActive="page">Partenaires</a></li>
            <li><a routerLink="comptes" routerLinkActive="is-active" ariaCurrentWhenActive="page">Comptes du Département et partenaires</a></li>
            <li><a routerLink="regles-de-financement" routerLinkActive="is-active" ariaCurrentWhenActive="page">Règles de financement</a></li>
          }
        </ul>
      </nav>
      <router-outlet />
    } @else {
      <div class="alert alert--error">
        <p>Accès refusé : l’administration est réservée au Département.</p>
      </div>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminShell {
  private readonly me = inject(SessionStore).me;
  protected readonly allowed = computed(() => canSeeAdministration(this.me()));
  protected readonly canAct = computed(() => canAdminister(this.me()));
  protected readonly national = computed(() => isNationalAdmin(this.me()));
}
