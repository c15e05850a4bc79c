import { ChangeDetectionStrategy, Component } from '@angular/core';
import { FinancingPanel } from '../../../financing/financing-panel';

/** « Financement » (`/projets/:id/financement`): the financing plan, its live checks and the saved estimates (issue #12). */
@Component({
  selector: 'app-financing-section',
  imports: [FinancingPanel],
  template: `
    <section class="panel" aria-labelledby="financing-title">
      <h2 id="financing-title">Financement</h2>
      <app-financing-panel />
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FinancingSection {}
