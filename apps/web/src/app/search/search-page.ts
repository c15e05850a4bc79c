import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  SEARCH_MIN_LENGTH,
  SEARCH_RESULT_TYPE_LABELS,
  SEARCH_RESULT_TYPES,
  type SearchResult,
  type SearchResultType,
} from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { Api } from '../core/api';
import { toUserError } from '../core/problem';
import { formatDate } from '../core/format';
import { SessionStore } from '../core/session';
import { isCommuneRole } from '../core/roles';

/** « 3 résultats pour « ecoles » », said to screen readers once the results are in. */
export function resultSentence(total: number, q: string): string {
  if (total === 0) return `Aucun résultat pour « ${q} ».`;
  return `${total} résultat${total > 1 ? 's' : ''} pour « ${q} ».`;
}

/** The results page of the header's search box: `/recherche?q=…&type=…`. */
@Component({
  selector: 'app-search-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Recherche</h1>
    <form class="filters" role="search" aria-label="Affiner la recherche" (submit)="submit($event, qInput.value, typeSelect.value)">
      <div class="field field--grow">
        <label for="search-q">Mots cherchés</label>
        <p class="hint" id="search-q-hint">Sans tenir compte des accents ni du pluriel : « ecoles » trouve « École ».</p>
        <input id="search-q" type="search" #qInput [value]="q()" autocomplete="off" aria-describedby="search-q-hint" />
      </div>
      <div class="field">
        <label for="search-type">Chercher dans</label>
        <select id="search-type" #typeSelect>
          <option value="" [selected]="type() === ''">Tout</option>
          @for (t of types(); track t) {
            <option [value]="t" [selected]="t === type()">{{ typeLabels[t] }}s</option>
          }
        </select>
      </div>
      <div class="filters__actions">
        <button type="submit" class="button button--primary">Rechercher</button>
      </div>
    </form>

    <p class="result-count" role="status">{{ status() }}</p>

    @if (error(); as message) {
      <div class="alert alert--error" role="alert"><p>{{ message }}</p></div>
    }

    @if (results().length > 0) {
      <ol class="search-results" [attr.aria-busy]="loading()">
        @for (r of results(); track $index) {
          <li class="search-result">
            <p class="search-result__kind"><span class="badge">{{ typeLabels[r.type] }}</span> <span class="card__meta">{{ r.communeName }} · {{ date(r.at) }}</span></p>
            <h2 class="search-result__title"><a [routerLink]="path(r)" [fragment]="fragment(r)">{{ r.projectTitle }}</a></h2>
            <p class="search-result__excerpt">@for (part of r.excerpt; track $index) {@if (part.match) {<mark>{{ part.text }}</mark>} @else {<span>{{ part.text }}</span>}}</p>
          </li>
        }
      </ol>
      @if (results().length < total()) {
        <button type="button" class="button" (click)="more()">Voir plus de résultats</button>
      }
    }
  `,
})
export class SearchPage {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);
  private readonly params = toSignal(inject(ActivatedRoute).queryParamMap);

  protected readonly typeLabels = SEARCH_RESULT_TYPE_LABELS;
  /** A commune member never gets internal notes: the choice is not offered. */
  protected readonly types = computed(() =>
    SEARCH_RESULT_TYPES.filter((t) => t !== 'note' || (!!this.session.me() && !isCommuneRole(this.session.me()!.role))),
  );
  protected readonly q = computed(() => (this.params()?.get('q') ?? '').trim());
  protected readonly type = computed(() => (this.params()?.get('type') ?? '') as SearchResultType | '');
  protected readonly results = signal<SearchResult[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly status = computed(() => {
    if (this.loading()) return 'Recherche en cours…';
    if (this.error()) return '';
    const q = this.q();
    if (q.length < SEARCH_MIN_LENGTH) return `Saisissez au moins ${SEARCH_MIN_LENGTH} caractères.`;
    return resultSentence(this.total(), q);
  });

  private request = 0;

  constructor() {
    effect(() => {
      const q = this.q();
      const type = this.type();
      this.session.me()?.id; // what one may find depends on who asks
      untracked(() => void this.load(q, type, 0));
    });
  }

  protected submit(event: Event, q: string, type: string): void {
    event.preventDefault();
    void this.router.navigate([], { queryParams: { q: q.trim(), type: type || null } });
  }

  protected more(): void {
    void this.load(this.q(), this.type(), this.results().length);
  }

  protected path(r: SearchResult): string {
    return r.link.split('#')[0];
  }

  protected fragment(r: SearchResult): string | undefined {
    return r.link.split('#')[1];
  }

  protected date(iso: string): string {
    return formatDate(iso);
  }

  private async load(q: string, type: SearchResultType | '', offset: number): Promise<void> {
    const request = ++this.request;
    this.error.set(null);
    if (q.length < SEARCH_MIN_LENGTH) {
      this.results.set([]);
      this.total.set(0);
      return;
    }
    this.loading.set(true);
    try {
      const page = await firstValueFrom(this.api.search(q, { type, offset }));
      if (request !== this.request) return;
      this.results.set(offset ? [...this.results(), ...page.items] : page.items);
      this.total.set(page.total);
    } catch (error) {
      if (request !== this.request) return;
      this.results.set([]);
      this.total.set(0);
      this.error.set(toUserError(error).message);
    } finally {
      if (request === this.request) this.loading.set(false);
    }
  }
}
