import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountStore } from '@carnet/account-store';
import type { PendingInvitation } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ACCOUNT_STORE } from '../../account-store.provider.js';
import { Invitations } from '../../invitations.js';

@ApiTags('Invitations')
@Controller()
export class ListInvitationsHttpController {
  constructor(
    private readonly invitations: Invitations,
    @Inject(ACCOUNT_STORE) private readonly store: AccountStore,
  ) {}

  @Get('communes/:codeInsee/invitations')
  @ApiOperation({ summary: 'Invitations en attente d’une commune (son maire, le Département)' })
  @ApiOkResponse({ description: 'Les invitations ni acceptées, ni retirées, ni expirées' })
  @ProblemResponses(401, 403)
  async list(@Param('codeInsee') codeInsee: string, @CurrentActor() actor: Actor): Promise<PendingInvitation[]> {
    const pending = await this.invitations.listForCommune(actor, codeInsee);
    const inviters = await this.store.getAccounts(pending.map((i) => i.invitedBy));
    return pending.map((i) => ({
      id: i.id,
      email: i.email,
      displayName: i.displayName,
      seat: i.seat!,
      expiresAt: i.expiresAt,
      invitedBy: inviters.get(i.invitedBy)?.displayName ?? 'Plateforme',
    }));
  }
}
