import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-not-found',
  imports: [RouterLink],
  template: `
    <h1>Page introuvable</h1>
    <p>L’adresse demandée ne correspond à aucune page du Carnet de projets.</p>
    <p><a routerLink="/">Revenir à la liste des projets</a></p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFound {}
