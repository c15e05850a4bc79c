import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { DepartementOverview } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { Api } from '../core/api';
import { toUserError, type UserError } from '../core/problem';
import { PageProblem } from '../shared/page-problem';

const number = new Intl.NumberFormat('fr-FR');

/**
 * `/administration/departements` (national administrator, issue #17): the Départements the instance
 * serves, their communes, people and projects — counts only — and which of them still has no administrator.
 */
@Component({
  selector: 'app-admin-departements',
  imports: [PageProblem, RouterLink],
  template: `
    <h2>Départements servis</h2>
    <p>
      Chaque département a ses administrateurs, ses agents, ses partenaires et ses communes. Vous invitez son premier administrateur
      dans <a routerLink="../comptes">« Comptes des départements »</a> ; vous ne voyez pas ses projets.
    </p>
    @if (withoutAdministrator(); as missing) {
      @if (missing.length > 0) {
        <p class="alert alert--info">
          {{ missing.length === 1 ? 'Un département n’a' : missing.length + ' départements n’ont' }} pas encore d’administrateur :
          {{ missing.join(', ') }}.
        </p>
      }
    }
    @if (error(); as e) {
      <app-page-problem [error]="e" forbiddenText="la liste des départements est réservée à l’administration nationale." />
    } @else if (rows().length > 0) {
      <div class="table-wrap">
        <table class="table table--stack">
          <caption>Départements servis : communes, comptes, invitations en attente et projets</caption>
          <thead>
            <tr>
              <th scope="col">Département</th>
              <th scope="col" class="num">Communes avec un espace</th>
              <th scope="col">Comptes actifs</th>
              <th scope="col" class="num">Invitations en attente</th>
              <th scope="col" class="num">Projets (publiés)</th>
            </tr>
          </thead>
          <tbody>
            @for (d of rows(); track d.code) {
              <tr>
                <th scope="row" data-label="Département">{{ d.name }} ({{ d.code }})</th>
                <td data-label="Communes avec un espace" class="num">
                  {{ n(d.eligibleCommunes) }} sur {{ n(d.communes) }}
                  <span class="table__sub">moins de {{ n(d.eligibilityThreshold) }} habitants</span>
                </td>
                <td data-label="Comptes actifs">
                  {{ plural(d.administrators, 'administrateur', 'administrateurs') }}, {{ plural(d.agents, 'agent', 'agents') }},
                  {{ plural(d.auditors, 'auditeur', 'auditeurs') }}, {{ plural(d.partners, 'partenaire', 'partenaires') }}
                </td>
                <td data-label="Invitations en attente" class="num">{{ n(d.pendingInvitations) }}</td>
                <td data-label="Projets (publiés)" class="num">{{ n(d.projects) }} ({{ n(d.publishedProjects) }})</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    } @else {
      <p role="status">Chargement…</p>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminDepartements {
  private readonly api = inject(Api);
  protected readonly rows = signal<DepartementOverview[]>([]);
  protected readonly error = signal<UserError | null>(null);
  protected readonly withoutAdministrator = computed(() => this.rows().filter((d) => d.administrators === 0).map((d) => d.name));

  constructor() {
    void this.load();
  }

  protected n(value: number): string {
    return number.format(value);
  }

  protected plural(value: number, one: string, many: string): string {
    return `${number.format(value)} ${value > 1 ? many : one}`;
  }

  private async load(): Promise<void> {
    try {
      this.rows.set(await firstValueFrom(this.api.departements()));
    } catch (error) {
      this.error.set(toUserError(error));
    }
  }
}
