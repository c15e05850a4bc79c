import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { toUserError } from '../core/problem';
import { isDepartementRole } from '../core/roles';
import { SessionStore } from '../core/session';
import { Outcome } from '../shared/outcome';
import type { FieldErrors } from '../projects/shared/form-helpers';
import { FaqApi } from './faq-api';
import { FaqEntryForm, toRequest, type FaqFormValue } from './faq-entry-form';

/** A new entry: a draft of the Département (`/faq/nouvelle`) or a commune's proposal (`/faq/proposer`). */
@Component({
  selector: 'app-faq-new',
  imports: [RouterLink, FaqEntryForm, Outcome],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="back"><a routerLink="/faq">← Questions fréquentes</a></p>
    <h1 id="faq-new-title">{{ staff() ? 'Nouvelle entrée' : 'Proposer une question et sa réponse' }}</h1>
    <p class="lead">
      {{ staff() ? 'L’entrée commence en brouillon : vous la relisez avant de la publier.' : 'Le Département relit votre proposition, puis la publie ou vous dit pourquoi il ne la retient pas.' }}
    </p>
    <app-outcome [success]="success()" [error]="error()" />
    <app-faq-entry-form [initial]="initial" [staff]="staff()" [pending]="pending()" [serverErrors]="fieldErrors()" labelledBy="faq-new-title" [submitLabel]="staff() ? 'Créer le brouillon' : 'Envoyer la proposition'" (save)="create($event)" />
  `,
})
export class FaqNew {
  private readonly api = inject(FaqApi);
  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);
  protected readonly staff = computed(() => isDepartementRole(this.session.me()?.role ?? null));
  protected readonly initial: FaqFormValue = { question: '', answer: '', category: '', keywords: '', team: '', audience: 'communes', reason: '' };
  protected readonly pending = signal(false);
  protected readonly success = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly fieldErrors = signal<FieldErrors>({});

  protected async create(value: FaqFormValue): Promise<void> {
    this.pending.set(true);
    this.error.set(null);
    this.fieldErrors.set({});
    try {
      const request = toRequest(value);
      if (this.staff()) {
        const created = await firstValueFrom(this.api.draft(request));
        await this.router.navigate(['/faq', created.id], { queryParams: { position: created.position } });
      } else {
        const { question, answer, category, keywords } = request;
        const created = await firstValueFrom(this.api.propose({ question, answer, category, keywords }));
        await this.router.navigate(['/faq'], { queryParams: { proposee: created.position } });
      }
    } catch (error) {
      const e = toUserError(error);
      this.error.set(e.message);
      this.fieldErrors.set(e.fieldErrors);
    } finally {
      this.pending.set(false);
    }
  }
}
