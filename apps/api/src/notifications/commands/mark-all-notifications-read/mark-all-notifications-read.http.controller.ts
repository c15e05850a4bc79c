import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountStore } from '@carnet/account-store';
import type { Actor } from '@carnet/domain';
import { ACCOUNT_STORE } from '../../../infrastructure/tokens.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ReadModels } from '../../../shared/read-models.js';

@ApiTags('Notifications')
@Controller('notifications')
export class MarkAllNotificationsReadHttpController {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
  ) {}

  @Post('read-all')
  @HttpCode(204)
  @ApiOperation({ summary: 'Tout marquer comme lu (jusqu’à ce que le serveur montre maintenant)' })
  @ProblemResponses(401, 403)
  async markAllRead(@CurrentActor() actor: Actor): Promise<void> {
    await this.accounts.markAllNotificationsRead(actor.id, this.readModels.position);
  }
}
