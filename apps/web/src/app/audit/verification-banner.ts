import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import type { LogVerification } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { FrDate } from '../core/format';
import { toUserError } from '../core/problem';
import { AuditApi } from './audit-api';

/** « Journal intègre : N événements vérifiés », or the altered event named. */
@Component({
  selector: 'app-verification-banner',
  imports: [FrDate],
  template: `
    <section class="verification" aria-labelledby="verification-title">
      <h2 id="verification-title" class="visually-hidden">Intégrité du journal</h2>
      <div role="status">
        @if (result(); as r) {
          <div class="alert" [class.alert--success]="r.ok" [class.alert--error]="!r.ok">
            <p><strong>{{ r.summary }}</strong></p>
            @if (r.firstMismatch; as m) {
              <p>Premier événement altéré : n° {{ m.position }}, flux {{ m.streamId }}, révision {{ m.revision }}.</p>
            }
            <p class="hint">Vérifié le {{ r.checkedAt | frDate: true }}.</p>
          </div>
        } @else if (error(); as e) {
          <p class="alert alert--error">La vérification du journal a échoué : {{ e }}</p>
        } @else {
          <p class="hint">Vérification du journal en cours…</p>
        }
      </div>
      <button type="button" class="button button--small" [disabled]="loading()" (click)="run()">Vérifier à nouveau</button>
    </section>
  `,
  styles: `
    .verification { margin: 1rem 0; }
    .verification .alert p { margin: 0.25rem 0; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VerificationBanner implements OnInit {
  private readonly api = inject(AuditApi);
  protected readonly result = signal<LogVerification | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly loading = signal(false);

  ngOnInit(): void {
    void this.run();
  }

  protected async run(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    this.result.set(null);
    try {
      this.result.set(await firstValueFrom(this.api.verify()));
    } catch (error) {
      this.error.set(toUserError(error).message);
    } finally {
      this.loading.set(false);
    }
  }
}
