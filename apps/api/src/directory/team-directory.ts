import { Inject, Injectable } from '@nestjs/common';
import type { AccountStore } from '@carnet/account-store';
import { DEPARTEMENT_TEAMS, type DepartementTeam } from '@carnet/domain';
import { ACCOUNT_STORE } from '../infrastructure/tokens.js';

/**
 * Which Département team(s) an agent belongs to, for routing questions to the right « À traiter »
 * list. Kept with the accounts (mutable, not personal beyond the id), never in an event: a question
 * event names its team, and people by account id only (ADR 0010).
 */
@Injectable()
export class TeamDirectory {
  constructor(@Inject(ACCOUNT_STORE) private readonly store: AccountStore) {}

  async teamsOf(accountId: string): Promise<DepartementTeam[]> {
    return (await this.store.getTeams(accountId)).filter(isTeam);
  }

  async set(accountId: string, teams: DepartementTeam[]): Promise<void> {
    await this.store.setTeams(accountId, [...new Set(teams)]);
  }

  /** accountId → teams, for every account in a team. */
  async all(): Promise<Map<string, DepartementTeam[]>> {
    return new Map((await this.store.listTeams()).map((m) => [m.accountId, m.teams.filter(isTeam)]));
  }
}

const isTeam = (t: string): t is DepartementTeam => (DEPARTEMENT_TEAMS as readonly string[]).includes(t);
