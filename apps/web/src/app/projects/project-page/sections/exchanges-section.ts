import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ProjectAccess } from '../project-access';
import { Thread } from '../thread';

/** « Échanges » (`/projets/:id/echanges`): the conversation with the commune, and the internal notes for the Département and partners. */
@Component({
  selector: 'app-exchanges-section',
  imports: [Thread],
  template: `
    @if (access.canReadConversation()) {
      <section class="panel" aria-labelledby="conversation-title">
        <h2 id="conversation-title">Échanges avec le Département</h2>
        <app-thread kind="messages" [canWrite]="access.canWriteConversation()" />
      </section>
    }
    @if (access.canReadNotes()) {
      <section class="panel panel--internal" aria-labelledby="notes-title">
        <h2 id="notes-title">Notes internes <span class="badge">Jamais visibles par la commune</span></h2>
        <app-thread kind="notes" [canWrite]="access.canWriteNotes()" />
      </section>
    }
    @if (!access.canReadConversation() && !access.canReadNotes()) {
      <section class="panel" aria-labelledby="conversation-title">
        <h2 id="conversation-title">Échanges</h2>
        <p>Les échanges de ce projet sont réservés à sa commune, au Département et à ses partenaires.</p>
      </section>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExchangesSection {
  protected readonly access = inject(ProjectAccess);
}
