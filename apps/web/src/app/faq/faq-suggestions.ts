import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import type { FaqSuggestion } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { newIdempotencyKey } from '../core/idempotency';
import { AnswerText } from './answer-text';
import { FaqApi } from './faq-api';

/** How long the typing must pause before the suggestions are looked up. */
export const SUGGESTION_DEBOUNCE_MS = 400;
/** Fewer characters than this are not worth a search. */
export const SUGGESTION_MIN_LENGTH = 8;

/** « 3 réponses déjà publiées pourraient vous aider. », said politely to screen readers. */
export function suggestionSentence(count: number): string {
  if (count === 0) return '';
  return count === 1 ? 'Une réponse déjà publiée pourrait vous aider.' : `${count} réponses déjà publiées pourraient vous aider.`;
}

/**
 * The FAQ entries closest to the question a commune member is typing (issue #11), beside the
 * question form. Opening one records it (an asking session); leaving the form or emptying it ends
 * the session, and the server counts a « question évitée » when no question was sent since (ADR 0018).
 */
@Component({
  selector: 'app-faq-suggestions',
  imports: [AnswerText],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <!-- The live region exists before any suggestion, outside the panel that appears with them, so that the news is read out. -->
    <p role="status" class="visually-hidden">{{ sentence() }}</p>
    <aside class="faq-suggestions" aria-labelledby="faq-suggestions-title" [hidden]="suggestions().length === 0">
      <h4 id="faq-suggestions-title" class="faq-suggestions__title">Avant d’envoyer : des réponses existent peut-être</h4>
      <p class="faq-suggestions__status">{{ summary() }}</p>
      <ul class="faq-suggestions__list">
        @for (s of suggestions(); track s.id) {
          <li class="faq-suggestion">
            <button
              type="button"
              class="faq-suggestion__toggle"
              [id]="'faq-suggestion-' + s.id"
              [attr.aria-expanded]="open() === s.id"
              [attr.aria-controls]="'faq-suggestion-answer-' + s.id"
              (click)="toggle(s)"
            >
              <span class="faq-suggestion__question">{{ s.question }}</span>
              <span class="faq-suggestion__category">{{ s.categoryLabel }}</span>
            </button>
            @if (open() === s.id) {
              <div class="faq-suggestion__answer" [id]="'faq-suggestion-answer-' + s.id" role="region" [attr.aria-labelledby]="'faq-suggestion-' + s.id">
                <app-answer-text [text]="s.answer" />
                <p class="hint">Cette réponse suffit ? Vous pouvez quitter le formulaire sans envoyer votre question.</p>
              </div>
            }
          </li>
        }
      </ul>
    </aside>
  `,
})
export class FaqSuggestions {
  private readonly api = inject(FaqApi);

  /** The project the question is written on. */
  readonly projectId = input.required<string>();
  /** What the person is typing. */
  readonly text = input.required<string>();

  protected readonly suggestions = signal<FaqSuggestion[]>([]);
  /** What the live region says, once per change of the list. */
  protected readonly sentence = signal('');
  /** The same, always shown in the panel. */
  protected readonly summary = computed(() => suggestionSentence(this.suggestions().length));
  protected readonly open = signal<string | null>(null);

  /** The asking session: created at the first suggestion opened, ended when the form is left or emptied. */
  private askingId: string | null = null;
  private opened = new Set<string>();
  /** The last opening sent: leaving waits for it, so that the server sees the opening first. */
  private lastOpening: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private request = 0;

  constructor() {
    effect(() => {
      const text = this.text();
      untracked(() => this.typed(text));
    });
    const leave = () => this.end();
    window.addEventListener('pagehide', leave);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('pagehide', leave);
      if (this.timer) clearTimeout(this.timer);
      this.end();
    });
  }

  private typed(text: string): void {
    if (this.timer) clearTimeout(this.timer);
    if (text.trim() === '') {
      // Emptied: sent (the form resets itself) or given up. The server tells which from the log.
      this.end();
      this.show([]);
      return;
    }
    if (text.trim().length < SUGGESTION_MIN_LENGTH) return;
    this.timer = setTimeout(() => void this.lookUp(text), SUGGESTION_DEBOUNCE_MS);
  }

  private async lookUp(text: string): Promise<void> {
    const request = ++this.request;
    try {
      const found = await firstValueFrom(this.api.suggestions(text));
      if (request === this.request) this.show(found);
    } catch {
      // Suggestions are a help, never an obstacle: on failure the form simply works without them.
    }
  }

  private show(found: FaqSuggestion[]): void {
    const same = found.map((s) => s.id).join() === this.suggestions().map((s) => s.id).join();
    this.suggestions.set(found);
    if (!found.some((s) => s.id === this.open())) this.open.set(null);
    // Announced only when the list changes, not at each keystroke.
    if (!same) this.sentence.set(suggestionSentence(found.length));
  }

  protected toggle(s: FaqSuggestion): void {
    if (this.open() === s.id) {
      this.open.set(null);
      return;
    }
    this.open.set(s.id);
    if (this.opened.has(s.id)) return;
    this.opened.add(s.id);
    this.askingId ??= newIdempotencyKey();
    this.lastOpening = firstValueFrom(this.api.suggestionOpened(this.askingId, this.projectId(), s.id)).catch(() => undefined);
  }

  private end(): void {
    const askingId = this.askingId;
    if (!askingId) return;
    void this.lastOpening.then(() => this.api.abandon(askingId));
    this.askingId = null;
    this.opened = new Set();
  }
}
