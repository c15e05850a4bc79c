import { Controller, Get, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WaitingQueue } from '@carnet/contracts';
import type { Actor } from '@carnet/domain';
import { CurrentActor } from '../../../shared/current-actor.js';
import { MinPositionPipe, MinPositionQuery } from '../../../shared/min-position.js';
import { ProblemResponses } from '../../../shared/openapi.js';
import { GetWaitingQueueQuery } from './get-waiting-queue.query.js';

@ApiTags('Questions et échanges')
@Controller('questions')
export class GetWaitingQueueHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('waiting')
  @ApiOperation({ summary: '« À traiter » : mes questions, celles sans responsable de mes équipes, et celles en retard (agents et partenaires)' })
  @MinPositionQuery()
  @ProblemResponses(400, 401, 403, 503)
  get(@CurrentActor() actor: Actor, @QueryParam('minPosition', MinPositionPipe) minPosition?: number): Promise<WaitingQueue> {
    return this.queryBus.execute(new GetWaitingQueueQuery(actor, minPosition));
  }
}
