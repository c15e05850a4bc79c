import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { PUBLICATION_LABELS, type PublicContentRequest, type PublicContentView, type PublicationVersionView } from '@carnet/contracts';
import { FinancingApi } from '../../financing/financing-api';
import { grantedFundingRows } from '../../financing/public-funding';
import { firstValueFrom } from 'rxjs';
import { Api } from '../../core/api';
import { toUserError } from '../../core/problem';
import { Euros, FrDate } from '../../core/format';
import { isDepartementRole, isMayorOf, isOfCommune } from '../../core/roles';
import { SessionStore } from '../../core/session';
import { focusFirstError, type FieldErrors } from '../shared/form-helpers';
import { FormFeedback } from './form-feedback';
import { CommandFormState, ProjectStore } from './project-store';
import { frenchPoint } from '../../map/project-location';

interface FundingRow {
  source: string;
  amount: string;
}

/** The form's fields, as typed (amounts as text, in euros). */
interface Draft {
  title: string;
  summary: string;
  finalCost: string;
  funding: FundingRow[];
  lessons: string;
  documentIds: string[];
}

const amountOf = (text: string): number | null => {
  const cleaned = text.replace(/\s|€/g, '').replace(',', '.');
  if (!cleaned) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : Number.NaN;
};

/**
 * Publication of a finished project (issue #5): the commune writes the public content, the
 * Département may correct or mask it, and the mayor approves ONE exact version, shown with its
 * fingerprint. Only that version is public; a later edit waits for a new approval.
 */
@Component({
  selector: 'app-publication-panel',
  imports: [FormsModule, FormFeedback, Euros, FrDate],
  template: `
    @if (detail(); as d) {
      <p>
        État : <strong>{{ labels[d.publication] }}</strong>
        @if (d.publication === 'none' && d.step !== 'termine') {
          <span class="hint-inline"> — un projet peut être publié une fois terminé.</span>
        }
      </p>
      @if (work(); as w) {
        @if (w.approved; as a) {
          <p>
            Le public lit la <strong>version {{ a.version }}</strong>, approuvée par {{ a.approvedBy.name }} le {{ a.approvedAt | frDate: true }}.
          </p>
        }
        @if (w.withdrawn; as wd) {
          <p>Publication retirée par {{ wd.by.name }} le {{ wd.at | frDate: true }} : « {{ wd.reason }} »</p>
        }
        <article class="public-version" aria-labelledby="public-version-title">
          <h3 id="public-version-title">
            Version {{ w.latest.version }}
            @if (w.awaitingApproval) {
              <span class="badge">En attente de l’accord du maire</span>
            } @else if (w.approved?.version === w.latest.version) {
              <span class="badge badge--ok">Publiée</span>
            }
          </h3>
          <p class="hint">
            Écrite par {{ w.latest.writtenBy.name }} le {{ w.latest.writtenAt | frDate: true }}
            @if (w.latest.reason) {
              — raison : « {{ w.latest.reason }} »
            }
          </p>
          <dl class="public-content">
            <dt>Titre public</dt>
            <dd>{{ w.latest.content.title }}</dd>
            <dt>Ce qui a été fait</dt>
            <dd class="prewrap">{{ w.latest.content.summary }}</dd>
            <dt>Coût final</dt>
            <dd>{{ w.latest.content.finalCostHt | euros }}</dd>
            <dt>Financements obtenus</dt>
            <dd>
              @if (w.latest.content.funding.length === 0) {
                —
              } @else {
                <ul>
                  @for (f of w.latest.content.funding; track $index) {
                    <li>{{ f.source }} : {{ f.amountHt | euros }}</li>
                  }
                </ul>
              }
            </dd>
            <dt>Retour d’expérience</dt>
            <dd class="prewrap">{{ w.latest.content.lessonsLearned || '—' }}</dd>
            <dt>Documents publiés</dt>
            <dd>{{ documentTitles(w.latest.content) }}</dd>
            <dt>Emplacement sur la carte publique</dt>
            <dd>{{ placeText(w.latest.content) }}</dd>
          </dl>
          <p class="fingerprint">
            Empreinte de cette version : <code>{{ w.latest.fingerprint.slice(0, 16) }}…</code>
            <span class="visually-hidden"> (empreinte complète : {{ w.latest.fingerprint }})</span>
          </p>
        </article>
      }

      @if (canApprove()) {
        <form class="form form--compact" novalidate (ngSubmit)="approve()" aria-labelledby="publication-approval-title">
          <h3 id="publication-approval-title">Approuver la version {{ work()!.latest.version }}</h3>
          <p>
            En approuvant, vous acceptez qu’<strong>exactement cette version</strong> (empreinte
            <code>{{ work()!.latest.fingerprint.slice(0, 16) }}…</code>) soit lisible par tous sur internet. Toute modification
            ultérieure vous sera de nouveau soumise.
          </p>
          <div class="field field--checkbox">
            <input id="publication-read" type="checkbox" name="read" [(ngModel)]="hasRead"
              [attr.aria-invalid]="approval.errors()['read'] ? true : null"
              [attr.aria-describedby]="approval.errors()['read'] ? 'publication-read-error' : null" />
            <label for="publication-read">J’ai relu la version {{ work()!.latest.version }}</label>
            @if (approval.errors()['read']; as message) {
              <p id="publication-read-error" class="field-error">{{ message }}</p>
            }
          </div>
          <div class="form-actions">
            <button type="submit" class="button button--primary" [disabled]="approval.pending()">
              {{ approval.pending() ? 'Publication…' : 'Approuver la version ' + work()!.latest.version }}
            </button>
          </div>
        </form>
      } @else if (work()?.awaitingApproval && isCommune()) {
        <p class="hint">Le maire de la commune doit approuver cette version pour qu’elle soit publiée.</p>
      }

      @if (canRequest() || canRevise()) {
        @if (!editing()) {
          <!-- Opened on demand: the page stays short until the commune writes its public content. -->
          <button #editOpener type="button" class="button" [class.button--primary]="canRequest()" aria-expanded="false" (click)="startEditing()">
            {{ canRevise() ? 'Modifier la version à publier' : 'Rédiger la fiche publique' }}
          </button>
        } @else {
          <form class="form form--compact" novalidate (ngSubmit)="save()" (keydown.escape)="stopEditing()" aria-labelledby="publication-form-title">
            <h3 id="publication-form-title">{{ canRequest() ? 'Demander la publication' : 'Nouvelle version à publier' }}</h3>
            <p class="hint">Ce texte sera lisible par tous sur internet après l’accord du maire : n’y mettez pas de données personnelles.</p>
            <div class="field">
              <label for="publication-title-input">Titre public *</label>
              <input type="text" id="publication-title-input" name="title" maxlength="160" [ngModel]="draft().title" (ngModelChange)="patch({ title: $event })"
                [attr.aria-invalid]="form.errors()['title'] ? true : null" [attr.aria-describedby]="form.errors()['title'] ? 'publication-title-error' : null" />
              @if (form.errors()['title']; as message) {
                <p id="publication-title-error" class="field-error">{{ message }}</p>
              }
            </div>
            <div class="field">
              <label for="publication-summary">Ce qui a été fait *</label>
              <textarea id="publication-summary" name="summary" rows="5" maxlength="5000" [ngModel]="draft().summary" (ngModelChange)="patch({ summary: $event })"
                [attr.aria-invalid]="form.errors()['summary'] ? true : null"
                [attr.aria-describedby]="form.errors()['summary'] ? 'publication-summary-hint publication-summary-error' : 'publication-summary-hint'"></textarea>
              <p id="publication-summary-hint" class="hint">En quelques phrases : l’objet, les étapes, le résultat.</p>
              @if (form.errors()['summary']; as message) {
                <p id="publication-summary-error" class="field-error">{{ message }}</p>
              }
            </div>
            <div class="field">
              <label for="publication-cost">Coût final (€ HT)</label>
              <input type="text" id="publication-cost" name="finalCost" inputmode="decimal" [ngModel]="draft().finalCost" (ngModelChange)="patch({ finalCost: $event })"
                [attr.aria-invalid]="form.errors()['finalCostHt'] ? true : null" [attr.aria-describedby]="form.errors()['finalCostHt'] ? 'publication-cost-error' : null" />
              @if (form.errors()['finalCostHt']; as message) {
                <p id="publication-cost-error" class="field-error">{{ message }}</p>
              }
            </div>
            <fieldset class="field">
              <legend>Financements obtenus</legend>
              @for (row of draft().funding; track $index; let i = $index) {
                <div class="funding-row">
                  <div class="field">
                    <label [for]="'funding-source-' + i">Financeur {{ i + 1 }}</label>
                    <input type="text" [id]="'funding-source-' + i" [name]="'fundingSource' + i" [ngModel]="row.source" (ngModelChange)="setFunding(i, { source: $event })" />
                  </div>
                  <div class="field">
                    <label [for]="'funding-amount-' + i">Montant {{ i + 1 }} (€ HT)</label>
                    <input type="text" [id]="'funding-amount-' + i" [name]="'fundingAmount' + i" inputmode="decimal" [ngModel]="row.amount" (ngModelChange)="setFunding(i, { amount: $event })"
                      [attr.aria-invalid]="form.errors()['funding.' + i] ? true : null"
                      [attr.aria-describedby]="form.errors()['funding.' + i] ? 'funding-error-' + i : null" />
                  </div>
                  <button type="button" class="button button--small" (click)="removeFunding(i)">Retirer<span class="visually-hidden"> le financeur {{ i + 1 }}</span></button>
                  @if (form.errors()['funding.' + i]; as message) {
                    <p [id]="'funding-error-' + i" class="field-error">{{ message }}</p>
                  }
                </div>
              }
              <button type="button" class="button button--small" (click)="addFunding()">Ajouter un financement</button>
              <button type="button" class="button button--small" (click)="fundingFromPlan()">Reprendre les financements accordés du plan de financement</button>
              @if (fromPlanText(); as text) { <p class="hint" role="status">{{ text }}</p> }
            </fieldset>
            <div class="field">
              <label for="publication-lessons">Retour d’expérience</label>
              <textarea id="publication-lessons" name="lessons" rows="4" maxlength="5000" [ngModel]="draft().lessons" (ngModelChange)="patch({ lessons: $event })"
                aria-describedby="publication-lessons-hint"></textarea>
              <p id="publication-lessons-hint" class="hint">Ce qui a bien marché, ce qui a coincé, ce que vous feriez autrement : c’est ce que les autres élus cherchent.</p>
            </div>
            @if (publicDocuments().length > 0) {
              <fieldset class="field">
                <legend>Documents publics à montrer</legend>
                @for (doc of publicDocuments(); track doc.id) {
                  <div class="field--checkbox">
                    <input type="checkbox" [id]="'publication-doc-' + doc.id" [name]="'doc' + doc.id" [checked]="draft().documentIds.includes(doc.id)" (change)="toggleDocument(doc.id)" />
                    <label [for]="'publication-doc-' + doc.id">{{ doc.title }}</label>
                  </div>
                }
              </fieldset>
            }
            @if (canRevise()) {
              <div class="field">
                <label for="publication-reason">Pourquoi cette modification ? *</label>
                <input type="text" id="publication-reason" name="reason" maxlength="1000" [ngModel]="reason()" (ngModelChange)="reason.set($event)"
                  [attr.aria-invalid]="form.errors()['reason'] ? true : null" [attr.aria-describedby]="form.errors()['reason'] ? 'publication-reason-error' : null" />
                @if (form.errors()['reason']; as message) {
                  <p id="publication-reason-error" class="field-error">{{ message }}</p>
                }
              </div>
            }
            <div class="form-actions">
              <button type="submit" class="button button--primary" [disabled]="form.pending()">
                {{ form.pending() ? 'Envoi…' : canRequest() ? 'Demander la publication' : 'Enregistrer la nouvelle version' }}
              </button>
              <button type="button" class="button button--link" (click)="stopEditing()">Annuler</button>
            </div>
          </form>
        }
      }

      @if (canWithdraw()) {
        <form class="form form--compact" novalidate (ngSubmit)="withdraw()" aria-labelledby="publication-withdraw-title">
          <h3 id="publication-withdraw-title">Retirer la publication</h3>
          <div class="field">
            <label for="publication-withdraw-reason">Raison du retrait *</label>
            <input type="text" id="publication-withdraw-reason" name="withdrawReason" maxlength="1000" [ngModel]="withdrawReason()" (ngModelChange)="withdrawReason.set($event)"
              [attr.aria-invalid]="withdrawal.errors()['reason'] ? true : null" [attr.aria-describedby]="withdrawal.errors()['reason'] ? 'publication-withdraw-error' : null" />
            @if (withdrawal.errors()['reason']; as message) {
              <p id="publication-withdraw-error" class="field-error">{{ message }}</p>
            }
          </div>
          <div class="form-actions">
            <button type="submit" class="button" [disabled]="withdrawal.pending()">Retirer la publication</button>
          </div>
        </form>
      }
    }
    <!-- Outside the forms: a form that disappears once its command is done still says so. -->
    <app-form-feedback [state]="form" />
    <app-form-feedback [state]="approval" />
    <app-form-feedback [state]="withdrawal" />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicationPanel {
  private readonly api = inject(Api);
  private readonly store = inject(ProjectStore);
  private readonly financing = inject(FinancingApi);
  private readonly persona = inject(SessionStore).me;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly editOpener = viewChild<ElementRef<HTMLButtonElement>>('editOpener');

  protected readonly labels = PUBLICATION_LABELS;
  /** The point frozen in the version (issue #10): the mayor approves it with the text. */
  protected readonly placeText = (c: PublicContentView) => (c.location ? `point précis ${frenchPoint(c.location)}` : 'la commune entière');
  protected readonly form = new CommandFormState();
  protected readonly approval = new CommandFormState();
  protected readonly withdrawal = new CommandFormState();
  protected readonly detail = this.store.detail;
  protected readonly work = computed(() => this.detail()?.publicationWork ?? null);
  protected readonly draft = signal<Draft>({ title: '', summary: '', finalCost: '', funding: [], lessons: '', documentIds: [] });
  protected readonly reason = signal('');
  protected readonly withdrawReason = signal('');
  protected readonly editing = signal(false);
  protected hasRead = false;

  protected readonly isCommune = computed(() => {
    const d = this.detail();
    return !!d && isOfCommune(this.persona(), d.codeInsee);
  });
  protected readonly publicDocuments = computed(() => (this.detail()?.documents ?? []).filter((d) => d.public));
  /** The commune asks for a finished project never published, or withdrawn. */
  protected readonly canRequest = computed(() => {
    const d = this.detail();
    return !!d && d.step === 'termine' && (d.publication === 'none' || d.publication === 'withdrawn') && this.isCommune();
  });
  /** The commune, or the Département (to correct or mask), writes a new version while a publication is requested or public. */
  protected readonly canRevise = computed(() => {
    const d = this.detail();
    if (!d || (d.publication !== 'requested' && d.publication !== 'published')) return false;
    return this.isCommune() || isDepartementRole(this.persona()?.role ?? null);
  });
  protected readonly canApprove = computed(() => {
    const d = this.detail();
    return !!d && !!this.work()?.awaitingApproval && isMayorOf(this.persona(), d.codeInsee);
  });
  protected readonly canWithdraw = computed(() => {
    const d = this.detail();
    return !!d && d.publication === 'published' && (isMayorOf(this.persona(), d.codeInsee) || this.persona()?.role === 'departement_admin');
  });

  constructor() {
    const d = this.detail();
    if (d) this.draft.set({ ...this.draft(), title: d.title });
  }

  protected documentTitles(content: PublicContentView): string {
    const titles = new Map((this.detail()?.documents ?? []).map((d) => [d.id, d.title]));
    return content.documents.map((d) => titles.get(d.documentId) ?? 'Document').join(', ') || '—';
  }

  protected patch(change: Partial<Draft>): void {
    this.draft.update((d) => ({ ...d, ...change }));
  }

  protected setFunding(index: number, change: Partial<FundingRow>): void {
    this.draft.update((d) => ({ ...d, funding: d.funding.map((row, i) => (i === index ? { ...row, ...change } : row)) }));
  }

  protected addFunding(): void {
    this.draft.update((d) => ({ ...d, funding: [...d.funding, { source: '', amount: '' }] }));
  }

  protected readonly fromPlanText = signal<string | null>(null);

  /** Fills « Financements obtenus » with the plan's granted lines (issue #12); published only once the mayor approves it. */
  protected async fundingFromPlan(): Promise<void> {
    const id = this.store.id();
    if (!id) return;
    try {
      const rows = grantedFundingRows(await firstValueFrom(this.financing.plan(id)));
      this.draft.update((d) => ({ ...d, funding: rows }));
      this.fromPlanText.set(rows.length ? `${rows.length} financement(s) accordé(s) repris du plan : vérifiez-les avant d’envoyer.` : 'Le plan de financement n’a encore aucun financement accordé.');
    } catch (error) {
      this.fromPlanText.set(toUserError(error).message);
    }
  }

  protected removeFunding(index: number): void {
    this.draft.update((d) => ({ ...d, funding: d.funding.filter((_, i) => i !== index) }));
  }

  protected toggleDocument(id: string): void {
    this.draft.update((d) => ({ ...d, documentIds: d.documentIds.includes(id) ? d.documentIds.filter((x) => x !== id) : [...d.documentIds, id] }));
  }

  /** A revision starts from the latest version. */
  protected startEditing(): void {
    const latest: PublicationVersionView | undefined = this.work()?.latest;
    if (latest) {
      const c = latest.content;
      this.draft.set({
        title: c.title,
        summary: c.summary,
        finalCost: c.finalCostHt === null ? '' : String(c.finalCostHt),
        funding: c.funding.map((f) => ({ source: f.source, amount: String(f.amountHt) })),
        lessons: c.lessonsLearned,
        documentIds: c.documents.map((d) => d.documentId),
      });
    }
    this.reason.set('');
    this.editing.set(true);
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('#publication-title-input')?.focus(), { injector: this.injector });
  }

  /** « Annuler »: nothing sent, the focus goes back to the button that opened the form. */
  protected stopEditing(): void {
    this.editing.set(false);
    afterNextRender(() => this.editOpener()?.nativeElement.focus(), { injector: this.injector });
  }

  /** The request body, or the errors a person can fix before sending. */
  private body(): { body: PublicContentRequest; errors: FieldErrors } {
    const d = this.draft();
    const errors: FieldErrors = {};
    if (!d.title.trim()) errors['title'] = 'Donnez un titre public.';
    if (!d.summary.trim()) errors['summary'] = 'Décrivez ce qui a été fait.';
    const finalCostHt = amountOf(d.finalCost);
    if (finalCostHt !== null && (Number.isNaN(finalCostHt) || finalCostHt < 0)) errors['finalCostHt'] = 'Indiquez un montant en euros, par exemple 182000.';
    const funding = d.funding
      .map((row, i) => ({ row, i, amount: amountOf(row.amount) }))
      .filter(({ row }) => row.source.trim() || row.amount.trim());
    for (const { row, i, amount } of funding) {
      if (!row.source.trim()) errors[`funding.${i}`] = 'Indiquez le financeur.';
      else if (amount === null || Number.isNaN(amount) || amount < 0) errors[`funding.${i}`] = 'Indiquez le montant obtenu en euros.';
    }
    return {
      errors,
      body: {
        title: d.title.trim(),
        summary: d.summary.trim(),
        finalCostHt: finalCostHt !== null && !Number.isNaN(finalCostHt) ? finalCostHt : null,
        funding: funding.map(({ row, amount }) => ({ source: row.source.trim(), amountHt: amount ?? 0 })),
        lessonsLearned: d.lessons.trim(),
        documentIds: d.documentIds,
      },
    };
  }

  /** One outcome at a time: the message of an earlier step (« Publication demandée ») is not left beside the next one. */
  private clearOthers(current: CommandFormState): void {
    for (const state of [this.form, this.approval, this.withdrawal]) {
      if (state === current) continue;
      state.success.set(null);
      state.error.set(null);
    }
  }

  protected async save(): Promise<void> {
    const detail = this.detail();
    if (!detail || this.form.pending()) return;
    this.clearOthers(this.form);
    const { body, errors } = this.body();
    const revising = this.canRevise();
    if (revising && !this.reason().trim()) errors['reason'] = 'Indiquez pourquoi vous modifiez la version à publier.';
    if (!this.form.begin(errors)) {
      focusFirstError(this.host.nativeElement);
      return;
    }
    const ok = revising
      ? await this.store.run(this.form, { ...body, reason: this.reason() }, (ctx) => this.api.revisePublication(detail.id, { ...body, reason: this.reason().trim() }, ctx),
          'Nouvelle version enregistrée : le maire doit l’approuver pour qu’elle soit publiée.')
      : await this.store.run(this.form, body, (ctx) => this.api.requestPublication(detail.id, body, ctx),
          'Publication demandée : le maire doit maintenant approuver cette version.');
    if (ok) this.editing.set(false);
    else focusFirstError(this.host.nativeElement);
  }

  protected async approve(): Promise<void> {
    const detail = this.detail();
    const latest = this.work()?.latest;
    if (!detail || !latest || this.approval.pending()) return;
    this.clearOthers(this.approval);
    if (!this.approval.begin(this.hasRead ? {} : { read: 'Cochez la case pour confirmer que vous avez relu cette version.' })) {
      focusFirstError(this.host.nativeElement);
      return;
    }
    const body = { version: latest.version, fingerprint: latest.fingerprint };
    const ok = await this.store.run(this.approval, body, (ctx) => this.api.approvePublication(detail.id, body, ctx), `La version ${latest.version} est publiée.`);
    if (ok) this.hasRead = false;
    else focusFirstError(this.host.nativeElement);
  }

  protected async withdraw(): Promise<void> {
    const detail = this.detail();
    if (!detail || this.withdrawal.pending()) return;
    this.clearOthers(this.withdrawal);
    const reason = this.withdrawReason().trim();
    if (!this.withdrawal.begin(reason ? {} : { reason: 'Indiquez pourquoi vous retirez la publication.' })) {
      focusFirstError(this.host.nativeElement);
      return;
    }
    const ok = await this.store.run(this.withdrawal, { reason }, (ctx) => this.api.withdrawPublication(detail.id, { reason }, ctx), 'La publication est retirée.');
    if (ok) this.withdrawReason.set('');
    else focusFirstError(this.host.nativeElement);
  }
}
