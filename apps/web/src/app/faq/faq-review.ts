import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { FaqEntryView } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { FrDate } from '../core/format';
import { toUserError } from '../core/problem';
import { FaqApi, type FaqReview } from './faq-api';

/** « À revoir » (`/faq/a-revoir`): what the agent's teams should look at in the FAQ. */
@Component({
  selector: 'app-faq-review',
  imports: [RouterLink, FrDate],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="back"><a routerLink="/faq">← Questions fréquentes</a></p>
    <h1>À revoir dans la FAQ</h1>
    <p class="lead">Les entrées de vos équipes : propositions des communes, brouillons, réponses d’origine corrigées, entrées à vérifier.</p>
    @if (error(); as message) {
      <div class="alert alert--error" role="alert"><p>{{ message }}</p></div>
    }
    @if (review(); as r) {
      @for (section of sections; track section.key) {
        <section class="panel" [attr.aria-labelledby]="'faq-review-' + section.key">
          <h2 [id]="'faq-review-' + section.key">{{ section.title }} ({{ r[section.key].length }})</h2>
          @if (r[section.key].length === 0) {
            <p>{{ section.empty }}</p>
          } @else {
            <ul class="queue">
              @for (e of r[section.key]; track e.id) {
                <li class="queue__item">
                  <a [routerLink]="['/faq', e.id]">{{ e.question }}</a>
                  <p class="byline">{{ e.teamLabel }} · {{ e.statusLabel }} · vérifiée le <time [attr.datetime]="e.verifiedAt">{{ e.verifiedAt | frDate }}</time>{{ detail(e) }}</p>
                </li>
              }
            </ul>
          }
        </section>
      }
    } @else if (!error()) {
      <p role="status">Chargement…</p>
    }
  `,
})
export class FaqReviewPage {
  private readonly api = inject(FaqApi);
  protected readonly review = signal<FaqReview | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly sections: Array<{ key: keyof FaqReview; title: string; empty: string }> = [
    { key: 'proposals', title: 'Propositions des communes', empty: 'Aucune proposition en attente.' },
    { key: 'sourceChanged', title: 'Réponse d’origine corrigée', empty: 'Aucune réponse d’origine corrigée depuis la dernière relecture.' },
    { key: 'due', title: 'Non vérifiées depuis plus de 12 mois', empty: 'Toutes les entrées publiées ont été vérifiées dans l’année.' },
    { key: 'drafts', title: 'Brouillons', empty: 'Aucun brouillon.' },
  ];

  constructor() {
    firstValueFrom(this.api.review()).then(
      (r) => this.review.set(r),
      (e) => this.error.set(toUserError(e).message),
    );
  }

  protected detail(e: FaqEntryView): string {
    if (e.proposedBy) return ` · proposée par ${e.proposedBy.name}`;
    return '';
  }
}
