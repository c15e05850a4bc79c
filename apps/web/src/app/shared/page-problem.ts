import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { UserError } from '../core/problem';

/** A page the API refused or could not give: what happened and what to do, in plain French. */
@Component({
  selector: 'app-page-problem',
  imports: [RouterLink],
  template: `
    @switch (error().status) {
      @case (401) {
        <div class="alert alert--info">
          <p>Cette page est réservée aux personnes connectées.</p>
          <p><a routerLink="/connexion" [queryParams]="{ retour: router.url }">Se connecter</a></p>
        </div>
      }
      @case (403) {
        <div class="alert alert--error">
          <p>Accès refusé : {{ forbidden() }}</p>
          <p>Si vous pensez que c’est une erreur, contactez le Département.</p>
        </div>
      }
      @case (404) {
        <div class="alert alert--error">
          <p>{{ notFound() }}</p>
          <p><a routerLink="/">Revenir à la liste des projets</a></p>
        </div>
      }
      @default {
        <div class="alert alert--error" role="alert">
          <p>{{ error().message }}</p>
        </div>
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PageProblem {
  readonly error = input.required<UserError>();
  /** Sentence for a 403, e.g. « cette page est réservée au maire et au Département. » */
  readonly forbiddenText = input<string>('votre compte ne permet pas de voir cette page.');
  readonly notFoundText = input<string>("Ce que vous cherchez n’existe pas ou n’est pas accessible avec votre compte.");
  protected readonly router = inject(Router);
  protected readonly forbidden = computed(() => this.forbiddenText());
  protected readonly notFound = computed(() => this.notFoundText());
}
