import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountStore } from '@carnet/account-store';
import type { DepartementOverview } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { APP_CONFIG, thresholdOf, type AppConfig } from '../../../config.js';
import { ACCOUNT_STORE, CLOCK, type Clock } from '../../../infrastructure/tokens.js';
import { departementOfAccount } from '../../../shared/actor-of.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ProblemException } from '../../../shared/problem.js';
import { ReadModels } from '../../../shared/read-models.js';
import { CommuneCatalog, DEPARTEMENT_NAMES, OF_DEPARTEMENT } from '../../commune-catalog.js';

/**
 * `/api/admin/departements` (issue #17): the Départements an instance serves and where each stands —
 * communes and their threshold, its people, pending invitations, projects — for the national
 * administrator, who invites each Département's first administrator. Counts only: no file's content.
 */
@ApiTags('Administration')
@Controller('admin/departements')
export class ListDepartementsHttpController {
  constructor(
    private readonly catalog: CommuneCatalog,
    private readonly readModels: ReadModels,
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Les départements servis par l’instance, leurs communes, leurs comptes, leurs invitations en attente et leurs projets (administrateur national)' })
  @ApiOkResponse({ description: 'Un élément par département servi, dans l’ordre de DEPARTEMENTS' })
  @ProblemResponses(401, 403)
  async list(@CurrentActor() actor: Actor): Promise<DepartementOverview[]> {
    if (actor.role !== 'national_admin') {
      throw new ProblemException(403, 'forbidden', 'Action non autorisée', 'La liste des départements est réservée à l’administration nationale.');
    }
    const [accounts, pending, set] = await Promise.all([
      this.accounts.listAccounts(),
      this.accounts.listPendingInvitations({ communeInsee: null }, this.clock.now().toISOString()),
      this.readModels.current(),
    ]);
    const people = (code: string, kind: string) =>
      accounts.filter((a) => a.kind === kind && a.status === 'active' && departementOfAccount(a, this.config.departement) === code).length;
    return Promise.all(
      this.catalog.departements.map(async (code) => {
        const communes = this.catalog.all(code);
        // A Département's communes are the codes that begin with its own: one range of the index (ADR 0026).
        const ofDepartement = [{ field: 'codeInsee', op: 'gte' as const, value: code }, { field: 'codeInsee', op: 'lt' as const, value: `${code}~` }];
        const [projects, publishedProjects] = await Promise.all([
          set.count('projects', { range: ofDepartement }),
          set.count('public_projects', { where: { listed: true }, range: ofDepartement }),
        ]);
        return {
          code,
          name: DEPARTEMENT_NAMES.get(code) ?? code,
          ofDepartement: OF_DEPARTEMENT.get(code) ?? code,
          communes: communes.length,
          eligibleCommunes: communes.filter((c) => c.eligible).length,
          eligibilityThreshold: thresholdOf(this.config, code),
          administrators: people(code, 'departement_admin'),
          agents: people(code, 'departement_agent'),
          auditors: people(code, 'auditor'),
          partners: people(code, 'partner_member'),
          pendingInvitations: pending.filter((i) => (i.departement ?? this.config.departement) === code).length,
          projects,
          publishedProjects,
        };
      }),
    );
  }
}
