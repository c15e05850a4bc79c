import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, signal, untracked, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { CommandAccepted, FaqEntryView, FaqHistory } from '@carnet/contracts';
import { firstValueFrom, type Observable } from 'rxjs';
import { FrDate } from '../core/format';
import { toUserError } from '../core/problem';
import { isDepartementRole } from '../core/roles';
import { SessionStore } from '../core/session';
import { Field, FieldControl } from '../shared/field';
import { Outcome } from '../shared/outcome';
import type { FieldErrors } from '../projects/shared/form-helpers';
import { AnswerText } from './answer-text';
import { FaqApi } from './faq-api';
import { FaqEntryForm, toRequest, type FaqFormValue } from './faq-entry-form';

/** « 2 noms, 1 adresse e-mail et le nom de la commune ont été retirés » — or null when nothing was. */
export function removedSentence(r: { names: number; emails: number; phones: number; communes: number }): string | null {
  const parts: string[] = [];
  const n = (count: number, one: string, many: string) => (count === 1 ? `1 ${one}` : `${count} ${many}`);
  if (r.names) parts.push(n(r.names, 'nom de personne', 'noms de personnes'));
  if (r.emails) parts.push(n(r.emails, 'adresse e-mail', 'adresses e-mail'));
  if (r.phones) parts.push(n(r.phones, 'numéro de téléphone', 'numéros de téléphone'));
  if (r.communes) parts.push(n(r.communes, 'nom de commune', 'noms de commune'));
  if (parts.length === 0) return null;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}`;
  return `Retirés automatiquement : ${list}. Relisez le brouillon : d’autres détails peuvent encore désigner la commune ou une personne.`;
}

type StatusAction = 'publication' | 'unpublication' | 'archive' | 'decline' | 'verification';

/** The Département's review screen of one entry (`/faq/:id`): edit, publish, decline, take back, archive, check; its history. */
@Component({
  selector: 'app-faq-entry-page',
  imports: [RouterLink, FrDate, FaqEntryForm, AnswerText, Outcome, Field, FieldControl],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="back"><a routerLink="/faq">← Questions fréquentes</a></p>
    @if (loadError(); as message) {
      <h1>Entrée introuvable</h1>
      <div class="alert alert--error" role="alert"><p>{{ message }}</p></div>
    } @else if (entry(); as e) {
      <h1 #heading tabindex="-1" id="faq-entry-title">{{ staff() ? 'Relire l’entrée' : e.question }}</h1>
      <p class="question__status">
        <span class="badge" [class.badge--ok]="e.status === 'published'">{{ e.statusLabel }}</span>
        <span class="byline">Vérifiée le <time [attr.datetime]="e.verifiedAt">{{ e.verifiedAt | frDate }}</time> · {{ e.teamLabel }}</span>
        @if (e.reviewDue) {
          <span class="badge badge--late">À vérifier (plus de 12 mois)</span>
        }
      </p>
      @if (e.proposedBy; as c) {
        <p class="byline">Proposée par la commune : {{ c.name }}.</p>
      }
      @if (e.statusReason) {
        <p class="byline">Motif : {{ e.statusReason }}</p>
      }
      @if (e.sourceChangedAt) {
        <div class="alert alert--info"><p>La réponse d’origine a été corrigée le {{ e.sourceChangedAt | frDate }} : vérifiez que cette entrée est toujours juste.</p></div>
      }
      @if (removed(); as sentence) {
        <div class="alert alert--info"><p>{{ sentence }}</p></div>
      }

      @if (staff() && !editor()) {
        <section class="panel" aria-labelledby="faq-read-title">
          <h2 id="faq-read-title">{{ e.question }}</h2>
          <app-answer-text [text]="e.answer" />
        </section>
      }
      @if (editor()) {
        <section class="panel" aria-labelledby="faq-edit-title">
          <h2 id="faq-edit-title">Question et réponse</h2>
          <app-faq-entry-form [initial]="formValue()" [withReason]="true" [pending]="pending()" [serverErrors]="fieldErrors()" labelledBy="faq-edit-title" (save)="revise($event)" />
        </section>
        <section class="panel" aria-labelledby="faq-status-title">
          <h2 id="faq-status-title">Publication</h2>
          <app-outcome [success]="success()" [error]="error()" />
          @if (e.status !== 'archived' && e.status !== 'declined') {
            <app-field label="Motif (pour refuser, retirer ou archiver)" [hint]="e.status === 'proposed' ? 'La commune qui a proposé l’entrée lit ce motif.' : null" [error]="reasonError()">
              <input appFieldControl id="faq-status-reason" type="text" maxlength="500" #reason />
            </app-field>
          }
          <div class="form-actions">
            @if (e.status === 'draft' || e.status === 'proposed' || e.status === 'unpublished') {
              <button type="button" class="button button--primary" [disabled]="pending()" (click)="act('publication')">Publier</button>
            }
            @if (e.status === 'proposed') {
              <button type="button" class="button" [disabled]="pending()" (click)="act('decline', reasonInput()?.nativeElement?.value)">Refuser la proposition</button>
            }
            @if (e.status === 'published') {
              <button type="button" class="button" [disabled]="pending()" (click)="act('verification')">Marquer comme vérifiée</button>
              <button type="button" class="button" [disabled]="pending()" (click)="act('unpublication', reasonInput()?.nativeElement?.value)">Retirer de la publication</button>
            }
            @if (e.status !== 'archived' && e.status !== 'declined') {
              <button type="button" class="button button--danger" [disabled]="pending()" (click)="act('archive', reasonInput()?.nativeElement?.value || '')">Archiver</button>
            }
          </div>
        </section>
      }
      @if (staff()) {
        @if (e.sourceQuestions?.length) {
          <section class="panel" aria-labelledby="faq-sources-title">
            <h2 id="faq-sources-title">Questions d’origine <span class="badge">Jamais montrées dans la FAQ</span></h2>
            <ul>
              @for (s of e.sourceQuestions; track s.questionId) {
                <li><a [routerLink]="['/projets', s.projectId]" [fragment]="'question-' + s.questionId">Voir la question dans son projet</a></li>
              }
            </ul>
          </section>
        }
        @if (history(); as h) {
          <section class="panel" aria-labelledby="faq-history-title">
            <h2 id="faq-history-title">Historique</h2>
            <ol class="history">
              @for (item of h.entries; track item.position) {
                <li>
                  <p class="history__summary"><strong>{{ item.summary }}</strong> — {{ item.actor.name }} ({{ item.actor.roleLabel }}), <time [attr.datetime]="item.at">{{ item.at | frDate: true }}</time></p>
                  @if (item.why) {
                    <p class="byline">Motif : {{ item.why }}</p>
                  }
                  @for (c of $first ? [] : item.changes; track c.field) {
                    @if (c.field !== 'answer') {
                      <p class="byline">{{ c.label }} : {{ c.before }} → {{ c.after }}</p>
                    } @else {
                      <p class="byline">Réponse modifiée.</p>
                    }
                  }
                </li>
              }
            </ol>
          </section>
        }
      } @else {
        <app-answer-text [text]="e.answer" />
      }
    } @else {
      <p role="status">Chargement…</p>
    }
  `,
})
export class FaqEntryPage {
  private readonly api = inject(FaqApi);
  private readonly session = inject(SessionStore);
  private readonly route = inject(ActivatedRoute);
  private readonly params = toSignal(this.route.paramMap);
  private readonly query = toSignal(this.route.queryParamMap);
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');
  protected readonly reasonInput = viewChild<ElementRef<HTMLInputElement>>('reason');

  protected readonly entry = signal<FaqEntryView | null>(null);
  protected readonly history = signal<FaqHistory | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly pending = signal(false);
  protected readonly success = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly reasonError = signal<string | null>(null);
  protected readonly fieldErrors = signal<FieldErrors>({});
  /** The Département edits; auditors read the entry and its history, and change nothing. */
  protected readonly editor = computed(() => isDepartementRole(this.session.me()?.role ?? null));
  protected readonly staff = computed(() => this.editor() || this.session.me()?.role === 'auditor');

  protected readonly removed = computed(() => {
    const q = this.query();
    if (!q?.has('noms')) return null;
    const n = (k: string) => Number(q.get(k) ?? 0) || 0;
    return removedSentence({ names: n('noms'), emails: n('courriels'), phones: n('telephones'), communes: n('communes') }) ?? 'Aucun nom, adresse e-mail ni numéro de téléphone n’a été trouvé : relisez quand même le brouillon.';
  });
  protected readonly formValue = computed<FaqFormValue>(() => {
    const e = this.entry();
    return e
      ? { question: e.question, answer: e.answer, category: e.category, keywords: e.keywords.join(', '), team: e.team, audience: e.audience, reason: '' }
      : { question: '', answer: '', category: '', keywords: '', team: '', audience: 'communes', reason: '' };
  });

  constructor() {
    effect(() => {
      const id = this.params()?.get('id');
      const position = Number(this.query()?.get('position') ?? 0) || null;
      if (id) untracked(() => void this.load(id, position));
    });
  }

  private async load(id: string, minPosition: number | null, focus = false): Promise<void> {
    try {
      const entry = await firstValueFrom(this.api.get(id, minPosition));
      this.entry.set(entry);
      this.loadError.set(null);
      if (this.staff()) this.history.set(await firstValueFrom(this.api.history(id)));
      if (focus) setTimeout(() => this.heading()?.nativeElement.focus());
    } catch (error) {
      this.loadError.set(toUserError(error).message);
    }
  }

  protected revise(value: FaqFormValue): Promise<void> {
    const e = this.entry()!;
    return this.run(this.api.revise(e.id, toRequest(value), e.version), 'Modifications enregistrées.');
  }

  protected act(action: StatusAction, reason?: string): Promise<void> {
    const e = this.entry()!;
    this.reasonError.set(null);
    if ((action === 'decline' || action === 'unpublication') && !reason?.trim()) {
      this.reasonError.set(action === 'decline' ? 'Dites à la commune pourquoi sa proposition est refusée.' : 'Dites pourquoi l’entrée est retirée.');
      setTimeout(() => this.reasonInput()?.nativeElement.focus());
      return Promise.resolve();
    }
    const messages: Record<StatusAction, string> = {
      publication: e.audience === 'public' ? 'Entrée publiée : elle est visible de tous, sur le portail aussi.' : 'Entrée publiée pour les communes.',
      unpublication: 'Entrée retirée de la publication.',
      archive: 'Entrée archivée.',
      decline: 'Proposition refusée : la commune lira le motif.',
      verification: 'Entrée marquée comme vérifiée aujourd’hui.',
    };
    return this.run(this.api.status(e.id, action, e.version, action === 'publication' || action === 'verification' ? undefined : (reason ?? '').trim()), messages[action]);
  }

  private async run(call: Observable<CommandAccepted>, message: string): Promise<void> {
    this.pending.set(true);
    this.success.set(null);
    this.error.set(null);
    this.fieldErrors.set({});
    try {
      const result = await firstValueFrom(call);
      await this.load(this.entry()!.id, result.position, true);
      this.success.set(message);
    } catch (error) {
      const e = toUserError(error);
      this.error.set(e.status === 409 ? `${e.message} La page a été rechargée : vérifiez puis recommencez.` : e.message);
      this.fieldErrors.set(e.fieldErrors);
      if (e.status === 409) await this.load(this.entry()!.id, null);
    } finally {
      this.pending.set(false);
    }
  }
}
