import { ChangeDetectionStrategy, Component, inject, input, linkedSignal, output, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TEAM_LABELS, de, type AdminAccountRow, type DepartementTeam } from '@carnet/contracts';
import { firstValueFrom } from 'rxjs';
import { Api } from '../core/api';
import { toUserError } from '../core/problem';
import { OnDemand } from '../shared/on-demand';

const TEAMS = Object.entries(TEAM_LABELS) as Array<[DepartementTeam, string]>;

/** An agent's teams, which route the communes' questions to their « À traiter » (ADR 0010); an administrator changes them. */
@Component({
  selector: 'app-agent-teams',
  imports: [FormsModule, OnDemand],
  template: `
    <p class="agent-teams__text">{{ summary() }}</p>
    @if (editable()) {
      <app-on-demand [label]="'Modifier les équipes ' + de(account().displayName)">
        <ng-template>
          <form class="form" novalidate (ngSubmit)="save()">
            <fieldset class="fieldset">
              <legend>Équipes {{ de(account().displayName) }}</legend>
              <p class="hint">Les questions des communes sont routées vers les agents de leur équipe. Sans équipe, l’agent voit les questions de toutes les équipes.</p>
              @for (t of teams; track t[0]) {
                <div class="checkbox">
                  <input type="checkbox" [id]="'team-' + account().id + '-' + t[0]" [name]="'team-' + t[0]" [checked]="chosen().includes(t[0])" (change)="toggle(t[0])" />
                  <label [for]="'team-' + account().id + '-' + t[0]">{{ t[1] }}</label>
                </div>
              }
            </fieldset>
            <div class="form-actions">
              <button type="submit" class="button button--primary" [disabled]="pending()">Enregistrer les équipes</button>
            </div>
            <div role="alert">
              @if (error(); as message) {
                <p class="alert alert--error">{{ message }}</p>
              }
            </div>
          </form>
        </ng-template>
      </app-on-demand>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgentTeams {
  private readonly api = inject(Api);
  readonly account = input.required<AdminAccountRow>();
  /** An administrator of the agent's Département: may change them. */
  readonly editable = input(false);
  /** After a change: the list is read again. */
  readonly saved = output<void>();
  protected readonly teams = TEAMS;
  /** « d’Isabelle Moreau », « de Karim Haddad ». */
  protected readonly de = de;
  /** The boxes ticked: the agent's teams, until the administrator changes them. */
  protected readonly chosen = linkedSignal<DepartementTeam[]>(() => [...this.account().teams]);
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly onDemand = viewChild(OnDemand);

  protected summary(): string {
    const teams = this.account().teams;
    return teams.length ? `Équipes : ${teams.map((t) => TEAM_LABELS[t]).join(', ')}` : 'Aucune équipe : reçoit les questions de toutes les équipes';
  }

  protected toggle(team: DepartementTeam): void {
    this.chosen.update((list) => (list.includes(team) ? list.filter((t) => t !== team) : [...list, team]));
  }

  protected async save(): Promise<void> {
    if (this.pending()) return;
    this.pending.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(this.api.setTeams(this.account().id, this.chosen()));
      this.onDemand()?.succeeded(`Les équipes ${de(this.account().displayName)} sont enregistrées.`);
      this.saved.emit();
    } catch (error) {
      this.error.set(`Les équipes n’ont pas pu être enregistrées. ${toUserError(error).message}`);
    } finally {
      this.pending.set(false);
    }
  }
}
