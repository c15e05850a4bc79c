import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountStore } from '@carnet/account-store';
import type { Actor } from '@carnet/domain';
import { SeatDirectory } from '../../../communes/seat-directory.js';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { CLOCK, type Clock } from '../../../infrastructure/tokens.js';
import { departementOfAccountNow } from '../../../shared/actor-of.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ProblemException } from '../../../shared/problem.js';
import { ACCOUNT_STORE } from '../../account-store.provider.js';
import { SessionService } from '../../session.service.js';

@ApiTags('Administration')
@Controller('admin/accounts')
export class DisableAccountHttpController {
  constructor(
    @Inject(ACCOUNT_STORE) private readonly store: AccountStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sessions: SessionService,
    private readonly seats: SeatDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post(':id/disable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Désactiver un compte : il ne peut plus se connecter, ses sessions sont fermées' })
  @ApiNoContentResponse()
  @ProblemResponses(401, 403, 404)
  async disable(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<void> {
    if (actor.role !== 'departement_admin' && actor.role !== 'national_admin') {
      throw new ProblemException(403, 'forbidden', 'Action non autorisée', 'Seul un administrateur du Département désactive un compte.');
    }
    if (id === actor.id) throw new ProblemException(409, 'self_disable', 'Vous ne pouvez pas désactiver votre propre compte.');
    const account = await this.store.getAccount(id);
    // Another Département's accounts are not this administrator's to know of (issue #17); a national administrator
    // manages every Département's staff, not the communes' members.
    const reachable = !!account && account.status !== 'erased' &&
      (actor.role === 'national_admin'
        ? account.kind !== 'commune'
        : account.kind !== 'national_admin' && (await departementOfAccountNow(account, this.seats, this.config.departement)) === actor.departement);
    if (!account || !reachable) {
      throw new ProblemException(404, 'account_not_found', 'Ce compte n’existe pas.');
    }
    await this.store.updateAccount(id, { status: 'disabled', updatedAt: this.clock.now().toISOString() });
    await this.sessions.endAll(id);
  }
}
