import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PublicationPanel } from '../publication-panel';

/** « Publication » (`/projets/:id/publication`): the public content, the mayor's approval, the withdrawal. */
@Component({
  selector: 'app-publication-section',
  imports: [PublicationPanel],
  template: `
    <section class="panel" aria-labelledby="publication-title">
      <h2 id="publication-title">Publication</h2>
      <app-publication-panel />
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicationSection {}
