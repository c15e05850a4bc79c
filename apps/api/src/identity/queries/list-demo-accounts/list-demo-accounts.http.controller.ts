import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountStore } from '@carnet/account-store';
import { roleLabel, type DemoAccount } from '@carnet/contracts';
import { CommuneCatalog } from '../../../communes/commune-catalog.js';
import { PERSONAS } from '../../../dev/personas.js';
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
    const accounts = await this.store.getAccounts(PERSONAS.map((p) => p.id));
    return PERSONAS.flatMap((p) => {
      const account = accounts.get(p.id);
      if (!account?.demo || account.status !== 'active') return [];
      return [{ email: account.email, displayName: account.displayName, roleLabel: roleLabel(p.role, account.roleForm), communeName: p.communeInsee ? this.communes.nameOf(p.communeInsee) : null }];
    });
  }
}
