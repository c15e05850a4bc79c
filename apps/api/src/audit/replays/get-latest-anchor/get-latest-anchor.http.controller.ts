import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AnchorStatus } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import type { EventStore } from '@carnet/event-store';
import { APP_CONFIG, type AppConfig } from '../../../config.js';
import { AnchorScheduler } from '../../../infrastructure/anchor-scheduler.js';
import { CLOCK, EVENT_STORE, type Clock } from '../../../infrastructure/tokens.js';
import { CurrentActor } from '../../../shared/current-actor.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { requireAuditor } from '../../audit-access.js';
import { anchorStatus } from '../../anchor-status.js';
import { AnchorStatusDto } from './get-latest-anchor.response.dto.js';

@ApiTags('Audit')
@Controller('audit')
export class GetLatestAnchorHttpController {
  constructor(
    private readonly anchors: AnchorScheduler,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('anchors/latest')
  @ApiOperation({ summary: 'La dernière ancre d’audit du journal, son âge et les événements pas encore scellés' })
  @ApiOkResponse({ type: AnchorStatusDto, description: 'La dernière ancre (latest vaut null s’il n’y en a encore aucune)' })
  @ProblemResponses(401, 403)
  async latest(@CurrentActor() actor: Actor): Promise<AnchorStatus> {
    requireAuditor(actor);
    const [latest, head] = await Promise.all([this.anchors.latest(), this.events.headPosition()]);
    return anchorStatus(latest, head, this.clock.now(), this.config.anchors);
  }
}
