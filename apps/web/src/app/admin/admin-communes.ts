import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { COLLABORATOR_SEATS, type AdminCommuneRow } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { Api } from '../core/api';
import { toUserError, type UserError } from '../core/problem';
import { canAdminister } from '../core/roles';
import { SessionStore } from '../core/session';
import { PageProblem } from '../shared/page-problem';
import { communeOf } from '../shared/safe-return';

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[-’']/g, ' ')
    .toLowerCase();

/** Communes matching the words typed (name or INSEE code, accents and hyphens ignored). */
export function filterCommunes(rows: AdminCommuneRow[], query: string, eligibleOnly: boolean): AdminCommuneRow[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (eligibleOnly && !row.eligible) return false;
    const haystack = `${fold(row.name)} ${row.codeInsee}`;
    return words.every((w) => haystack.includes(w));
  });
}

const population = new Intl.NumberFormat('fr-FR');

@Component({
  selector: 'app-admin-communes',
  imports: [RouterLink, PageProblem],
  template: `
    <h2>Communes</h2>
    <form class="filters" role="search" aria-label="Chercher une commune" (submit)="$event.preventDefault()">
      <div class="field field--grow">
        <label for="commune-search">Commune ou code INSEE</label>
        <input id="commune-search" type="search" autocomplete="off" [value]="query()" (input)="query.set($any($event.target).value)" />
      </div>
      <div class="checkbox">
        <input id="eligible-only" type="checkbox" [checked]="eligibleOnly()" (change)="eligibleOnly.set(!eligibleOnly())" />
        <label for="eligible-only">Communes éligibles seulement</label>
      </div>
    </form>
    <p role="status" class="result-count">{{ countText() }}</p>
    @if (error(); as e) {
      <app-page-problem [error]="e" forbiddenText="la liste des communes est réservée au Département." />
    } @else if (rows().length > 0) {
      <div class="table-wrap">
        <table class="table table--stack">
          <caption>
            Communes {{ me()?.ofDepartement ?? '' }} : éligibilité, maire, places de collaborateur et invitations en attente
          </caption>
          <thead>
            <tr>
              <th scope="col">Commune</th>
              <th scope="col">Population</th>
              <th scope="col">Éligible</th>
              <th scope="col">Maire</th>
              <th scope="col">Collaborateurs</th>
              <th scope="col">Invitations en attente</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            @for (c of shown(); track c.codeInsee) {
              <tr>
                <th scope="row" data-label="Commune">
                  @if (c.eligible) {
                    <a [routerLink]="['/communes', c.codeInsee, 'membres']">{{ c.name }}</a>
                  } @else {
                    {{ c.name }}
                  }
                  <span class="table__sub">{{ c.codeInsee }}</span>
                </th>
                <td data-label="Population">{{ format(c.population) }}</td>
                <td data-label="Éligible">{{ c.eligible ? 'Oui' : 'Non' }}</td>
                <td data-label="Maire">{{ c.mayor?.name ?? (c.eligible ? 'Aucun' : '—') }}</td>
                <!-- A commune without a space has no seats: « — », not « 0 / 3 ». -->
                <td data-label="Collaborateurs">{{ c.eligible ? c.collaborators + ' / ' + seats : '—' }}</td>
                <td data-label="Invitations en attente">{{ c.eligible ? c.pendingInvitations : '—' }}</td>
                <td class="table__actions">
                  @if (canAct() && c.eligible && !c.mayor) {
                    <a class="button button--small" [routerLink]="['/communes', c.codeInsee, 'membres']" [queryParams]="{ place: 'maire' }">
                      Inviter le maire<span class="visually-hidden"> {{ de(c.name) }}</span>
                    </a>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    } @else if (!loading()) {
      <p>Aucune commune.</p>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminCommunes {
  private readonly api = inject(Api);
  /** « d’Aincourt », « de Vigny ». */
  protected readonly de = communeOf;
  protected readonly me = inject(SessionStore).me;
  protected readonly canAct = computed(() => canAdminister(this.me()));
  protected readonly seats = COLLABORATOR_SEATS;
  protected readonly rows = signal<AdminCommuneRow[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<UserError | null>(null);
  protected readonly query = signal('');
  protected readonly eligibleOnly = signal(false);
  protected readonly shown = computed(() => filterCommunes(this.rows(), this.query(), this.eligibleOnly()));
  protected readonly countText = computed(() => {
    if (this.loading()) return 'Chargement des communes…';
    const n = this.shown().length;
    return n === 0 ? 'Aucune commune ne correspond.' : n === 1 ? '1 commune' : `${n} communes`;
  });

  constructor() {
    void this.load();
  }

  protected format(n: number): string {
    return population.format(n);
  }

  private async load(): Promise<void> {
    try {
      const rows = await firstValueFrom(this.api.adminCommunes());
      this.rows.set([...rows].sort((a, b) => a.name.localeCompare(b.name, 'fr')));
    } catch (error) {
      this.error.set(toUserError(error));
    } finally {
      this.loading.set(false);
    }
  }
}
