import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { DocumentsPanel } from '../documents-panel';
import { ProjectAccess } from '../project-access';

/** « Documents » (`/projets/:id/documents`). */
@Component({
  selector: 'app-documents-section',
  imports: [DocumentsPanel],
  template: `
    <section class="panel" aria-labelledby="documents-title">
      <h2 id="documents-title">Documents</h2>
      <app-documents-panel [canAdd]="access.canAddDocuments()" [canCurate]="access.canCurateDocuments()" />
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentsSection {
  protected readonly access = inject(ProjectAccess);
}
