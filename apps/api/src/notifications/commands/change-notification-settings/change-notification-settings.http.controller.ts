import { Body, Controller, Inject, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountStore } from '@carnet/account-store';
import type { NotificationSettingsView } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { ACCOUNT_STORE } from '../../../infrastructure/tokens.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { NotificationCenter } from '../../notification-center.js';
import { ChangeNotificationSettingsRequestDto } from './change-notification-settings.request.dto.js';

@ApiTags('Notifications')
@Controller('me')
export class ChangeNotificationSettingsHttpController {
  constructor(
    private readonly center: NotificationCenter,
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
  ) {}

  @Put('notification-settings')
  @ApiOperation({ summary: 'Choisir comment je suis prévenu par courriel' })
  @ProblemResponses(400, 401, 403)
  async change(@Body() body: ChangeNotificationSettingsRequestDto, @CurrentActor() actor: Actor): Promise<NotificationSettingsView> {
    await this.accounts.setEmailMode(actor.id, body.emailMode);
    return this.center.emailModeOf(actor);
  }
}
