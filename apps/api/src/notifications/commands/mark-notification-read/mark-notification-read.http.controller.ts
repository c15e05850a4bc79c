import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountStore } from '@carnet/account-store';
import type { Actor } from '@carnet/domain';
import { ACCOUNT_STORE } from '../../../infrastructure/tokens.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { ProblemException } from '../../../shared/problem.js';
import { NotificationCenter } from '../../notification-center.js';

@ApiTags('Notifications')
@Controller('notifications')
export class MarkNotificationReadHttpController {
  constructor(
    private readonly center: NotificationCenter,
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
  ) {}

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Marquer une de mes notifications comme lue' })
  @ProblemResponses(401, 403, 404)
  async markRead(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<void> {
    // Only a notification this person actually has: ids of others' notifications are not stored.
    if (!(await this.center.delivered(actor)).some((d) => d.entry.id === id)) {
      throw new ProblemException(404, 'notification_not_found', 'Notification introuvable', 'Cette notification n’existe pas ou ne vous est pas adressée.');
    }
    await this.accounts.markNotificationsRead(actor.id, [id]);
  }
}
