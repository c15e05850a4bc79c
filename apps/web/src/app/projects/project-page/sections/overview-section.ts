import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Euros, FrDate } from '../../../core/format';
import { OnDemand } from '../../../shared/on-demand';
import { DetailsForm } from '../details-form';
import { ProjectAccess } from '../project-access';
import { ProjectStore } from '../project-store';

/** « Présentation » (`/projets/:id`): what the project is, and « Modifier les informations » for its managers. */
@Component({
  selector: 'app-overview-section',
  imports: [Euros, FrDate, OnDemand, DetailsForm],
  template: `
    @if (store.detail(); as d) {
      <section class="panel" aria-labelledby="overview-title">
        <h2 id="overview-title">Présentation</h2>
        <dl class="facts">
          <div class="facts__wide">
            <dt>Description</dt>
            <dd class="prewrap">{{ d.description || 'Pas encore de description.' }}</dd>
          </div>
          <div>
            <dt>Coût estimé hors taxes</dt>
            <dd>{{ d.estimatedCostHt | euros }}</dd>
          </div>
          <div>
            <dt>Créé le</dt>
            <dd><time [attr.datetime]="d.createdAt">{{ d.createdAt | frDate }}</time></dd>
          </div>
        </dl>
        @if (access.canManage()) {
          <app-on-demand label="Modifier les informations">
            <ng-template><app-details-form /></ng-template>
          </app-on-demand>
        }
      </section>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewSection {
  protected readonly store = inject(ProjectStore);
  protected readonly access = inject(ProjectAccess);
}
