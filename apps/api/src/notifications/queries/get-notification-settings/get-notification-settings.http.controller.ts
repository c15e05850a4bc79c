import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NotificationSettingsView } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { NotificationCenter } from '../../notification-center.js';

@ApiTags('Notifications')
@Controller('me')
export class GetNotificationSettingsHttpController {
  constructor(private readonly center: NotificationCenter) {}

  @Get('notification-settings')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Comment je suis prévenu par courriel (et le choix par défaut de mon rôle)' })
  @ProblemResponses(401)
  get(@CurrentActor() actor: Actor): Promise<NotificationSettingsView> {
    return this.center.emailModeOf(actor);
  }
}
