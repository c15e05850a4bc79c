import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ProjectLocation } from '../../../map/project-location';
import { ProjectAccess } from '../project-access';

/** « Carte » (`/projets/:id/carte`): where the project is, and placing it for those who may (issue #10). */
@Component({
  selector: 'app-map-section',
  imports: [ProjectLocation],
  template: `
    <section class="panel" aria-labelledby="location-title">
      <h2 id="location-title">Carte</h2>
      <app-project-location [canManage]="access.canManage()" />
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MapSection {
  protected readonly access = inject(ProjectAccess);
}
