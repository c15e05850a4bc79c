import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { SessionStore } from '../../core/session';

/** Where a commune account lands after losing its seat (ADR 0007: no seat, no commune role). */
@Component({
  selector: 'app-access-removed',
  imports: [RouterLink],
  template: `
    <h1>Accès retiré</h1>
    @if (session.withoutAccess()) {
      <p>Votre place dans l’espace de la commune a été libérée : vous n’avez plus accès à ses projets en préparation.</p>
      <p>Ce que vous avez écrit reste dans l’historique des projets, à votre nom.</p>
      <p>Si c’est une erreur, contactez le maire de votre commune : il peut vous inviter à nouveau.</p>
      <p>Une fois déconnecté·e, vous pouvez toujours consulter les projets publiés, comme tout le monde.</p>
      <p class="form-actions">
        <button type="button" class="button button--primary" (click)="logout()">Se déconnecter</button>
      </p>
    } @else {
      <p>Votre accès est actif.</p>
      <p><a routerLink="/">Revenir à la liste des projets</a></p>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccessRemoved {
  protected readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  protected async logout(): Promise<void> {
    try {
      await this.session.logout();
    } finally {
      await this.router.navigate(['/connexion'], { queryParams: { raison: 'deconnecte' } });
    }
  }
}
