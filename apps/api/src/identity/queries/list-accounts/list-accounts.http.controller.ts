import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { AccountKind, AccountStore } from '@carnet/account-store';
import type { AccountListKind, AdminAccountRow } from '@carnet/contracts';
import { DEPARTEMENT_TEAMS, type Actor, type DepartementTeam } from '@carnet/domain';
import { CurrentActor } from '../../../shared/current-actor.js';
import { departementOfAccountNow } from '../../../shared/actor-of.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ProblemException } from '../../../shared/problem.js';
import { ACCOUNT_STORE } from '../../account-store.provider.js';
import { CommuneCatalog, DEPARTEMENT_NAMES } from '../../../communes/commune-catalog.js';
import { SeatDirectory } from '../../../communes/seat-directory.js';

const KINDS: AccountListKind[] = ['departement_agent', 'departement_admin', 'auditor', 'partner_member', 'commune', 'national_admin'];

@ApiTags('Administration')
@Controller('admin/accounts')
export class ListAccountsHttpController {
  constructor(
    @Inject(ACCOUNT_STORE) private readonly store: AccountStore,
    private readonly seats: SeatDirectory,
    private readonly catalog: CommuneCatalog,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Comptes du Département, auditeurs et partenaires ; avec kind=commune, les élus et collaborateurs des communes et leur place (agents et administrateurs)',
  })
  @ApiQuery({ name: 'kind', required: false, enum: KINDS })
  @ApiOkResponse({ description: 'Les comptes, effacés exclus' })
  @ProblemResponses(400, 401, 403)
  async list(@CurrentActor() actor: Actor, @Query('kind') kind?: string): Promise<AdminAccountRow[]> {
    // Auditors read everything, including who has an account.
    const national = actor.role === 'national_admin';
    if (actor.role !== 'departement_admin' && actor.role !== 'departement_agent' && actor.role !== 'auditor' && !national) {
      throw new ProblemException(403, 'forbidden', 'Action non autorisée', 'Seul le Département consulte la liste des comptes.');
    }
    // A national administrator manages the Départements' staff, not the communes' members (each Département's business).
    if (national && kind === 'commune') {
      throw new ProblemException(403, 'forbidden', 'Action non autorisée', 'Les élus et collaborateurs des communes sont administrés par leur Département.');
    }
    if (kind !== undefined && !KINDS.includes(kind as AccountListKind)) {
      throw new ProblemException(400, 'validation', 'Certains champs sont invalides', 'Le type de compte est inconnu.', [{ field: 'kind', message: 'Le type de compte est inconnu.' }]);
    }
    const accounts = kind ? await this.store.listAccounts({ kind: kind as AccountKind }) : (await this.store.listAccounts()).filter((a) => a.kind !== 'commune');
    // The accounts of the person's Département only: its staff, partners and auditors, and the members of its communes
    // (issue #17); a national administrator's: every Département's staff, and the national administrators.
    const departements = new Map(await Promise.all(accounts.map(async (a) => [a.id, await departementOfAccountNow(a, this.seats, this.catalog.departement)] as const)));
    // The agents' teams (ADR 0010), shown and edited next to each agent.
    const teams = new Map((await this.store.listTeams()).map((m) => [m.accountId, m.teams.filter((t): t is DepartementTeam => (DEPARTEMENT_TEAMS as readonly string[]).includes(t))]));
    const ofDepartement = accounts.filter(
      (a) => a.status !== 'erased' && (national ? a.kind !== 'commune' : a.kind !== 'national_admin' && departements.get(a.id) === actor.departement),
    );
    return Promise.all(
      ofDepartement
        .map(async (a) => ({
          id: a.id,
          displayName: a.displayName,
          email: a.email,
          kind: a.kind as AccountListKind,
          organisationId: a.organisationId,
          commune: a.kind === 'commune' ? await this.communeOf(a.id) : null,
          status: a.status,
          roleForm: a.roleForm ?? null,
          teams: a.kind === 'departement_agent' || a.kind === 'departement_admin' ? (teams.get(a.id) ?? []) : [],
          departement: a.kind === 'national_admin' ? '' : departements.get(a.id)!,
          departementName: a.kind === 'national_admin' ? '' : (DEPARTEMENT_NAMES.get(departements.get(a.id)!) ?? ''),
        })),
    );
  }

  private async communeOf(accountId: string): Promise<AdminAccountRow['commune']> {
    const held = await this.seats.seatOf(accountId);
    return held ? { codeInsee: held.communeInsee, name: this.catalog.nameOf(held.communeInsee), seat: held.seat } : null;
  }
}
