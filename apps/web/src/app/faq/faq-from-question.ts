import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { toUserError } from '../core/problem';
import { FaqApi } from './faq-api';

/**
 * « Proposer pour la FAQ » (`/faq/depuis-question?projet=&question=`): asks the API for an anonymised
 * draft of the answered question, then opens its review screen with what was removed.
 */
@Component({
  selector: 'app-faq-from-question',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Proposer pour la FAQ</h1>
    @if (error(); as message) {
      <div class="alert alert--error" role="alert"><p>{{ message }}</p></div>
      <p><a routerLink="/faq">Retour aux questions fréquentes</a></p>
    } @else {
      <p role="status">Préparation du brouillon sans noms, adresses ni téléphones…</p>
    }
  `,
})
export class FaqFromQuestion {
  private readonly api = inject(FaqApi);
  private readonly router = inject(Router);
  protected readonly error = signal<string | null>(null);

  constructor() {
    const params = inject(ActivatedRoute).snapshot.queryParamMap;
    void this.start(params.get('projet') ?? '', params.get('question') ?? '');
  }

  private async start(projectId: string, questionId: string): Promise<void> {
    try {
      const draft = await firstValueFrom(this.api.fromQuestion(projectId, questionId));
      const r = draft.removed;
      await this.router.navigate(['/faq', draft.id], {
        replaceUrl: true,
        queryParams: { position: draft.position, noms: r.names, courriels: r.emails, telephones: r.phones, communes: r.communes },
      });
    } catch (error) {
      this.error.set(toUserError(error).message);
    }
  }
}
