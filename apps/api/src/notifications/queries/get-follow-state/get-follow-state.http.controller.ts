import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FollowState } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { followableFeed } from '../../follow-access.js';
import { NotificationCenter } from '../../notification-center.js';

@ApiTags('Notifications')
@Controller('projects')
export class GetFollowStateHttpController {
  constructor(private readonly center: NotificationCenter) {}

  @Get(':id/follow')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Est-ce que je suis ce projet (ses notifications) ?' })
  @ProblemResponses(400, 401, 404)
  async get(@Param('id', UuidParam) id: string, @CurrentActor() actor: Actor): Promise<FollowState> {
    return this.center.followState(actor, await followableFeed(this.center, actor, id));
  }
}
