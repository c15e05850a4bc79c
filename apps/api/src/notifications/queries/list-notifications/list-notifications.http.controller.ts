import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NotificationInbox, UnreadCount } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { NotificationCenter } from '../../notification-center.js';

@ApiTags('Notifications')
@Controller('notifications')
export class ListNotificationsHttpController {
  constructor(private readonly center: NotificationCenter) {}

  @Get()
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Mes notifications, les plus récentes d’abord (100 au plus), et combien sont non lues' })
  @ProblemResponses(401)
  async list(@CurrentActor() actor: Actor): Promise<NotificationInbox> {
    const delivered = await this.center.delivered(actor);
    return { items: await this.center.items(actor, delivered), unread: delivered.filter((d) => !d.read).length };
  }

  @Get('unread-count')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Le nombre de mes notifications non lues (pastille de l’en-tête)' })
  @ProblemResponses(401)
  async unread(@CurrentActor() actor: Actor): Promise<UnreadCount> {
    return { unread: (await this.center.delivered(actor)).filter((d) => !d.read).length };
  }
}
