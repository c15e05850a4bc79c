import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { PUBLICATION_LABELS, type RequestPublicationRequest } from '@carnet/contracts';
import { Api } from '../../core/api';
import { SessionStore } from '../../core/session';
import { isMayorOf, isOfCommune } from '../../core/roles';
import { focusFirstError } from '../shared/form-helpers';
import { FormFeedback } from './form-feedback';
import { CommandFormState, ProjectStore } from './project-store';

/**
 * Publication of a finished project: the commune proposes a public text (« retour d'expérience »),
 * then the mayor gives explicit consent to that exact text.
 */
@Component({
  selector: 'app-publication-panel',
  imports: [FormsModule, FormFeedback],
  template: `
    @if (detail(); as d) {
      <p>
        État : <strong>{{ labels[d.publication] }}</strong>
        @if (d.publication === 'none' && d.step !== 'termine') {
          <span class="hint-inline"> — un projet peut être publié une fois terminé.</span>
        }
      </p>
      @if (d.publicationSummary) {
        <figure class="quote">
          <figcaption>Résumé {{ d.publication === 'published' ? 'publié' : 'proposé' }}</figcaption>
          <blockquote>{{ d.publicationSummary }}</blockquote>
        </figure>
      }

      @if (canRequest()) {
        <form class="form form--compact" novalidate (ngSubmit)="requestPublication()" aria-labelledby="publication-request-title">
          <h3 id="publication-request-title">Demander la publication</h3>
          <div class="field">
            <label for="publication-summary">Résumé public du projet *</label>
            <textarea
              id="publication-summary"
              name="summary"
              rows="5"
              maxlength="5000"
              [(ngModel)]="summary"
              [attr.aria-invalid]="state.errors()['summary'] ? true : null"
              [attr.aria-describedby]="
                state.errors()['summary'] ? 'publication-summary-hint publication-summary-error' : 'publication-summary-hint'
              "
            ></textarea>
            <p id="publication-summary-hint" class="hint">
              Ce texte sera publié tel quel, après accord du maire : ce qui a été fait, ce qui a marché, ce que vous
              referiez autrement.
            </p>
            @if (state.errors()['summary']; as message) {
              <p id="publication-summary-error" class="field-error">{{ message }}</p>
            }
          </div>
          <div class="form-actions">
            <button type="submit" class="button button--primary" [disabled]="state.pending()">
              {{ state.pending() ? 'Envoi…' : 'Demander la publication' }}
            </button>
          </div>
        </form>
      }

      @if (canApprove()) {
        <form class="form form--compact" (ngSubmit)="approve()" aria-labelledby="publication-approval-title">
          <h3 id="publication-approval-title">Approuver la publication</h3>
          <p>En approuvant, vous acceptez que le résumé ci-dessus soit publié tel quel.</p>
          <div class="form-actions">
            <button type="submit" class="button button--primary" [disabled]="state.pending()">
              {{ state.pending() ? 'Publication…' : 'Approuver la publication' }}
            </button>
          </div>
        </form>
      } @else if (d.publication === 'requested' && isCommune()) {
        <p class="hint">Le maire de la commune doit approuver ce texte pour qu'il soit publié.</p>
      }
    }
    <app-form-feedback [state]="state" />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicationPanel {
  private readonly api = inject(Api);
  private readonly store = inject(ProjectStore);
  private readonly persona = inject(SessionStore).me;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly labels = PUBLICATION_LABELS;
  protected readonly state = new CommandFormState();
  protected readonly summary = signal('');
  protected readonly detail = this.store.detail;

  protected readonly isCommune = computed(() => {
    const d = this.detail();
    return !!d && isOfCommune(this.persona(), d.codeInsee);
  });
  protected readonly canRequest = computed(() => {
    const d = this.detail();
    return !!d && d.step === 'termine' && d.publication === 'none' && this.isCommune();
  });
  protected readonly canApprove = computed(() => {
    const d = this.detail();
    return !!d && d.publication === 'requested' && isMayorOf(this.persona(), d.codeInsee);
  });

  protected async requestPublication(): Promise<void> {
    const detail = this.detail();
    if (!detail || this.state.pending()) return;
    const summary = this.summary().trim();
    if (!this.state.begin(summary ? {} : { summary: 'Écrivez le résumé qui sera publié.' })) {
      focusFirstError(this.host.nativeElement);
      return;
    }
    const body: RequestPublicationRequest = { summary };
    const ok = await this.store.run(
      this.state,
      body,
      (ctx) => this.api.requestPublication(detail.id, body, ctx),
      'Publication demandée : le maire doit maintenant approuver le texte.',
    );
    if (ok) this.summary.set('');
    else focusFirstError(this.host.nativeElement);
  }

  protected async approve(): Promise<void> {
    const detail = this.detail();
    if (!detail || this.state.pending()) return;
    this.state.begin({});
    const ok = await this.store.run(this.state, null, (ctx) => this.api.approvePublication(detail.id, ctx), 'Le projet est publié.');
    if (!ok) focusFirstError(this.host.nativeElement);
  }
}
