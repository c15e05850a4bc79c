import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ROLE_LABELS } from '@carnet/contracts';
import { FrDate } from '../../../core/format';
import { ProjectStore } from '../project-store';

/** « Historique » (`/projets/:id/historique`): who did what and when, the most recent first. */
@Component({
  selector: 'app-history-section',
  imports: [FrDate],
  template: `
    <section class="panel" aria-labelledby="history-title">
      <h2 id="history-title">Historique</h2>
      @if (store.historyError(); as message) {
        <p class="alert alert--error" role="alert">{{ message }}</p>
      }
      @if (store.history().length === 0 && !store.historyError()) {
        <p>Aucun événement pour l’instant.</p>
      } @else {
        <p class="hint">Du plus récent au plus ancien.</p>
        <ol class="history" reversed>
          @for (h of store.history(); track h.position) {
            <li>
              <time [attr.datetime]="h.at">{{ h.at | frDate: true }}</time>
              <span class="history__summary">{{ h.summary }}</span>
              <span class="byline">{{ h.actor.name }} ({{ roleLabels[h.actor.role] }})</span>
            </li>
          }
        </ol>
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HistorySection {
  protected readonly store = inject(ProjectStore);
  protected readonly roleLabels = ROLE_LABELS;
}
