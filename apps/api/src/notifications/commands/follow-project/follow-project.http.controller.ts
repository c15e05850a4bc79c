import { Controller, Delete, Inject, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountStore } from '@carnet/account-store';
import type { FollowState } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { ACCOUNT_STORE, CLOCK, type Clock } from '../../../infrastructure/tokens.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { UuidParam } from '../../../shared/uuid-param.js';
import { followableFeed } from '../../follow-access.js';
import { NotificationCenter } from '../../notification-center.js';

/** Following is a user setting (account store), not domain history: no event is appended. */
@ApiTags('Notifications')
@Controller('projects')
export class FollowProjectHttpController {
  constructor(
    private readonly center: NotificationCenter,
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Put(':id/follow')
  @ApiOperation({ summary: 'Suivre un projet : recevoir ses notifications' })
  @ProblemResponses(400, 401, 403, 404)
  follow(@Param('id', UuidParam) id: string, @CurrentActor() actor: Actor): Promise<FollowState> {
    return this.set(id, actor, true);
  }

  @Delete(':id/follow')
  @ApiOperation({ summary: 'Ne plus suivre un projet : seules les notifications qui me sont adressées restent' })
  @ProblemResponses(400, 401, 403, 404)
  unfollow(@Param('id', UuidParam) id: string, @CurrentActor() actor: Actor): Promise<FollowState> {
    return this.set(id, actor, false);
  }

  private async set(id: string, actor: Actor, following: boolean): Promise<FollowState> {
    const feed = await followableFeed(this.center, actor, id);
    await this.accounts.setFollow(actor.id, id, following, this.clock.now().toISOString());
    return this.center.followState(actor, feed);
  }
}
