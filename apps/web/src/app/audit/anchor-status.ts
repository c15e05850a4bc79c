import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import type { AnchorStatus } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { FrDate } from '../core/format';
import { toUserError } from '../core/problem';
import { AuditApi } from './audit-api';

/** The last audit anchor: how old it is, what it seals, what is not sealed yet, and its fingerprint to copy. */
@Component({
  selector: 'app-anchor-status',
  imports: [FrDate],
  template: `
    <section class="anchor-status" aria-labelledby="anchor-title">
      <h2 id="anchor-title">Dernière ancre d’audit</h2>
      <div role="status">
        @if (status(); as s) {
          <p>{{ s.summary }}</p>
          @if (s.latest; as a) {
            <dl class="anchor-status__facts">
              <dt>Enregistrée le</dt>
              <dd>{{ a.recordedAt | frDate: true }}</dd>
              <dt>Empreinte à conserver</dt>
              <dd><code class="anchor-status__hash">{{ a.headsHash }}</code></dd>
            </dl>
          }
          <p class="hint">{{ policyText(s) }}</p>
        } @else if (error(); as e) {
          <p class="alert alert--error">La dernière ancre n’a pas pu être lue : {{ e }}</p>
        } @else {
          <p class="hint">Lecture de la dernière ancre…</p>
        }
      </div>
    </section>
  `,
  styles: `
    .anchor-status { margin: 1rem 0; }
    .anchor-status__facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0; }
    .anchor-status__facts dd { margin: 0; min-width: 0; }
    .anchor-status__hash { overflow-wrap: anywhere; }
    @media (max-width: 40rem) { .anchor-status__facts { grid-template-columns: 1fr; } .anchor-status__facts dd { margin-bottom: 0.5rem; } }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AnchorStatusPanel implements OnInit {
  private readonly api = inject(AuditApi);
  protected readonly status = signal<AnchorStatus | null>(null);
  protected readonly error = signal<string | null>(null);

  async ngOnInit(): Promise<void> {
    try {
      this.status.set(await firstValueFrom(this.api.latestAnchor()));
    } catch (error) {
      this.error.set(toUserError(error).message);
    }
  }

  protected policyText(status: AnchorStatus): string {
    return anchorPolicyText(status.policy);
  }
}

/** « Le serveur enregistre une ancre à chaque démarrage, tous les 1 000 événements et toutes les 60 minutes. » */
export function anchorPolicyText(policy: AnchorStatus['policy']): string {
  const parts = [
    policy.atStartup ? 'à chaque démarrage' : null,
    policy.everyEvents > 0 ? `tous les ${policy.everyEvents.toLocaleString('fr-FR')} événements` : null,
    policy.everyMinutes > 0 ? `toutes les ${policy.everyMinutes.toLocaleString('fr-FR')} minutes` : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return 'Le serveur n’enregistre pas d’ancre de lui-même : une tâche planifiée s’en charge (npm run audit:anchor).';
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} et ${parts.at(-1)}`;
  return `Le serveur enregistre une ancre ${list}, si le journal a changé.`;
}
