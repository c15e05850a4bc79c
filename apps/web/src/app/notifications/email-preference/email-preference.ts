import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { EMAIL_MODE_LABELS, type EmailMode } from '@carnet/contracts';
import { toUserError } from '../../core/problem';
import { Outcome } from '../../shared/outcome';
import { NotificationsApi } from '../notifications-api';

const MODES: EmailMode[] = ['daily_digest', 'immediate', 'none'];

/** In « Mon compte »: how the person wants to be told by e-mail. */
@Component({
  selector: 'app-email-preference',
  imports: [Outcome],
  template: `
    <section class="panel" aria-labelledby="email-pref-title">
      <h2 id="email-pref-title">E-mails de notification</h2>
      @if (current(); as mode) {
        <form (submit)="save($event)">
          <fieldset class="fieldset">
            <legend>Quand voulez-vous être prévenu par e-mail de ce qui se passe sur vos projets ?</legend>
            @for (m of modes; track m) {
              <div class="radio">
                <input type="radio" name="emailMode" [id]="'email-mode-' + m" [value]="m" [checked]="chosen() === m" (change)="chosen.set(m)" />
                <label [for]="'email-mode-' + m">{{ labels[m] }}{{ m === defaultMode() ? ' — choix par défaut' : '' }}</label>
              </div>
            }
          </fieldset>
          <p class="form-actions">
            <button type="submit" class="button button--primary" [disabled]="pending() || chosen() === mode">Enregistrer</button>
          </p>
        </form>
      } @else if (!error()) {
        <p>Chargement…</p>
      }
      <app-outcome [success]="message()" [error]="error()" />
    </section>
  `,
  styles: `
    legend {
      font-weight: 600;
      margin-bottom: 0.5rem;
    }
    .radio {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2.75rem;
    }
    .radio input {
      /* Not squeezed by a label that wraps on a phone. */
      flex-shrink: 0;
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmailPreference {
  private readonly api = inject(NotificationsApi);
  protected readonly modes = MODES;
  protected readonly labels = EMAIL_MODE_LABELS;
  protected readonly current = signal<EmailMode | null>(null);
  protected readonly chosen = signal<EmailMode | null>(null);
  protected readonly defaultMode = signal<EmailMode | null>(null);
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);

  constructor() {
    this.api.settings().then(
      (s) => this.apply(s.emailMode, s.defaultEmailMode),
      (error) => this.error.set(`Vos préférences n’ont pas pu être chargées. ${toUserError(error).message}`),
    );
  }

  private apply(mode: EmailMode, fallback: EmailMode): void {
    this.current.set(mode);
    this.chosen.set(mode);
    this.defaultMode.set(fallback);
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const mode = this.chosen();
    if (!mode) return;
    this.pending.set(true);
    this.error.set(null);
    this.message.set(null);
    try {
      const s = await this.api.setEmailMode(mode);
      this.apply(s.emailMode, s.defaultEmailMode);
      this.message.set('Votre choix est enregistré.');
    } catch (error) {
      this.error.set(`Votre choix n’a pas été enregistré. ${toUserError(error).message}`);
    } finally {
      this.pending.set(false);
    }
  }
}
