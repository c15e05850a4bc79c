import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, signal, untracked, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { CATEGORY_LABELS, FAQ_STATUS_LABELS, type FaqEntryView, type FaqStatus, type QuestionCategory } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { toUserError } from '../core/problem';
import { isCommuneRole, isDepartementRole } from '../core/roles';
import { SessionStore } from '../core/session';
import { FaqApi } from './faq-api';
import { FaqEntryItem } from './faq-entry-item';
import { Outcome } from '../shared/outcome';

const CATEGORIES = Object.entries(CATEGORY_LABELS) as Array<[QuestionCategory, string]>;

/** « 4 réponses pour « subvention ecole ». » */
export function faqResultSentence(total: number, q: string, status: FaqStatus = 'published'): string {
  if (status !== 'published') return total === 0 ? `Aucune entrée « ${FAQ_STATUS_LABELS[status]} ».` : `${total} entrée${total > 1 ? 's' : ''} « ${FAQ_STATUS_LABELS[status]} ».`;
  if (!q) return total === 0 ? 'Aucune réponse publiée dans cette catégorie.' : `${total} réponse${total > 1 ? 's' : ''} publiée${total > 1 ? 's' : ''}.`;
  return total === 0 ? `Aucune réponse pour « ${q} ».` : `${total} réponse${total > 1 ? 's' : ''} pour « ${q} », les plus utiles d’abord.`;
}

/** The FAQ page (`/faq?q=&categorie=`): by category, or searched in French without accents. */
@Component({
  selector: 'app-faq-page',
  imports: [RouterLink, FaqEntryItem, Outcome],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>Questions fréquentes</h1>
      <p class="lead">Les réponses du Département aux questions que les communes se posent le plus souvent.</p>
      @if (isStaff()) {
        <p class="faq-actions">
          <a class="button button--primary" routerLink="/faq/nouvelle">Nouvelle entrée</a>
          <a class="button" routerLink="/faq/a-revoir">À revoir</a>
        </p>
      } @else if (isCommune()) {
        <p class="faq-actions"><a class="button" routerLink="/faq/proposer">Proposer une question et sa réponse</a></p>
      }
    </div>

    <form class="filters" role="search" aria-label="Chercher dans les questions fréquentes" (submit)="submit($event, qInput.value, categorySelect.value)">
      <div class="field field--grow">
        <label for="faq-q">Mots cherchés</label>
        <p class="hint" id="faq-q-hint">Sans tenir compte des accents ni du pluriel : « subvention ecole » trouve « subventions de l’école ».</p>
        <input id="faq-q" type="search" #qInput [value]="q()" autocomplete="off" aria-describedby="faq-q-hint" />
      </div>
      <div class="field">
        <label for="faq-category">Catégorie</label>
        <select id="faq-category" #categorySelect>
          <option value="" [selected]="category() === ''">Toutes</option>
          @for (c of categories; track c[0]) {
            <option [value]="c[0]" [selected]="c[0] === category()">{{ c[1] }}</option>
          }
        </select>
      </div>
      @if (isStaff()) {
        <div class="field">
          <label for="faq-status">Statut</label>
          <select id="faq-status" #statusSelect>
            @for (s of statuses; track s[0]) {
              <option [value]="s[0]" [selected]="s[0] === status()">{{ s[1] }}</option>
            }
          </select>
        </div>
      }
      <div class="filters__actions">
        <button type="submit" class="button button--primary">Rechercher</button>
      </div>
    </form>

    <app-outcome [success]="proposed() ? 'Merci : votre proposition est envoyée au Département, qui la relira. Vous la retrouvez plus bas.' : null" />
    <p class="result-count" role="status">{{ resultStatus() }}</p>
    @if (error(); as message) {
      <div class="alert alert--error" role="alert"><p>{{ message }}</p></div>
    }

    @if (q()) {
      <section aria-labelledby="faq-results-title">
        <h2 id="faq-results-title" class="visually-hidden">Résultats</h2>
        <ul class="faq-entries">
          @for (e of entries(); track e.id) {
            <li class="faq-entry"><app-faq-entry-item [entry]="e" /></li>
          }
        </ul>
      </section>
    } @else {
      @for (group of groups(); track group.code) {
        <section class="panel" [attr.aria-labelledby]="'faq-cat-' + group.code">
          <h2 [id]="'faq-cat-' + group.code">{{ group.label }}</h2>
          <ul class="faq-entries">
            @for (e of group.entries; track e.id) {
              <li class="faq-entry"><app-faq-entry-item [entry]="e" /></li>
            }
          </ul>
        </section>
      }
    }

    @if (proposals().length > 0) {
      <section class="panel" aria-labelledby="faq-proposals-title">
        <h2 id="faq-proposals-title">Les propositions de votre commune</h2>
        <ul class="faq-entries">
          @for (p of proposals(); track p.id) {
            <li class="faq-entry">
              <p><strong>{{ p.question }}</strong> — <span class="badge">{{ p.statusLabel }}</span></p>
              @if (p.statusReason) {
                <p class="byline">Motif : {{ p.statusReason }}</p>
              }
            </li>
          }
        </ul>
      </section>
    }
  `,
})
export class FaqPage {
  private readonly api = inject(FaqApi);
  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);
  private readonly params = toSignal(inject(ActivatedRoute).queryParamMap);

  protected readonly categories = CATEGORIES;
  private readonly statusSelect = viewChild<ElementRef<HTMLSelectElement>>('statusSelect');
  protected readonly statuses = Object.entries(FAQ_STATUS_LABELS) as Array<[FaqStatus, string]>;
  /** The Département may list drafts, proposals, withdrawn, declined or archived entries. */
  protected readonly status = computed(() => (this.params()?.get('statut') ?? 'published') as FaqStatus);
  protected readonly q = computed(() => (this.params()?.get('q') ?? '').trim());
  protected readonly category = computed(() => (this.params()?.get('categorie') ?? '') as QuestionCategory | '');
  /** Set after a commune sent a proposal: the log position to wait for, so that it is listed at once. */
  protected readonly proposed = computed(() => Number(this.params()?.get('proposee') ?? 0) || null);
  protected readonly entries = signal<FaqEntryView[]>([]);
  protected readonly proposals = signal<FaqEntryView[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly isStaff = computed(() => isDepartementRole(this.session.me()?.role ?? null));
  protected readonly isCommune = computed(() => isCommuneRole(this.session.me()?.role ?? null));

  protected readonly groups = computed(() =>
    CATEGORIES.map(([code, label]) => ({ code, label, entries: this.entries().filter((e) => e.category === code) })).filter((g) => g.entries.length > 0),
  );
  protected readonly resultStatus = computed(() => (this.loading() ? 'Recherche en cours…' : this.error() ? '' : faqResultSentence(this.entries().length, this.q(), this.status())));

  private request = 0;

  constructor() {
    effect(() => {
      const q = this.q();
      const category = this.category();
      const position = this.proposed();
      const status = this.status();
      this.session.me()?.id;
      untracked(() => void this.load(q, category, position, status));
    });
  }

  protected submit(event: Event, q: string, category: string): void {
    event.preventDefault();
    const status = this.statusSelect()?.nativeElement.value ?? '';
    void this.router.navigate([], { queryParams: { q: q.trim() || null, categorie: category || null, statut: status && status !== 'published' ? status : null } });
  }

  private async load(q: string, category: QuestionCategory | '', minPosition: number | null = null, status: FaqStatus = 'published'): Promise<void> {
    const request = ++this.request;
    this.loading.set(true);
    this.error.set(null);
    try {
      const [list, proposed, declined] = await Promise.all([
        firstValueFrom(this.api.list({ q, category, status: this.isStaff() ? status : 'published' })),
        this.isCommune() ? firstValueFrom(this.api.list({ status: 'proposed', minPosition })) : Promise.resolve({ items: [] as FaqEntryView[] }),
        this.isCommune() ? firstValueFrom(this.api.list({ status: 'declined' })) : Promise.resolve({ items: [] as FaqEntryView[] }),
      ]);
      if (request !== this.request) return;
      this.entries.set(list.items);
      this.proposals.set([...proposed.items, ...declined.items]);
    } catch (error) {
      if (request !== this.request) return;
      this.entries.set([]);
      this.error.set(toUserError(error).message);
    } finally {
      if (request === this.request) this.loading.set(false);
    }
  }
}
