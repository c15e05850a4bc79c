import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { FaqEntryView } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { FrDate } from '../core/format';
import { toUserError } from '../core/problem';
import { isDepartementRole } from '../core/roles';
import { SessionStore } from '../core/session';
import { AnswerText } from './answer-text';
import { FaqApi } from './faq-api';

/** « 3 personnes l’ont trouvée utile, 1 non · ouverte 12 fois » (Département and auditors). */
export function usefulnessSentence(e: Pick<FaqEntryView, 'usefulCount' | 'notUsefulCount' | 'openedCount'>): string {
  const people = (n: number) => (n <= 1 ? `${n} personne` : `${n} personnes`);
  return `${people(e.usefulCount ?? 0)} l’${(e.usefulCount ?? 0) > 1 ? 'ont' : 'a'} trouvée utile, ${e.notUsefulCount ?? 0} non · ouverte ${e.openedCount ?? 0} fois`;
}

/** One entry of the FAQ page: its question opens its answer; one vote per person, changeable. */
@Component({
  selector: 'app-faq-entry-item',
  imports: [AnswerText, FrDate, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let e = entry();
    <h3 class="faq-entry__question">
      <button type="button" class="faq-entry__toggle" [attr.aria-expanded]="expanded()" [attr.aria-controls]="'faq-answer-' + e.id" (click)="toggle()">
        {{ e.question }}
      </button>
    </h3>
    @if (e.excerpt && !expanded()) {
      <p class="search-result__excerpt">@for (part of e.excerpt; track $index) {@if (part.match) {<mark>{{ part.text }}</mark>} @else {<span>{{ part.text }}</span>}}</p>
    }
    <div class="faq-entry__answer" [id]="'faq-answer-' + e.id" [hidden]="!expanded()">
      @if (expanded()) {
        <app-answer-text [text]="e.answer" />
        <p class="byline">
          {{ e.categoryLabel }} · {{ e.teamLabel }} · vérifiée le <time [attr.datetime]="e.verifiedAt">{{ e.verifiedAt | frDate }}</time>
          @if (e.audience === 'communes') {
            · <span class="badge">Communes seulement</span>
          }
        </p>
        @if (canVote()) {
          <div class="faq-vote" role="group" [attr.aria-labelledby]="'faq-vote-' + e.id">
            <span [id]="'faq-vote-' + e.id" class="faq-vote__label">Cette réponse m’a été utile</span>
            <button type="button" class="button button--small" [attr.aria-pressed]="vote() === true" [disabled]="pending()" (click)="cast(true)">Oui</button>
            <button type="button" class="button button--small" [attr.aria-pressed]="vote() === false" [disabled]="pending()" (click)="cast(false)">Non</button>
          </div>
        }
        <p role="status" class="faq-vote__status">{{ voteMessage() }}</p>
        @if (e.usefulCount !== null) {
          <p class="byline">{{ usefulness() }}</p>
        }
        @if (canEdit()) {
          <p><a [routerLink]="['/faq', e.id]">Relire, modifier ou retirer cette entrée</a></p>
        } @else if (isAuditor()) {
          <p><a [routerLink]="['/faq', e.id]">Historique de cette entrée</a></p>
        }
      }
    </div>
  `,
})
export class FaqEntryItem {
  private readonly api = inject(FaqApi);
  private readonly session = inject(SessionStore);
  readonly entry = input.required<FaqEntryView>();

  protected readonly expanded = signal(false);
  protected readonly pending = signal(false);
  protected readonly voteMessage = signal('');
  private readonly myVote = signal<boolean | null | undefined>(undefined);
  protected readonly vote = computed(() => (this.myVote() === undefined ? this.entry().myVote : this.myVote()));
  protected readonly canVote = computed(() => !!this.session.me() && this.session.me()!.role !== 'auditor' && this.entry().status === 'published');
  protected readonly canEdit = computed(() => isDepartementRole(this.session.me()?.role ?? null));
  protected readonly isAuditor = computed(() => this.session.me()?.role === 'auditor');
  protected readonly usefulness = computed(() => usefulnessSentence(this.entry()));
  private recorded = false;

  protected toggle(): void {
    this.expanded.update((v) => !v);
    // Each first opening is counted (« entrées consultées » on the Département's dashboard).
    if (this.expanded() && !this.recorded && this.canVote()) {
      this.recorded = true;
      void firstValueFrom(this.api.opened(this.entry().id)).catch(() => undefined);
    }
  }

  protected async cast(useful: boolean): Promise<void> {
    this.pending.set(true);
    this.voteMessage.set('');
    try {
      await firstValueFrom(this.api.vote(this.entry().id, useful));
      this.myVote.set(useful);
      this.voteMessage.set(useful ? 'Merci : votre avis « utile » est enregistré.' : 'Merci : votre avis « pas utile » est enregistré.');
    } catch (error) {
      this.voteMessage.set(toUserError(error).message);
    } finally {
      this.pending.set(false);
    }
  }
}
