import { Controller, Get, Inject, Param, Query as QueryParam } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Account, AccountStore } from '@carnet/account-store';
import type { AssigneeOption } from '@carnet/contracts';
import { departementOfCommune, isDepartementRole, type Actor } from '@carnet/domain';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { OrganisationDirectory } from '../../../communes/organisation-directory.js';
import { TeamDirectory } from '../../../directory/team-directory.js';
import { ACCOUNT_STORE } from '../../../infrastructure/tokens.js';
import { departementOfAccount } from '../../../shared/actor-of.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { MinPositionPipe, MinPositionQuery } from '../../../shared/min-position.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ProblemException } from '../../../shared/problem.js';
import { ReadModels } from '../../../shared/read-models.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { canSeeProject, projectNotFound } from '../../project-access.js';
import type { ProjectDoc } from '../../projections/project.projection.js';

/** Who a question of this project can be given to: the Département's agents and the members of its involved partners. */
@ApiTags('Questions et échanges')
@Controller('projects')
export class ListAssigneesHttpController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly teams: TeamDirectory,
    private readonly organisations: OrganisationDirectory,
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':id/assignees')
  @ApiOperation({ summary: 'Les personnes à qui attribuer une question de ce projet (Département)' })
  @MinPositionQuery()
  @ProblemResponses(400, 401, 403, 404)
  async list(
    @Param('id', UuidParam) id: string,
    @CurrentActor() actor: Actor,
    @QueryParam('minPosition', MinPositionPipe) minPosition?: number,
  ): Promise<AssigneeOption[]> {
    if (!isDepartementRole(actor.role)) {
      throw new ProblemException(403, 'forbidden', 'Action non autorisée', 'Seul le Département attribue les questions.');
    }
    const project = await (await this.readModels.current(minPosition)).get<ProjectDoc>('projects', id);
    if (!project || !canSeeProject(actor, project)) throw projectNotFound(id);
    const [agents, admins, teams, organisations] = await Promise.all([
      this.accounts.listAccounts({ kind: 'departement_agent' }),
      this.accounts.listAccounts({ kind: 'departement_admin' }),
      this.teams.all(),
      this.organisations.all(),
    ]);
    const partners = (await Promise.all((project.partners ?? []).map((organisationId) => this.accounts.listAccounts({ kind: 'partner_member', organisationId })))).flat();
    const names = new Map(organisations.map((o) => [o.id, o.name]));
    // The project's Département's people only (issue #17): another Département's never see this file.
    const departement = departementOfCommune(project.codeInsee);
    const ours = (a: Account) => a.status === 'active' && departementOfAccount(a, this.config.departement) === departement;
    const options: AssigneeOption[] = [
      ...[...agents, ...admins].filter(ours).map((a) => ({ id: a.id, name: a.displayName, kind: 'agent' as const, teams: teams.get(a.id) ?? [], organisationName: null })),
      ...partners.filter(ours).map((a) => ({ id: a.id, name: a.displayName, kind: 'partner' as const, teams: [], organisationName: names.get(a.organisationId ?? '') ?? null })),
    ];
    return options.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }
}
