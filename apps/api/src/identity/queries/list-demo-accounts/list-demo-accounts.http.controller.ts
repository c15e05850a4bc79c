import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountStore } from '@carnet/account-store';
import { roleLabel, type DemoAccount } from '@carnet/contracts';
import { CommuneCatalog, DEPARTEMENT_NAMES, OF_DEPARTEMENT } from '../../../communes/commune-catalog.js';
import { personasOf } from '../../../dev/personas.js';
import { ProblemException } from '../../../shared/problem.js';
import { ACCOUNT_STORE } from '../../account-store.provider.js';
import { IDENTITY_CONFIG, type IdentityConfig } from '../../identity.config.js';

@ApiTags('Développement')
@Controller('dev/demo-accounts')
export class ListDemoAccountsHttpController {
  constructor(
    @Inject(ACCOUNT_STORE) private readonly store: AccountStore,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly communes: CommuneCatalog,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Comptes de démonstration proposés sur la page de connexion (absents en production)' })
  @ApiOkResponse({ description: 'Mot de passe de tous ces comptes : demo-carnet-2026' })
  async list(): Promise<DemoAccount[]> {
    if (this.config.production) throw new ProblemException(404, 'not_found', 'Ressource introuvable');
    const personas = personasOf(this.communes.departements);
    const accounts = await this.store.getAccounts(personas.map((p) => p.id));
    // An instance of several Départements says whose staff each demo person is (« Agente du Département des Yvelines »).
    const several = this.communes.departements.length > 1;
    return personas.flatMap((p) => {
      const account = accounts.get(p.id);
      if (!account?.demo || account.status !== 'active') return [];
      const role = roleLabel(p.role, account.roleForm);
      const label = !several || !p.departement ? role : role.endsWith('du Département') ? `${role} ${OF_DEPARTEMENT.get(p.departement) ?? ''}`.trim() : `${role} (${DEPARTEMENT_NAMES.get(p.departement) ?? p.departement})`;
      return [{ email: account.email, displayName: account.displayName, roleLabel: label, communeName: p.communeInsee ? this.communes.nameOf(p.communeInsee) : null }];
    });
  }
}
